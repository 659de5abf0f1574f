import Foundation
import Testing
import FeedModel
@testable import FeedParser

@Suite struct FormatTests {
    @Test func rss2WithNamespaces() throws {
        let feed = try Fixture.parse("rss2-full.xml")
        #expect(feed.format == .rss2)
        #expect(feed.title == "Example & Co News")
        #expect(feed.link == "https://example.com/")  // not the <image> link, not atom:link rel=self
        #expect(feed.description == "All the <em>news</em>")
        #expect(feed.language == "en-us")
        #expect(iso(feed.updated) == "2026-11-21T10:00:00Z")
        #expect(feed.entries.count == 3)

        let first = feed.entries[0]
        #expect(first.id == "post-1")
        #expect(first.title == "First post")
        #expect(first.link == "https://example.com/posts/1")
        #expect(iso(first.published) == "2026-11-21T08:30:00Z")
        #expect(first.author == "Jane Doe")
        #expect(first.summary == #"<p>Hello <a href="https://example.com/about">about</a> <img src="https://example.com/img/a.png"></p>"#)
        #expect(first.content == #"<p>Full text with <a href="https://example.com/x">link</a></p>"#)
        #expect(first.categories == ["Tech", "Science"])
        #expect(first.enclosures == [Enclosure(url: "https://example.com/a.mp3", type: "audio/mpeg", length: 12345),
                                     Enclosure(url: "https://example.com/v.mp4", type: "video/mp4", length: 999)])

        let second = feed.entries[1]
        #expect(second.link == "https://example.com/posts/2")  // permalink guid
        #expect(second.author == "John Smith")
        #expect(iso(second.published) == "2026-11-20T08:00:00Z")  // dc:date
        #expect(second.summary == "Escaped <b>bold</b> text")

        let third = feed.entries[2]
        #expect(third.link == "https://example.com/posts/3")  // atom:link inside RSS
        #expect(third.published == nil)  // "not a date"
        #expect(third.id == nil)
    }

    @Test func rss1() throws {
        let feed = try Fixture.parse("rss1.xml")
        #expect(feed.format == .rss1)
        #expect(feed.title == "RDF Site")
        #expect(feed.language == "fr")
        #expect(feed.entries.map(\.title) == ["Item A", "Item B"])
        #expect(feed.entries[0].id == "https://rdf.example.org/a")
        #expect(feed.entries[0].author == "Alice")
        // dcterms:issued outranks dc:date.
        #expect(iso(feed.entries[0].published) == "2026-11-18T00:00:00Z")
        #expect(iso(feed.entries[1].published) == "2026-11-19T13:00:00Z")
    }

    @Test func rss090() throws {
        let feed = try parse("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
            <channel><title>Old</title><link>http://o.example/</link></channel>
            <item><title>One</title><link>http://o.example/1</link></item></rdf:RDF>
            """)
        #expect(feed.format == .rss09)
        #expect(feed.entries.map(\.link) == ["http://o.example/1"])
    }

    @Test func rss091InLatin1WithHTMLEntities() throws {
        let feed = try Fixture.parse("rss091.xml")
        #expect(feed.format == .rss09)
        #expect(feed.title == "Café Café News")
        #expect(feed.entries.count == 1)
        #expect(feed.entries[0].title == "Crème brûlée … \u{201C}quoted\u{201D}")
        #expect(feed.entries[0].summary == "Résumé with AT&T and ©")
    }

    @Test func atom10() throws {
        let feed = try Fixture.parse("atom10.xml")
        #expect(feed.format == .atom10)
        #expect(feed.title == "Atom <Feed>")  // type="text": literal
        #expect(feed.link == "https://atom.example.org/blog/")
        #expect(feed.description == "A <b>bold</b> subtitle")
        #expect(feed.language == "en-GB")
        #expect(iso(feed.updated) == "2026-11-21T10:00:00Z")
        let first = feed.entries[0]
        #expect(first.title == "Entry one & more")
        #expect(first.link == "https://atom.example.org/blog/posts/1")
        #expect(first.id == "tag:atom.example.org,2026:1")
        #expect(iso(first.published) == "2026-11-20T09:00:00Z")
        #expect(iso(first.updated) == "2026-11-21T09:00:00Z")
        #expect(first.author == "Ann Author")
        #expect(first.categories == ["swift"])
        #expect(first.summary == "Plain 1 < 2 summary")
        #expect(first.content == #"<p>See <a href="https://cdn.example.org/c/page.html">this</a> &amp; <img src="https://cdn.example.org/c/i.png"></p>"#)
        #expect(first.enclosures == [Enclosure(url: "https://atom.example.org/blog/media/1.ogg", type: "audio/ogg", length: 42)])
        let second = feed.entries[1]
        #expect(second.link == "https://atom.example.org/other/two")  // nested, relative xml:base
        #expect(second.author == "anon@example.org")
        #expect(second.published == nil)
        #expect(second.content == #"<p>HTML <a href="https://atom.example.org/other/rel">content</a></p>"#)
    }

    @Test func atom03() throws {
        let feed = try Fixture.parse("atom03.xml")
        #expect(feed.format == .atom03)
        #expect(feed.title == "Old <Atom>")
        #expect(feed.description == "Atom 0.3 feed")
        #expect(iso(feed.updated) == "2005-07-31T12:29:29Z")
        let entry = try #require(feed.entries.first)
        #expect(iso(entry.published) == "2005-07-31T12:29:29Z")
        #expect(entry.content == "<p>Escaped <b>HTML</b></p>")
        #expect(entry.author == "Mark")
    }

    @Test func jsonFeed() throws {
        let feed = try Fixture.parse("feed.json")
        #expect(feed.format == .json)
        #expect(feed.title == "JSON Feed Example")
        #expect(feed.link == "https://json.example.com/")
        #expect(feed.entries.count == 2)
        let first = feed.entries[0]
        #expect(first.id == "1")
        #expect(first.link == "https://json.example.com/posts/1")
        #expect(iso(first.published) == "2026-11-21T08:00:00Z")
        #expect(first.author == "Jay Son")
        #expect(first.content == #"<p>Hello <a href="https://json.example.com/x">x</a></p>"#)
        #expect(first.enclosures == [Enclosure(url: "https://json.example.com/a.mp3", type: "audio/mpeg", length: 100)])
        let second = feed.entries[1]
        #expect(second.link == "https://elsewhere.example/2")
        #expect(second.published == nil)
        #expect(second.author == "Old Style")
        #expect(second.content == "Only text")
    }

    @Test func jsonFeed10AndNonFeedJSON() throws {
        let feed = try parse(#"{"version":"https://jsonfeed.org/version/1","title":"v1","items":[{"id":"a","title":"A"}]}"#)
        #expect(feed.entries.map(\.title) == ["A"])
        #expect(throws: FeedParseError.self) { try parse(#"{"hello": "world"}"#) }
        #expect(throws: FeedParseError.self) { try parse(#"{"version": "#) }
    }

    @Test func atomLinkPreferenceAndDocumentURL() throws {
        let feed = try parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>x</title>
            <entry><title>e</title><link rel="related" href="/related"/><link rel="alternate" type="text/html" href="/alt"/></entry>
            <entry><title>f</title><link rel="self" href="/self"/><link rel="related" href="/rel2"/></entry>
            </feed>
            """, documentURL: "https://doc.example/feeds/a.xml")
        #expect(feed.entries.map(\.link) == ["https://doc.example/alt", "https://doc.example/rel2"])
    }

    @Test func unescapedMarkupInDescriptionIsKept() throws {
        let feed = try parse(rss(item: "<title>t</title><description>Text &amp; <p>para <b>bold</b><br/></p></description>"))
        #expect(feed.entries[0].summary == "Text &amp; <p>para <b>bold</b><br></p>")
    }
}

@Suite struct TextConstructTests {
    @Test func atomTitleKinds() throws {
        let feed = try parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">X<b>H</b>T &amp; ML</div></title>
            <entry><title type="html"><![CDATA[<b>CDATA</b> &amp; html]]></title></entry>
            <entry><title type="text">  Literal &lt;b&gt;
              text  </title></entry>
            <entry><title>Default &lt;is&gt; text</title><summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>para</p></div></summary></entry>
            </feed>
            """)
        #expect(feed.title == "XHT & ML")
        #expect(feed.entries.map(\.title) == ["CDATA & html", "Literal <b> text", "Default <is> text"])
        #expect(feed.entries[2].summary == "<p>para</p>")
    }

    @Test func minimalFixture() throws {
        let feed = try Fixture.parse("minimal.xml")
        #expect(feed.format == .rss2)
        #expect(feed.title == "t")
        #expect(feed.entries.isEmpty)
    }

    @Test func jsonWithInvalidUTF8IsRepaired() throws {
        let bytes = Array(#"{"version":"https://jsonfeed.org/version/1.1","title":"caf"#.utf8) + [0xE9]
            + Array(#"","items":[]}"#.utf8)
        #expect(try parse(bytes: bytes).title == "caf\u{FFFD}")
    }
}
