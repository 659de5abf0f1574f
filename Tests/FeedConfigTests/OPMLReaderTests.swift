import FeedConfig
import FeedModel
import Foundation
import Testing
import TestSupport

@Suite struct OPMLReaderTests {
    @Test func foldersBecomeCategories() throws {
        let opml = """
            <?xml version="1.0"?>
            <opml version="2.0"><head><title>subs</title></head><body>
              <outline text="News">
                <outline text="World" title="World">
                  <outline type="rss" text="A" xmlUrl="https://a.example/rss"/>
                </outline>
                <outline type="rss" title="B" text="b" xmlUrl="https://b.example/atom"/>
              </outline>
              <outline type="rss" text="C" xmlUrl="feeds/c.xml" category="Misc"/>
            </body></opml>
            """
        let feeds = try OPMLReader.parse(Data(opml.utf8), file: "subs.opml", base: URL(fileURLWithPath: "/srv/feedd"))
        #expect(feeds == [
            FeedSource(url: "https://a.example/rss", title: "A", category: "News / World"),
            FeedSource(url: "https://b.example/atom", title: "B", category: "News"),
            FeedSource(url: "file:///srv/feedd/feeds/c.xml", title: "C", category: "Misc"),
        ])
    }

    @Test func brokenOPMLNamesFileAndLine() {
        let broken = "<opml>\n<body>\n<outline text=\"x\" xmlUrl=\"https://a.example/\">\n</body></opml>"
        let error = #expect(throws: ConfigurationError.self) {
            try OPMLReader.parse(Data(broken.utf8), file: "subs.opml", base: URL(fileURLWithPath: "/"))
        }
        #expect(error?.file == "subs.opml")
        #expect(error?.line != nil)
    }

    @Test func externalEntitiesAreNeverLoaded() throws {
        // libxml2 without NOENT/DTDLOAD refuses to resolve the entity: the file is rejected, nothing is read.
        let xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/hostname">]>
            <opml><body><outline text="&x;" xmlUrl="https://a.example/"/></body></opml>
            """
        let error = #expect(throws: ConfigurationError.self) {
            try OPMLReader.parse(Data(xxe.utf8), file: "x.opml", base: URL(fileURLWithPath: "/"))
        }
        #expect(error?.message.contains("external entity") == true)
    }

    @Test func configReadsTheOPMLBesideIt() throws {
        let dir = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("<opml><body><outline text=\"T\"><outline text=\"F\" xmlUrl=\"https://f.example/\"/></outline></body></opml>".utf8)
            .write(to: dir.appendingPathComponent("feeds.opml"))
        try Data("opml = \"feeds.opml\"\n[[feed]]\nurl = \"https://f.example/\"\ntitle = \"Inline wins\"\n".utf8)
            .write(to: dir.appendingPathComponent("feedd.toml"))
        let config = try ConfigurationLoader.load(from: dir.appendingPathComponent("feedd.toml"))
        #expect(config.feeds == [FeedSource(url: "https://f.example/", title: "Inline wins")])
    }
}
