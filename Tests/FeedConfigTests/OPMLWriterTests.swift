import FeedConfig
import FeedModel
import Foundation
import Testing
import TestSupport

@Suite struct OPMLWriterTests {
    let base = URL(fileURLWithPath: "/nonexistent/")

    func readBack(_ text: String) throws -> [FeedSource] {
        try OPMLReader.parse(Data(text.utf8), file: "export.opml", base: base)
    }

    @Test func roundTripGivesTheSameFeeds() throws {
        let feeds = [
            FeedSource(url: "https://a.example/rss", title: "A", category: "News"),
            FeedSource(url: "https://b.example/atom.xml", title: nil, category: nil),
            FeedSource(url: "https://c.example/feed?x=1&y=2", title: "Tom & Jerry's \"<weekly>\"", category: "Fun"),
            FeedSource(url: "https://d.example/rss", title: "D", category: "News"),
            FeedSource(url: "https://e.example/rss", title: "Ünïcødé — 日本", category: "News / World"),
            FeedSource(url: "file:///srv/feeds/local.xml", title: "Local", category: "Fun"),
        ]
        let text = OPMLWriter.document(for: feeds)
        let back = try readBack(text)
        #expect(Set(back) == Set(feeds))
        #expect(back.count == feeds.count)
        // Within a folder the order is kept.
        #expect(back.filter { $0.category == "News" }.map(\.url) == ["https://a.example/rss", "https://d.example/rss"])
    }

    @Test func isOPMLTwoWithEscapedAttributesAndNestedFolders() throws {
        let text = OPMLWriter.document(for: [
            FeedSource(url: "https://c.example/feed?x=1&y=2", title: "a \"b\" <c>", category: "News / World"),
        ], title: "My feeds", created: Date(timeIntervalSince1970: 0))
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">"))
        #expect(text.contains("<title>My feeds</title>"))
        #expect(text.contains("<dateCreated>Thu, 01 Jan 1970 00:00:00 GMT</dateCreated>"))
        #expect(text.contains("xmlUrl=\"https://c.example/feed?x=1&amp;y=2\""))
        #expect(text.contains("title=\"a &quot;b&quot; &lt;c&gt;\""))
        // Folder World inside folder News, indented.
        let lines = text.split(separator: "\n").map { String($0) }
        let news = try #require(lines.firstIndex { $0.contains("text=\"News\"") })
        #expect(lines[news + 1].contains("text=\"World\""))
        #expect(lines[news + 2].contains("xmlUrl="))
        #expect(lines[news + 2].prefix { $0 == " " }.count > lines[news + 1].prefix { $0 == " " }.count)
    }

    @Test func controlCharactersCannotBreakTheFile() throws {
        let text = OPMLWriter.document(for: [FeedSource(url: "https://x.example/rss", title: "bell\u{7}tab\there")])
        let back = try readBack(text)
        #expect(back == [FeedSource(url: "https://x.example/rss", title: "belltab\there")])
    }

    @Test func emptyListIsAValidDocument() throws {
        #expect(try readBack(OPMLWriter.document(for: [])).isEmpty)
    }
}
