import FeedConfig
import FeedModel
import Foundation
import Testing
import TestSupport

/// `feedd add/remove/import` edits on real files: the TOML configuration (byte-exact outside the edited table)
/// and an OPML file (a libxml2 tree edit keeping comments, attributes and order).
@Suite struct SubscriptionEditorTests {
    let configText = """
        # feedd configuration
        state_dir = "state"   # relative to this file

        [fetch]
        per_host = 2

        # Morning reading
        [[feed]]
        url = "https://a.example/rss"
        title = "A"

        [[feed]]
        # the one with the long articles
        url = "https://b.example/atom.xml"
        category = "Long reads"

        # Local copies
        [[feed]]
        url = "https://c.example/feed"

        [digest]
        retention_days = 30

        """

    struct Workspace {
        let directory: URL
        var config: URL { directory.appendingPathComponent("feedd.toml") }
        var opml: URL { directory.appendingPathComponent("feeds.opml") }

        init(config: String, opml: String? = nil) throws {
            directory = try TestPaths.temporaryDirectory("feedd-editor")
            try config.write(to: self.config, atomically: false, encoding: .utf8)
            if let opml { try opml.write(to: self.opml, atomically: false, encoding: .utf8) }
        }

        var editor: SubscriptionEditor { SubscriptionEditor(configurationFile: config, workingDirectory: directory) }
        func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }
        func feeds() throws -> [FeedSource] { try ConfigurationLoader.load(from: config, environment: [:]).feeds }
        /// Only the edited files, no temporaries left behind.
        func files() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() }
        func remove() { try? FileManager.default.removeItem(at: directory) }
    }

    // MARK: TOML

    @Test func addAppendsATableAndKeepsEverythingElseByteForByte() throws {
        let ws = try Workspace(config: configText)
        defer { ws.remove() }
        let change = try ws.editor.add(url: "https://d.example/feed", title: "D \"quoted\"", category: "News")
        #expect(change.added == [FeedSource(url: "https://d.example/feed", title: "D \"quoted\"", category: "News")])
        #expect(change.editedFiles == [ws.config])
        #expect(try ws.text(ws.config) == configText + """

            [[feed]]
            url = "https://d.example/feed"
            title = "D \\"quoted\\""
            category = "News"

            """)
        #expect(try ws.feeds().map(\.url) == ["https://a.example/rss", "https://b.example/atom.xml",
                                              "https://c.example/feed", "https://d.example/feed"])
        #expect(try ws.feeds().last == FeedSource(url: "https://d.example/feed", title: "D \"quoted\"", category: "News"))
        #expect(try ws.files() == ["feedd.toml"])
    }

    @Test func addToAFileWithoutFinalNewline() throws {
        let ws = try Workspace(config: "state_dir = \"s\"")
        defer { ws.remove() }
        try ws.editor.add(url: "https://d.example/feed")
        #expect(try ws.text(ws.config) == "state_dir = \"s\"\n\n[[feed]]\nurl = \"https://d.example/feed\"\n")
    }

    @Test func aDuplicateAddIsRefusedAndChangesNothing() throws {
        let ws = try Workspace(config: configText)
        defer { ws.remove() }
        let error = #expect(throws: ConfigurationError.self) { try ws.editor.add(url: "https://b.example/atom.xml") }
        #expect(error?.description == "\(ws.config.path): already subscribed to https://b.example/atom.xml")
        #expect(try ws.text(ws.config) == configText)
    }

    @Test func removeDeletesExactlyThatTable() throws {
        let ws = try Workspace(config: configText)
        defer { ws.remove() }
        let change = try ws.editor.remove(url: "https://b.example/atom.xml")
        #expect(change.removed == [FeedSource(url: "https://b.example/atom.xml", category: "Long reads")])
        // The table goes with its inner comment and one blank line; "# Local copies" belongs to the next table.
        #expect(try ws.text(ws.config) == configText.replacingOccurrences(of: """
            [[feed]]
            # the one with the long articles
            url = "https://b.example/atom.xml"
            category = "Long reads"


            """, with: ""))
        #expect(try ws.feeds().map(\.url) == ["https://a.example/rss", "https://c.example/feed"])
    }

    @Test func removeTheLastTableAndThenAllOfThem() throws {
        let text = "state_dir = \"s\"\n\n[[feed]]\nurl = \"https://a.example/rss\"\n\n[[feed]]\nurl = \"https://b.example/rss\"\n"
        let ws = try Workspace(config: text)
        defer { ws.remove() }
        try ws.editor.remove(url: "https://b.example/rss")
        #expect(try ws.text(ws.config) == "state_dir = \"s\"\n\n[[feed]]\nurl = \"https://a.example/rss\"\n")
        try ws.editor.remove(url: "https://a.example/rss")
        #expect(try ws.text(ws.config) == "state_dir = \"s\"\n")
        // And back: add then remove restores the file.
        try ws.editor.add(url: "https://z.example/rss", title: "Z")
        try ws.editor.remove(url: "https://z.example/rss")
        #expect(try ws.text(ws.config) == "state_dir = \"s\"\n")
    }

    @Test func removingAnUnknownFeedIsAClearError() throws {
        let ws = try Workspace(config: configText)
        defer { ws.remove() }
        let error = #expect(throws: ConfigurationError.self) { try ws.editor.remove(url: "https://nope.example/rss") }
        #expect(error?.description == "\(ws.config.path): not subscribed to https://nope.example/rss (it is not in \(ws.config.path))")
        #expect(try ws.text(ws.config) == configText)
    }

    @Test func localPathsAreMadeAbsolute() throws {
        let ws = try Workspace(config: "")
        defer { ws.remove() }
        let change = try ws.editor.add(url: "feeds/local.xml")
        let expected = ws.directory.appendingPathComponent("feeds/local.xml").standardizedFileURL.absoluteString
        #expect(change.added.map(\.url) == [expected])
        #expect(try ws.feeds().map(\.url) == [expected])
        try ws.editor.remove(url: "feeds/local.xml")
        #expect(try ws.feeds().isEmpty)
        #expect(throws: ConfigurationError.self) { try ws.editor.add(url: "ftp://x.example/feed") }
    }

    @Test func editsThatWouldNotLoadReplaceNothing() throws {
        // Feeds as an inline array: appending a [[feed]] table would redefine `feed`.
        let inline = "feed = [{ url = \"https://a.example/rss\" }]\n"
        let ws = try Workspace(config: inline)
        defer { ws.remove() }
        let added = #expect(throws: ConfigurationError.self) { try ws.editor.add(url: "https://b.example/rss") }
        #expect(added?.message.contains("left unchanged") == true)
        let removed = #expect(throws: ConfigurationError.self) { try ws.editor.remove(url: "https://a.example/rss") }
        #expect(removed?.message.contains("[[feed]] table") == true)
        #expect(try ws.text(ws.config) == inline)
        #expect(try ws.files() == ["feedd.toml"])
    }

    @Test func aSymlinkedConfigStaysASymlinkAndKeepsItsMode() throws {
        let ws = try Workspace(config: "state_dir = \"s\"\n")
        defer { ws.remove() }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: ws.config.path)
        let link = ws.directory.appendingPathComponent("link.toml")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: ws.config)
        try SubscriptionEditor(configurationFile: link, workingDirectory: ws.directory).add(url: "https://a.example/rss")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == ws.config.path)
        #expect(try ws.text(ws.config).hasSuffix("url = \"https://a.example/rss\"\n"))
        #expect(try FileManager.default.attributesOfItem(atPath: ws.config.path)[.posixPermissions] as? Int == 0o600)
    }

    // MARK: OPML

    let opmlText = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- exported from somewhere -->
        <opml version="2.0">
          <head><title>My feeds</title></head>
          <body>
            <outline text="Tech" title="Tech">
              <!-- keep this comment -->
              <outline type="rss" text="Ledger" xmlUrl="https://ledger.example/rss" htmlUrl="https://ledger.example/" custom="1"/>
            </outline>
            <outline type="rss" text="Loose" xmlUrl="https://loose.example/rss"/>
          </body>
        </opml>

        """

    func opmlWorkspace() throws -> Workspace {
        try Workspace(config: "# feeds are in the OPML file\nopml = \"feeds.opml\"\n", opml: opmlText)
    }

    @Test func addGoesIntoTheCategoryFolderOfTheOPMLFile() throws {
        let ws = try opmlWorkspace()
        defer { ws.remove() }
        let configBefore = try ws.text(ws.config)
        let change = try ws.editor.add(url: "https://new.example/rss", title: "New & Shiny", category: "Tech")
        #expect(change.editedFiles == [ws.opml])
        #expect(try ws.text(ws.config) == configBefore)
        #expect(try ws.text(ws.opml) == opmlText.replacingOccurrences(of: """
            custom="1"/>
                </outline>
            """, with: """
            custom="1"/>
                  <outline type="rss" text="New &amp; Shiny" title="New &amp; Shiny" xmlUrl="https://new.example/rss"/>
                </outline>
            """))
        #expect(try ws.feeds().contains(FeedSource(url: "https://new.example/rss", title: "New & Shiny", category: "Tech")))
    }

    @Test func addCreatesMissingFoldersNestedByCategory() throws {
        let ws = try opmlWorkspace()
        defer { ws.remove() }
        try ws.editor.add(url: "https://w.example/rss", category: "News / World")
        try ws.editor.add(url: "https://top.example/rss")
        let text = try ws.text(ws.opml)
        #expect(text.contains("""
                <outline type="rss" text="Loose" xmlUrl="https://loose.example/rss"/>
                <outline text="News" title="News">
                  <outline text="World" title="World">
                    <outline type="rss" text="" xmlUrl="https://w.example/rss"/>
                  </outline>
                </outline>
                <outline type="rss" text="" xmlUrl="https://top.example/rss"/>
              </body>
            """))
        let feeds = try ws.feeds()
        #expect(feeds.contains(FeedSource(url: "https://w.example/rss", category: "News / World")))
        #expect(feeds.contains(FeedSource(url: "https://top.example/rss")))
        #expect(feeds.count == 4)
        #expect(text.contains("<!-- keep this comment -->") && text.contains("<!-- exported from somewhere -->"))
    }

    @Test func removeTakesTheOutlineOutOfTheOPMLFile() throws {
        let ws = try opmlWorkspace()
        defer { ws.remove() }
        let change = try ws.editor.remove(url: "https://ledger.example/rss")
        #expect(change.removed == [FeedSource(url: "https://ledger.example/rss", title: "Ledger", category: "Tech")])
        #expect(try ws.text(ws.opml) == opmlText.replacingOccurrences(of: """

                  <outline type="rss" text="Ledger" xmlUrl="https://ledger.example/rss" htmlUrl="https://ledger.example/" custom="1"/>
            """, with: ""))
        #expect(try ws.feeds().map(\.url) == ["https://loose.example/rss"])
        let error = #expect(throws: ConfigurationError.self) { try ws.editor.remove(url: "https://ledger.example/rss") }
        #expect(error?.message.contains("not subscribed") == true)
    }

    @Test func aDuplicateInTheOPMLFileIsNamed() throws {
        let ws = try opmlWorkspace()
        defer { ws.remove() }
        let error = #expect(throws: ConfigurationError.self) { try ws.editor.add(url: "https://loose.example/rss") }
        #expect(error?.description == "\(ws.opml.path): already subscribed to https://loose.example/rss")
        #expect(try ws.text(ws.opml) == opmlText)
    }

    @Test func removeFindsAFeedListedInlineBesideTheOPMLFile() throws {
        let ws = try Workspace(config: "opml = \"feeds.opml\"\n\n[[feed]]\nurl = \"https://loose.example/rss\"\ntitle = \"Mine\"\n",
                               opml: opmlText)
        defer { ws.remove() }
        let change = try ws.editor.remove(url: "https://loose.example/rss")
        #expect(Set(change.editedFiles) == [ws.config, ws.opml])
        #expect(try ws.text(ws.config) == "opml = \"feeds.opml\"\n")
        #expect(try ws.feeds().map(\.url) == ["https://ledger.example/rss"])
    }

    // MARK: import

    @Test func importAddsNewFeedsAndReportsTheOnesAlreadyThere() throws {
        let ws = try Workspace(config: configText)
        defer { ws.remove() }
        let other = ws.directory.appendingPathComponent("other.opml")
        try OPMLWriter.document(for: [
            FeedSource(url: "https://a.example/rss", title: "A again"),
            FeedSource(url: "https://e.example/rss", title: "E", category: "Misc"),
            FeedSource(url: "https://f.example/rss"),
        ]).write(to: other, atomically: false, encoding: .utf8)
        let change = try ws.editor.importOPML(from: other)
        #expect(change.added == [FeedSource(url: "https://e.example/rss", title: "E", category: "Misc"),
                                 FeedSource(url: "https://f.example/rss")])
        #expect(change.alreadySubscribed.map(\.url) == ["https://a.example/rss"])
        #expect(try ws.text(ws.config).hasPrefix(configText))
        #expect(try ws.feeds().suffix(2).map(\.url) == ["https://e.example/rss", "https://f.example/rss"])
        // Importing again adds nothing and rewrites nothing.
        let again = try ws.editor.importOPML(from: other)
        #expect(again.added.isEmpty && again.editedFiles.isEmpty && again.alreadySubscribed.count == 3)
    }

    @Test func importIntoTheOPMLFile() throws {
        let ws = try opmlWorkspace()
        defer { ws.remove() }
        let other = ws.directory.appendingPathComponent("other.opml")
        try OPMLWriter.document(for: [
            FeedSource(url: "https://t2.example/rss", title: "T2", category: "Tech"),
            FeedSource(url: "https://loose.example/rss"),
        ]).write(to: other, atomically: false, encoding: .utf8)
        let change = try ws.editor.importOPML(from: other)
        #expect(change.added.map(\.url) == ["https://t2.example/rss"])
        #expect(change.editedFiles == [ws.opml])
        #expect(try ws.feeds().contains(FeedSource(url: "https://t2.example/rss", title: "T2", category: "Tech")))
        let bad = ws.directory.appendingPathComponent("bad.opml")
        try "<opml><body><outline".write(to: bad, atomically: false, encoding: .utf8)
        #expect(throws: ConfigurationError.self) { try ws.editor.importOPML(from: bad) }
    }
}
