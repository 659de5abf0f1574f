import Foundation
import Testing
import FeedModel
@testable import FeedParser

@Suite struct HostileTests {
    @Test func externalEntitiesAreNeverLoaded() throws {
        let doc = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY % p SYSTEM "file:///etc/hostname"> %p;]>
            <rss version="2.0"><channel><title>T&xxe;</title><item><title>x&xxe;y</title><description>&xxe;</description></item></channel></rss>
            """
        let feed = try parse(doc)
        #expect(feed.title == "T")
        #expect(feed.entries.first?.title == "xy")
        #expect(feed.entries.first?.summary == nil)
        #expect(!ParsedFeedJSON.encode(feed).contains("root:"))
    }

    @Test func billionLaughsFinishesAndKeepsTheFeed() throws {
        var entities = #"<!ENTITY lol "lol">"#
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            entities += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">"
        }
        let doc = "<?xml version=\"1.0\"?><!DOCTYPE rss [\(entities)]><rss version=\"2.0\"><channel><title>Bomb</title>"
            + "<item><title>a&lol9;b</title></item></channel></rss>"
        let feed = try parse(doc)
        #expect(feed.title == "Bomb")
        #expect(feed.entries.first?.title == "ab")
    }

    @Test func quadraticBlowupStaysSmall() throws {
        let big = String(repeating: "A", count: 100_000)
        let refs = String(repeating: "&big;", count: 20_000)
        let doc = "<!DOCTYPE rss [<!ENTITY big \"\(big)\">]><rss><channel><title>Q</title><item><title>t</title><description>\(refs)</description></item></channel></rss>"
        let feed = try parse(doc)
        #expect(feed.entries.count == 1)
        #expect(feed.entries[0].summary == nil)
    }

    @Test func deepNestingIsCapped() throws {
        let depth = 100_000
        let doc = rss(item: "<title>Deep</title><description>" + String(repeating: "<div>", count: depth) + "x"
                      + String(repeating: "</div>", count: depth) + "</description>")
        let feed = try parse(doc)  // must not crash or overflow the stack
        #expect(feed.title == "T")
        let html = String(repeating: "<b>", count: 50_000) + "deep" + String(repeating: "</b>", count: 50_000)
        #expect((TextValues.title(html, kind: .html) ?? "").count <= "deep".count)  // returns, without crashing
    }

    @Test func hugeTextNodesAreCapped() throws {
        let huge = String(repeating: "x", count: 12 * 1024 * 1024)
        let feed = try parse(rss(item: "<title>Big</title><description>\(huge)</description>") )
        // Either libxml2 refuses the node (over 10 MB) or the field is cut: never more than the cap.
        #expect((feed.entries.first?.summary?.utf8.count ?? 0) <= ParseLimits.maxFieldBytes)
        let moderate = String(repeating: "y", count: 3 * 1024 * 1024)
        let second = try parse(rss(item: "<title>Mid</title><description>\(moderate)</description>"))
        #expect(second.entries.first?.summary?.utf8.count == ParseLimits.maxFieldBytes)
    }

    @Test func invalidUTF8NeverCrashes() throws {
        var generator = SystemRandomNumberGenerator()
        let prefix = Array(#"<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>"#.utf8)
        for _ in 0..<50 {
            let noise = (0..<200).map { _ in UInt8.random(in: 0x80...0xFF, using: &generator) }
            let feed = try parse(bytes: prefix + noise + Array("</title><item><title>ok</title></item></channel></rss>".utf8))
            #expect(feed.entries.count == 1)
        }
        // Truncated multi-byte sequence at the very end.
        _ = try? parse(bytes: prefix + [0xE2, 0x82])
    }

    @Test func notAFeedIsOneClearLine() {
        let cases: [(String, String)] = [
            ("", "empty"),
            ("   \n ", "empty"),
            ("<!DOCTYPE html><html><head><title>x</title></head><body>hi</body></html>", "HTML"),
            ("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "<svg>"),
            ("just some words", "no XML"),
            ("{\"a\":1}", "JSON"),
        ]
        for (input, fragment) in cases {
            do {
                _ = try parse(input)
                Issue.record("\(input) parsed as a feed")
            } catch {
                #expect(error.reason.contains(fragment), "\(error.reason)")
                #expect(!error.reason.contains("\n"))
            }
        }
    }

    @Test func tooManyEntriesAreCapped() throws {
        let items = String(repeating: "<item><title>i</title></item>", count: ParseLimits.maxEntries + 10)
        let feed = try parse("<rss><channel><title>many</title>\(items)</channel></rss>")
        #expect(feed.entries.count == ParseLimits.maxEntries)
    }
}
