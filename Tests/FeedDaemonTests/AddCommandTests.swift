import Foundation
import Testing
import TestSupport

/// `feedd add` reads the address first, as the daemon will: a feed is subscribed as given, a web page through
/// the feeds it names, and anything else is refused with the file left as it was (unless --no-check).
@Suite struct AddCommandTests {
    let rss = """
        <?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title>
        <item><title>Ferry timetable changes</title><link>/ferry</link></item></channel></rss>
        """

    struct Workspace {
        let directory: URL
        var config: URL { directory.appendingPathComponent("feedd.toml") }
        let original: String

        init(settings: String = "") throws {
            original = "# my feeds\nstate_dir = \"state\"\n" + settings
            directory = try TestPaths.temporaryDirectory("feedd-add")
            try original.write(to: config, atomically: false, encoding: .utf8)
        }

        func add(_ arguments: String...) async throws -> FeeddProcess.Output {
            try await FeeddProcess.run(["add"] + arguments + ["--config", config.path])
        }

        func text() throws -> String { try String(contentsOf: config, encoding: .utf8) }
    }

    @Test func aFeedIsSubscribedAsGivenAndAPageThroughTheFeedItNames() async throws {
        let server = try HTTPTestServer(lifetime: 60)
        defer { server.stop() }
        server.route("/feed.xml", .ok(rss))
        // The page names a dead feed first: the next one that reads as a feed is taken.
        server.route("/", .ok("""
            <!doctype html><html><head><title>Harbour</title>
            <link rel=alternate type=application/rss+xml title=Old href=/old.xml>
            <link rel=alternate type=application/rss+xml title=Current href=feed.xml>
            </head><body>Welcome</body></html>
            """, contentType: "text/html; charset=utf-8"))
        server.route("/old.xml", .status(404))
        let direct = try Workspace()
        let asGiven = try await direct.add(server.url("/feed.xml"))
        #expect(asGiven.status == 0, "\(asGiven.stderr)")
        #expect(asGiven.stdout.contains("Harbour News [rss2], 1 entries"), "\(asGiven.stdout)")
        #expect(try direct.text() == direct.original + "\n[[feed]]\nurl = \"\(server.url("/feed.xml"))\"\n")

        let site = try Workspace()
        let page = try await site.add(server.url("/"), "--category", "Local")
        #expect(page.status == 0, "\(page.stderr)")
        #expect(page.stdout.contains("is a web page; it names \(server.url("/feed.xml"))"), "\(page.stdout)")
        #expect(page.stdout.contains("\(server.url("/old.xml")) (RSS, \"Old\")"), "\(page.stdout)")
        let subscribed = site.original + """

            [[feed]]
            url = "\(server.url("/feed.xml"))"
            category = "Local"

            """
        #expect(try site.text() == subscribed)
        // The site's address again: it resolves to the feed already followed, and nothing is written twice.
        let again = try await site.add(server.url("/"))
        #expect(again.status == 2)
        #expect(again.stderr.contains("already subscribed to \(server.url("/feed.xml"))"), "\(again.stderr)")
        #expect(try site.text() == subscribed)
    }

    @Test func theAddressIsReadWithTheConfiguredFetchSettings() async throws {
        let server = try HTTPTestServer(lifetime: 60)
        defer { server.stop() }
        server.route("/feed.xml", .ok(rss))
        let workspace = try Workspace(settings: "\n[fetch]\nuser_agent = \"HarbourReader/2.0 (+mailto:me@example.org)\"\n")
        let run = try await workspace.add(server.url("/feed.xml"))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(server.requests(for: "/feed.xml").map { $0.header("User-Agent") }
                == ["HarbourReader/2.0 (+mailto:me@example.org)"])
    }

    @Test func anAddressThatServesNoFeedIsRefusedUnlessUnchecked() async throws {
        let server = try HTTPTestServer(lifetime: 60)
        defer { server.stop() }
        server.route("/about", .ok("<!doctype html><html><body>No feeds here</body></html>", contentType: "text/html"))
        server.route("/gone", .status(410))
        let workspace = try Workspace()

        let page = try await workspace.add(server.url("/about"))
        #expect(page.status == 1)
        #expect(page.stderr.contains("the document is an HTML page"), "\(page.stderr)")
        #expect(page.stderr.contains("--no-check"), "\(page.stderr)")
        let gone = try await workspace.add(server.url("/gone"))
        #expect(gone.status == 1)
        #expect(gone.stderr.contains("410"), "\(gone.stderr)")
        #expect(try workspace.text() == workspace.original)

        let unchecked = try await workspace.add(server.url("/gone"), "--no-check")
        #expect(unchecked.status == 0, "\(unchecked.stderr)")
        #expect(try workspace.text().contains("url = \"\(server.url("/gone"))\""))
        // Unchecked means unread: the only request for it was the refused add's.
        #expect(server.requests(for: "/gone").count == 1)
    }
}
