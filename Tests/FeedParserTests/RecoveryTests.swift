import Foundation
import Testing
import FeedModel
@testable import FeedParser

@Suite struct RecoveryTests {
    static let body = #"<rss version="2.0"><channel><title>Caf&#233; é</title><item><title>One</title></item></channel></rss>"#

    @Test(arguments: ["   \n\n", "\u{FEFF}", "<!-- generated --><br />\n<b>Warning</b>: junk\n", "\u{FEFF}\n  \t"])
    func junkBeforeTheDeclaration(_ junk: String) throws {
        let feed = try parse(junk + #"<?xml version="1.0" encoding="utf-8"?>"# + Self.body)
        #expect(feed.title == "Café é")
        #expect(feed.entries.count == 1)
    }

    @Test func byteOrderMarkBeatsHTTPAndDeclaration() throws {
        // UTF-16LE with BOM, while both hints claim something else.
        let text = #"<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel><title>Ünïcödé ✓</title></channel></rss>"#
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes.append(UInt8(unit & 0xFF)); bytes.append(UInt8(unit >> 8)) }
        let feed = try parse(bytes: bytes, contentType: "text/xml; charset=windows-1251")
        #expect(feed.title == "Ünïcödé ✓")
        // UTF-8 BOM against a declaration saying latin-1.
        let utf8 = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        #expect(try parse(bytes: utf8).title == "Ünïcödé ✓")
    }

    @Test func httpCharsetBeatsDeclaration() throws {
        // Windows-1251 bytes for "Привет", declared UTF-8 in the document, windows-1251 in HTTP.
        let cyrillic: [UInt8] = [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2]
        let bytes = Array(#"<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>"#.utf8) + cyrillic
            + Array("</title></channel></rss>".utf8)
        #expect(try parse(bytes: bytes, contentType: "application/rss+xml; charset=\"windows-1251\"").title == "Привет")
        // Without the HTTP hint, the (wrong) declaration is invalid UTF-8: windows-1252 fallback, never a failure.
        #expect(try parse(bytes: bytes).title == "Ïðèâåò")
    }

    @Test func declarationUsedWithoutOtherHints() throws {
        let bytes = Array(#"<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>"#.utf8)
            + [0xCF, 0xF0, 0xE8] + Array("</title></channel></rss>".utf8)
        #expect(try parse(bytes: bytes).title == "При")
    }

    @Test func invalidUTF8FallsBackToWindows1252() throws {
        // Mostly UTF-8 ("é" as C3 A9) with stray windows-1252 bytes (0x93 0x94 curly quotes, 0xE9 é).
        let bytes = Array(#"<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>"#.utf8)
            + [0xC3, 0xA9, 0x20, 0x93, 0x71, 0x94, 0x20, 0x63, 0x61, 0x66, 0xE9] + Array("</title></channel></rss>".utf8)
        #expect(try parse(bytes: bytes).title == "é \u{201C}q\u{201D} café")
    }

    @Test func utf8LabelledLatin1IsReadAsUTF8() throws {
        // UTF-8 text ("Sådan", "på", "é") under a Latin-1 declaration, one stray windows-1252 byte (0xE6 æ) among
        // it: read as UTF-8 with the stray byte repaired, not as "SÃ¥dan".
        let bytes = Array(#"<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>"#.utf8)
            + Array("Sådan på café ".utf8) + [0xE6] + Array("</title></channel></rss>".utf8)
        #expect(try parse(bytes: bytes).title == "Sådan på café æ")
        #expect(try parse(bytes: bytes, contentType: "text/xml; charset=iso-8859-1").title == "Sådan på café æ")
        // Real Latin-1 (0xE5 å, 0xE9 é) stays Latin-1, including a pair that happens to be valid UTF-8 ("È©",
        // 0xC8 0xA9, would be "ȩ") when the document's other high bytes outnumber it.
        let latin1 = Array(#"<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>"#.utf8)
            + [0x53, 0xE5, 0x20, 0x63, 0x61, 0x66, 0xE9, 0x20, 0xC8, 0xA9] + Array("</title></channel></rss>".utf8)
        #expect(try parse(bytes: latin1).title == "Så café È©")
    }

    @Test func doubleEncodedTextIsMendedButIdentifiersAreKept() throws {
        // A UTF-8 feed whose CMS encoded its UTF-8 text a second time: "’" arrives as "â€™", "å" as "Ã¥".
        let xml = """
            <?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bold â€“ fodbold</title>
            <item><title>U19-profil fÃ¥r kontrakt</title><guid isPermaLink="false">fÃ¥r-1</guid>
            <link>https://example.org/f%C3%A5r</link><author>editor@example.org (SÃ¸ren)</author>
            <category>SÃ¦son</category><description>Itâ€™s â€œofficialâ€\u{9D} ðŸ’¡</description></item>
            </channel></rss>
            """
        let feed = try parse(xml)
        #expect(feed.title == "Bold – fodbold")
        let entry = try #require(feed.entries.first)
        #expect(entry.title == "U19-profil får kontrakt")
        #expect(entry.summary == "It’s “official” 💡")
        #expect(entry.author == "Søren")
        #expect(entry.categories == ["Sæson"])
        // The guid is an identifier: as the feed gives it, or the stored entry would not be recognised.
        #expect(entry.id == "fÃ¥r-1")
        let json = """
            {"version": "https://jsonfeed.org/version/1.1", "title": "Caf\\u00c3\\u00a9",
             "items": [{"id": "Ã¥-2", "title": "Thatâ€™s it", "content_text": "FÃ³rmula", "tags": ["NÃ¸gle"]}]}
            """
        let parsed = try parse(json)
        #expect(parsed.title == "Café")
        #expect(parsed.entries.map(\.title) == ["That’s it"])
        #expect(parsed.entries.map(\.content) == ["Fórmula"])
        #expect(parsed.entries.map(\.categories) == [["Nøgle"]])
        #expect(parsed.entries.map(\.id) == ["Ã¥-2"])
    }

    @Test func htmlNamedEntitiesAndBareAmpersands() throws {
        let feed = try parse(rss(item: """
            <title>Caf&eacute;&nbsp;&mdash; Tom &amp; Jerry &hellip; R&D &copy 2026 &#146;</title>
            <link>https://example.com/?a=1&b=2&amp;c=3</link>
            <description>&lt;p&gt;x&lt;/p&gt; &rarr; &unknownentity; ok</description>
            """))
        let entry = feed.entries[0]
        #expect(entry.title == "Café — Tom & Jerry … R&D &copy 2026 \u{2019}")
        #expect(entry.link == "https://example.com/?a=1&b=2&c=3")
        #expect(entry.summary == "<p>x</p> →  ok")  // the unknown entity is dropped
    }

    @Test func truncatedDocumentKeepsCompleteEntries() throws {
        let head = #"<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>"#
            + "<item><title>One</title></item><item><title>Two</title></item>"
        for tail in ["<item><title>Three</title><description>cut", "<item><ti", "<item>", "<it", ""] {
            let feed = try parse(head + tail)
            #expect(feed.entries.map(\.title) == ["One", "Two"], "cut after: \(tail)")
        }
        let atom = #"<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>E1</title></entry><entry><title>E2"#
        #expect(try parse(atom).entries.map(\.title) == ["E1"])
        // A long document cut in its middle.
        let items = (1...300).map { "<item><title>Item \($0)</title><description>\(String(repeating: "text ", count: 40))</description></item>" }
        let long = head + items.joined()
        let cut = String(long.prefix(long.utf8.count * 2 / 3))
        let kept = try parse(cut).entries
        #expect(kept.count > 150 && kept.count < 302)
        #expect(kept.last?.title.map { $0.hasPrefix("Item ") } == true)
    }

    @Test func unclosedCDATAKeepsEarlierEntries() throws {
        let feed = try parse(rss(item: "<title>One</title></item><item><title>Two</title><description><![CDATA[never closed"))
        #expect(feed.entries.map(\.title) == ["One"])
    }

    @Test func mismatchedTagsRecover() throws {
        let feed = try parse(rss(item: "<title>One</title><description><p>open</description></item><item><title>Two</title>"))
        #expect(feed.entries.map(\.title) == ["One", "Two"])
    }

    @Test func unknownNamespacesAndUndeclaredPrefixes() throws {
        let feed = try parse(rss(item: """
            <title>Real</title><foo:title>Fake</foo:title><bar:link xmlns:bar="urn:bar">https://wrong/</bar:link>
            <link>https://right/</link><dc:creator>Undeclared Dc</dc:creator><content:encoded>&lt;p&gt;c&lt;/p&gt;</content:encoded>
            """))
        let entry = feed.entries[0]
        #expect(entry.title == "Real")
        #expect(entry.link == "https://right/")
        #expect(entry.author == "Undeclared Dc")
        #expect(entry.content == "<p>c</p>")
    }

    @Test func rssInAnotherDefaultNamespace() throws {
        let feed = try parse(#"<rss xmlns="https://cyber.harvard.edu/rss/rss.html" version="2.0"><channel><title>T</title><item><title>I</title></item></channel></rss>"#)
        #expect(feed.entries.map(\.title) == ["I"])
    }

    @Test func relativeLinksWithoutDocumentURLUseTheFeedLink() throws {
        let feed = try parse(rss(item: "<title>t</title><link>/posts/9</link>", channel: "<title>T</title><link>https://site.example/blog/</link>"))
        #expect(feed.entries[0].link == "https://site.example/posts/9")
        let based = try parse(rss(item: "<title>t</title><link>posts/9</link>"), documentURL: "https://doc.example/feed/rss")
        #expect(based.entries[0].link == "https://doc.example/feed/posts/9")
    }

    @Test func controlCharactersAndInvalidCharacterReferencesAreDropped() throws {
        let feed = try parse(rss(item: "<title>A\u{10}B&#31;C&#x0;D</title>"))
        #expect(feed.entries[0].title == "ABCD")
    }

    @Test func authorForms() {
        #expect(TextValues.person("jane@example.com (Jane Doe)").name == "Jane Doe")
        #expect(TextValues.person("Jane Doe <jane@example.com>").name == "Jane Doe")
        #expect(TextValues.person("jane@example.com").email == "jane@example.com")
        #expect(TextValues.person("jane@example.com").name == nil)
        #expect(TextValues.person("Jane Doe").name == "Jane Doe")
    }
}
