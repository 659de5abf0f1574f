import Foundation
import Testing
import TestSupport

/// `feedd parse`, run as the built binary.
@Suite struct ParseCommandTests {
    static let rss = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Cmd &amp; Feed</title><link>https://cmd.example/</link>
        <item><title>Entry &eacute;</title><link>posts/1</link><pubDate>Sat, 21 Nov 2026 10:00:00 GMT</pubDate>
        <description><![CDATA[<a href="rel">x</a>]]></description><category>c1</category>
        <enclosure url="https://cmd.example/a.mp3" type="audio/mpeg" length="5"/></item>
        </channel></rss>
        """

    func write(_ text: String, bytes: [UInt8]? = nil) throws -> (URL, URL) {
        let dir = try TestPaths.temporaryDirectory("parse-cmd")
        let file = dir.appendingPathComponent("feed.xml")
        try Data(bytes ?? Array(text.utf8)).write(to: file)
        return (dir, file)
    }

    func json(_ output: FeeddProcess.Output) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    }

    @Test func jsonOutputFollowsTheContract() async throws {
        let (dir, file) = try write(Self.rss)
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = try await FeeddProcess.run(["parse", file.path, "--json", "--base-url", "https://base.example/feeds/x.xml"])
        #expect(output.status == 0, "\(output.stderr)")
        let object = try json(output)
        #expect(object["format"] as? String == "rss2")
        #expect(object["title"] as? String == "Cmd & Feed")
        #expect(object["updated"] is NSNull)
        let entries = try #require(object["entries"] as? [[String: Any]])
        #expect(entries.count == 1)
        let entry = entries[0]
        #expect(entry["title"] as? String == "Entry é")
        #expect(entry["link"] as? String == "https://base.example/feeds/posts/1")
        #expect(entry["published"] as? String == "2026-11-21T10:00:00Z")
        #expect(entry["summary"] as? String == #"<a href="https://base.example/feeds/rel">x</a>"#)
        #expect(entry["content"] is NSNull)
        #expect(entry["id"] is NSNull)
        #expect(entry["categories"] as? [String] == ["c1"])
        let enclosure = try #require((entry["enclosures"] as? [[String: Any]])?.first)
        #expect(enclosure["url"] as? String == "https://cmd.example/a.mp3")
        #expect(enclosure["length"] as? Int == 5)
    }

    @Test func fileURLAndContentTypeCharset() async throws {
        let bytes = Array("<rss version=\"2.0\"><channel><title>".utf8) + [0xCF, 0xF0, 0xE8] + Array("</title></channel></rss>".utf8)
        let (dir, file) = try write("", bytes: bytes)
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = try await FeeddProcess.run(["parse", file.absoluteString, "--json", "--content-type", "text/xml; charset=windows-1251"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(try json(output)["title"] as? String == "При")
    }

    @Test func humanSummaryWithoutJSON() async throws {
        let (dir, file) = try write(Self.rss)
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = try await FeeddProcess.run(["parse", file.path])
        #expect(output.status == 0)
        #expect(output.stdout.contains("Cmd & Feed"))
        #expect(output.stdout.contains("2026-11-21"))
        #expect(output.stdout.contains("Entry é"))
        #expect((try? JSONSerialization.jsonObject(with: Data(output.stdout.utf8))) == nil)
    }

    @Test(arguments: [
        ("<html><body>not a feed</body></html>", "HTML"),
        ("plain words", "no XML"),
        ("", "empty"),
    ])
    func notAFeedExitsOneWithOneLine(_ input: String, _ reason: String) async throws {
        let (dir, file) = try write(input)
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = try await FeeddProcess.run(["parse", file.path, "--json"])
        #expect(output.status == 1)
        #expect(output.stdout.isEmpty)
        let lines = output.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(output.stderr)")
        #expect(output.stderr.contains(reason))
    }

    @Test func damagedFeedKeepsEntriesAndExitsZero() async throws {
        let (dir, file) = try write(#"<rss version="2.0"><channel><title>D</title><item><title>kept</title></item><item><title>cut"#)
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = try await FeeddProcess.run(["parse", file.path, "--json"])
        #expect(output.status == 0)
        #expect((try json(output)["entries"] as? [[String: Any]])?.compactMap { $0["title"] as? String } == ["kept"])
    }

    @Test func unreadableSourcesFailCleanly() async throws {
        let missing = try await FeeddProcess.run(["parse", "/nonexistent/feed.xml"])
        #expect(missing.status == 1)
        #expect(missing.stderr.split(separator: "\n").count == 1)
        #expect(missing.stderr.contains("no such file"))
        // Nothing listens on this port: the fetch fails, one line, exit 1.
        let refused = try await FeeddProcess.run(["parse", "http://127.0.0.1:9/feed.xml", "--json"])
        #expect(refused.status == 1)
        #expect(refused.stderr.split(separator: "\n").count == 1)
    }
}
