import FeedParser
import Foundation
import Testing

/// A web page where a feed was expected: the error says so and names the feeds the page links to.
@Suite struct WebPageTests {
    func failure(_ text: String, documentURL: String? = nil, contentType: String? = nil) -> FeedParseError? {
        do {
            _ = try parse(text, documentURL: documentURL, contentType: contentType)
            return nil
        } catch {
            return error
        }
    }

    @Test func anHTML5PageNamesItsFeedsInTheError() throws {
        // Not well-formed XML (unquoted attributes, void elements, a bare ampersand): read as HTML all the same.
        let page = """
            <!DOCTYPE html>
            <html><head><meta charset=utf-8><title>Tom & Jerry's blog</title>
            <link rel=alternate type=application/rss+xml title="Posts" href=/feed/>
            <link rel=alternate type=application/atom+xml title="Comments" href=/comments/feed/atom>
            </head><body><p>Welcome<br></body></html>
            """
        let error = try #require(failure(page, documentURL: "https://blog.example/2026/11/hello/"))
        #expect(error.discoveredFeeds.map(\.url.absoluteString)
                == ["https://blog.example/feed/", "https://blog.example/comments/feed/atom"])
        #expect(error.reason.hasPrefix("not a feed"))
        let names = #"; the page names 2 feeds: https://blog.example/feed/ (RSS, "Posts"), "#
            + #"https://blog.example/comments/feed/atom (Atom, "Comments")"#
        #expect(error.reason.hasSuffix(names), "\(error.reason)")
    }

    @Test func anXHTMLPageWithOneFeedAndAPageWithoutFeeds() throws {
        let xhtml = """
            <?xml version="1.0" encoding="utf-8"?>
            <html xmlns="http://www.w3.org/1999/xhtml"><head>
            <link rel="alternate" type="application/feed+json" href="https://news.example/feed.json"/>
            </head><body/></html>
            """
        let one = try #require(failure(xhtml))
        #expect(one.reason == "not a feed: the document is an HTML page, not RSS, RDF or Atom; the page names a feed: "
                + "https://news.example/feed.json (JSON Feed)")
        // Without feed links the plain reason stands, and no feeds are claimed.
        let none = try #require(failure("<!doctype html><html><head><title>x</title></head><body>hi</body></html>"))
        #expect(none.discoveredFeeds.isEmpty)
        #expect(!none.reason.contains("names"))
        // A document that is no page is not read as one, even when its text carries a feed link.
        let brokenFeed = try #require(
            failure(#"{"hello": "<html><link rel=alternate type=application/rss+xml href=/x>"}"#))
        #expect(brokenFeed.discoveredFeeds.isEmpty)
    }

    @Test func manyFeedsAreCountedNotAllListed() throws {
        let links = (1...5).map { #"<link rel="alternate" type="application/rss+xml" href="/tag/\#($0).xml">"# }
        let error = try #require(failure("<html><head>" + links.joined() + "</head></html>",
                                         documentURL: "http://site.example/"))
        #expect(error.discoveredFeeds.count == 5)
        #expect(error.reason.hasSuffix("http://site.example/tag/3.xml (RSS) and 2 more"), "\(error.reason)")
    }
}
