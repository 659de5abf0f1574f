import Foundation
import Testing
import FeedHTML

/// Feed autodiscovery: the `<link rel="alternate">` feeds of real-world page markup, resolved and filtered.
@Suite struct FeedLinkDiscoveryTests {
    func feeds(_ html: String, page: String? = "https://site.example/blog/post.html") -> [DiscoveredFeed] {
        FeedLinkDiscovery.feeds(inPage: Data(html.utf8), pageURL: page.flatMap(URL.init(string:)))
    }

    @Test func findsFeedLinksInDocumentOrderResolvedAgainstThePage() {
        let html = """
            <!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>Blog</title>
            <link rel=stylesheet type=text/css href=/style.css>
            <LINK REL="Alternate" TYPE="application/RSS+XML; charset=UTF-8" title=" Blog &amp;
              more " href="../feed.xml?a=1&amp;b=2">
            <link rel="alternate" type="application/json" href="/wp-json/wp/v2/posts/7">
            <link rel="alternate" type="application/json+oembed" href="/oembed?url=x">
            <link rel="alternate" type="application/atom+xml" href="https://site.example/atom" title="Comments Feed">
            <link rel="alternate" type="application/rss+xml" href="https://site.example/feed.xml?a=1&b=2">
            <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
            <link rel="alternate" type="application/rdf+xml" href="//cdn.example/index.rdf">
            </head><body><p>Text <a rel="feed alternate" type="application/feed+json" href="feed.json">JSON</a></p>
            """
        let found = feeds(html)
        #expect(found.map(\.url.absoluteString) == [
            "https://site.example/feed.xml?a=1&b=2", "https://site.example/atom", "https://cdn.example/index.rdf",
            "https://site.example/blog/feed.json",
        ])
        #expect(found.map(\.kind) == [.rss, .atom, .rdf, .json])
        #expect(found.map(\.title) == ["Blog & more", "Comments Feed", nil, nil])
        #expect(found.first?.description == "https://site.example/feed.xml?a=1&b=2 (RSS, \"Blog & more\")")
    }

    @Test func theFirstBaseElementDecidesAndRelativeLinksNeedOne() {
        let html = """
            <html><head><base target=_blank><base href="https://mirror.example/news/"><base href="https://x.example/">
            <link rel="alternate" type="application/atom+xml" href="atom.xml"></head></html>
            """
        #expect(feeds(html).map(\.url.absoluteString) == ["https://mirror.example/news/atom.xml"])
        // Neither a base nor a page address: a relative link cannot be resolved, an absolute one still counts.
        let bare = """
            <html><head><link rel="alternate" type="application/rss+xml" href="/rss">
            <link rel="alternate" type="application/rss+xml" href="https://site.example/rss"></head></html>
            """
        #expect(feeds(bare, page: nil).map(\.url.absoluteString) == ["https://site.example/rss"])
    }

    @Test func pagesWithoutFeedsAndHostileMarkupGiveNothing() {
        #expect(feeds("<html><head><title>No feed</title></head><body>hello</body></html>").isEmpty)
        #expect(feeds("").isEmpty)
        let deep = "<html><body>" + String(repeating: "<div>", count: 50_000)
            + "<link rel=alternate type=application/rss+xml href=/deep.xml>"
            + String(repeating: "</div>", count: 50_000)
        // Deep nesting finishes without exhausting the stack (what lies past the walk's depth limit is not read);
        // a link that is read is read right.
        #expect(feeds(deep).allSatisfy { $0.url.absoluteString == "https://site.example/deep.xml" })
        let shallow = "<html><body>" + String(repeating: "<div>", count: 100)
            + "<link rel=alternate type=application/rss+xml href=/deep.xml>" + String(repeating: "</div>", count: 100)
        #expect(feeds(shallow).map(\.url.absoluteString) == ["https://site.example/deep.xml"])
        // A page of a hundred thousand feed links, one with a huge title and one with a huge address: a bounded
        // list, found in linear time, with the title cut and the huge address left out.
        let huge = "<link rel=alternate type=application/rss+xml href=/x?" + String(repeating: "a", count: 5000) + ">"
            + "<link rel=alternate type=application/rss+xml href=/t title='" + String(repeating: "T ", count: 5000) + "'>"
            + (0..<100_000).map { "<link rel=alternate type=application/rss+xml href=/f\($0)>" }.joined()
        let many = feeds("<html><head>" + huge + "</head></html>")
        #expect(many.count == 32)
        #expect(many.first?.url.absoluteString == "https://site.example/t")
        #expect(many.first?.title?.count == 120)
        #expect(many.last?.url.absoluteString == "https://site.example/f30")
    }

    @Test(arguments: [
        ("<!DOCTYPE html><html>", true),
        ("\u{FEFF}  <!-- generated --><!doctype HTML>", true),
        ("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", true),
        ("<HTML>", true),
        ("<rss version=\"2.0\"><channel>", false),
        ("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">", false),
        ("<htmlx>", false),
        ("{\"version\": \"https://jsonfeed.org/version/1.1\"}", false),
        ("plain text <html>", false),
        ("<!-- never closed <html>", false),
    ])
    func recognisesAWebPage(_ opening: String, _ isPage: Bool) {
        let bytes = Array(opening.utf8)
        #expect(bytes.withUnsafeBufferPointer { FeedLinkDiscovery.looksLikeHTML($0) } == isPage)
    }
}
