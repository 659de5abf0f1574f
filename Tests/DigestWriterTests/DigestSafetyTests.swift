import Foundation
import FeedModel
import Testing
import TestSupport
@testable import DigestWriter

/// Feed text is untrusted: XSS vectors in every field a feed controls must reach the page as inert text.
@Suite struct DigestSafetyTests {
    static let vectors = [
        "<script>alert(1)</script>",
        "\"><script>alert(2)</script>",
        "'><img src=x onerror=alert(3)>",
        "<iframe src=\"javascript:alert(4)\"></iframe>",
        "<svg onload=alert(5)>",
        "<a href=\"javascript:alert(6)\">click</a>",
        "</title><script>alert(7)</script>",
        "</style><script>alert(8)</script>",
        "<body onload=alert(9)>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(10)\">",
        "{{title}} {{{title}}} <!-- comment -->",
        "<object data=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxMSk8L3NjcmlwdD4=\"></object>",
        "<form action=\"https://evil.example\"><input name=x></form>",
        "\u{0}\u{8}<scr\u{0}ipt>alert(12)</scr\u{0}ipt>",
    ]
    static let badLinks = [
        "javascript:alert(1)", " JaVaScRiPt:alert(2)", "data:text/html,<script>alert(3)</script>",
        "vbscript:msgbox(4)", "java\tscript:alert(5)", "https://ok.example/\"onmouseover=\"alert(6)",
        "https://ok.example/a b\" onclick=\"alert(7)", "//evil.example/x", "file:///etc/passwd",
    ]

    func hostileInput() -> DigestInput {
        var feeds: [Feed] = []
        var stories: [Story] = []
        var failures: [FeedFailure] = []
        var id: Int64 = 1
        for (i, vector) in Self.vectors.enumerated() {
            let feedID = Int64(i + 1)
            feeds.append(Feed(id: feedID, url: "https://f\(i).example/feed", title: "Outlet " + vector,
                              category: i % 2 == 0 ? "Cat " + vector : nil))
            let link = Self.badLinks[i % Self.badLinks.count]
            let first = Entry(id: id, feedID: feedID, key: "k\(id)", link: link, title: "Title " + vector,
                              summary: "Summary " + vector, published: Fixture.at(60 + i), firstSeen: Fixture.at(70 + i))
            let second = Entry(id: id + 1, feedID: (feedID % Int64(Self.vectors.count)) + 1, key: "k\(id + 1)",
                               link: Self.badLinks[(i + 3) % Self.badLinks.count],
                               title: "Other wording " + vector + " \(i)", summary: vector,
                               published: Fixture.at(200 + i), firstSeen: Fixture.at(210 + i))
            stories.append(Story(id: id, entries: [first, second]))
            failures.append(FeedFailure(feedURL: Self.badLinks[i % Self.badLinks.count], title: "Failing " + vector,
                                        reason: "Reason " + vector))
            id += 2
        }
        // An update too, so that section is exercised.
        let old = Entry(id: 900, feedID: 1, key: "old", link: "https://ok.example/old", title: "Old " + Self.vectors[0],
                        published: Fixture.at(-100), firstSeen: Fixture.at(-90))
        let new = Entry(id: 901, feedID: 2, key: "new", link: Self.badLinks[0], title: "New " + Self.vectors[1],
                        published: Fixture.at(100), firstSeen: Fixture.at(110))
        stories.append(Story(id: 900, entries: [old, new]))
        return DigestInput(day: Fixture.day, timeZone: Fixture.utc, stories: stories,
                           feeds: Dictionary(uniqueKeysWithValues: feeds.map { ($0.id, $0) }),
                           shownBefore: [900: [900]], failures: failures)
    }

    @Test func noVectorSurvivesIntoTheHTML() throws {
        let dir = try Fixture.tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = try DigestWriter(directory: dir, options: DigestOptions(title: "Mine <script>alert(0)</script>"))
            .write(hostileInput())
        for url in [output.html, output.index] {
            let html = try Fixture.read(url)
            let check = HTMLCheck(html)
            #expect(check.errors == [], "\(url.lastPathComponent)")
            #expect(check.unsafeFindings() == [], "\(url.lastPathComponent)")
            // Vectors appear only escaped (as text), never as markup.
            #expect(!html.lowercased().contains("<script"))
            #expect(!html.lowercased().contains("<iframe"))
            #expect(!html.contains("\"javascript:") && !html.contains("\"data:"))
            // One style element, ours, in the head.
            #expect(check.elements(named: "style").count == 1)
        }
        // The vectors are shown as text, not dropped: a reader sees what the feed said.
        let check = HTMLCheck(try Fixture.read(output.html))
        #expect(check.text.contains("Title <script>alert(1)</script>"))
        #expect(check.text.contains("Summary <svg onload=alert(5)>"))
        #expect(check.text.contains("Reason </style><script>alert(8)</script>"))
        #expect(check.text.contains("{{title}} {{{title}}}"))
        // Only http(s) links from feeds survive, and none of the smuggling ones.
        let hrefs = check.elements(named: "a").flatMap { $0.attributes.filter { $0.name == "href" }.map(\.value) }
        #expect(hrefs.allSatisfy { $0.hasPrefix("#") || $0.hasPrefix("https://") || !$0.contains(":") })
        #expect(!hrefs.contains { $0.contains("\"") || $0.contains("<") || $0.contains(" ") || $0.hasPrefix("//") })
        #expect(hrefs.contains("https://ok.example/%22onmouseover=%22alert(6)"))
        #expect(output.digest.counts.stories == Self.vectors.count)
    }

    @Test func theAtomFeedAndMarkdownStayInert() throws {
        let dir = try Fixture.tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = try DigestWriter(directory: dir).write(hostileInput())
        let atom = try Fixture.read(output.atom)
        #expect(!atom.contains("<script"))
        #expect(!atom.contains("\u{0}"))
        // In Markdown every "<" is escaped, except the one opening a link destination "](<https://…>)".
        let md = try Fixture.read(output.markdown)
        let bare = md.replacingOccurrences(of: "](<http", with: "](http").replacingOccurrences(of: "\\<", with: "")
        #expect(!bare.contains("<"))
        #expect(!md.contains("](javascript") && !md.contains("](<javascript") && !md.contains("](<data"))
    }
}
