import FeedModel
import FeedStore
import Foundation
import Testing
import TestSupport

/// `feedd --once` as a user runs it: the real binary over the offline demo.
@Suite(.serialized) struct OnceRunTests {
    @Test func demoRunMergesOneEventAndKeepsSameTopicStoriesApart() async throws {
        let demo = try DemoWorkspace()
        defer { demo.remove() }
        let run = try await FeeddProcess.run(["--once", "--config", demo.config.path, "--log-level", "warning"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("feeds checked: 4 (4 updated, 0 not modified, 0 failed)"), "\(run.stdout)")

        let store = try FeedStore(path: demo.database.path, readOnly: true)
        func story(_ link: String) throws -> Int64? {
            try store.entries(linkedTo: link).first?.storyID
        }
        // One event, different words, two outlets: one story.
        let tramA = try story("https://harbour-gazette.example/2026/council-approves-tram-extension?utm_source=rss&utm_medium=feed")
        let tramB = try story("https://northern-wire.example/local/line-4-trams-docks")
        #expect(tramA != nil && tramA == tramB)
        // Two events on one topic (Eastport harbour): two stories.
        let strike = try story("https://harbour-gazette.example/2026/dock-strike-ends")
        let fire = try story("https://northern-wire.example/local/harbour-warehouse-fire")
        #expect(strike != nil && fire != nil && strike != fire)
        // One wire item in two feeds (tracking parameters differ): one story.
        let wire = try store.entries(linkedTo: "https://wire.example/news/northbridge-reopens")
        #expect(wire.count == 2 && Set(wire.map(\.storyID)).count == 1)

        let html = demo.digests.appendingPathComponent("\(demo.today).html")
        let markdown = demo.digests.appendingPathComponent("\(demo.today).md")
        #expect(FileManager.default.fileExists(atPath: html.path))
        let md = try String(contentsOf: markdown, encoding: .utf8)
        #expect(md.contains("Harbour Gazette") && md.contains("Northern Wire"))
        // The digest links articles without their click tracking; the store keeps the links as the feeds wrote them.
        #expect(md.contains("(<https://harbour-gazette.example/2026/council-approves-tram-extension>)"))
        #expect(!md.contains("utm_") && !md.contains("fbclid"))
        #expect(run.stdout.contains(html.path))
    }

    @Test func secondRunStoresNothingNewAndRewritesTheSameDigest() async throws {
        let demo = try DemoWorkspace()
        defer { demo.remove() }
        let config = try String(contentsOf: demo.config, encoding: .utf8)
        try config.replacingOccurrences(of: "concurrency = 4", with: "concurrency = 4\nmetrics_file = \"metrics.prom\"")
            .write(to: demo.config, atomically: true, encoding: .utf8)
        let first = try await FeeddProcess.run(["--once", "--config", demo.config.path, "--log-level", "warning"])
        #expect(first.status == 0, "stderr: \(first.stderr)")
        let md = demo.digests.appendingPathComponent("\(demo.today).md")
        let before = try Data(contentsOf: md)
        let counts = try FeedStore(path: demo.database.path, readOnly: true).counts()

        let second = try await FeeddProcess.run(["--once", "--force", "--config", demo.config.path, "--log-level", "warning"])
        #expect(second.status == 0, "stderr: \(second.stderr)")
        #expect(second.stdout.contains("new entries: 0"), "\(second.stdout)")
        let after = try FeedStore(path: demo.database.path, readOnly: true).counts()
        #expect(after.entries == counts.entries && after.stories == counts.stories)
        #expect(try Data(contentsOf: md) == before)
        // The metrics file describes the last pass: four fetches, all unchanged now (file:// has no validators,
        // so they count as updated with nothing new).
        let metrics = try String(contentsOf: demo.directory.appendingPathComponent("metrics.prom"), encoding: .utf8)
        #expect(metrics.contains("feedd_last_run_fetches{outcome=\"updated\"} 4"), "\(metrics)")
        #expect(metrics.contains("feedd_last_run_new_entries 0"))
        #expect(metrics.contains("feedd_entries \(counts.entries)"))
    }

    @Test func badConfigFailsWithFileLineAndKey() async throws {
        let dir = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("feedd.toml")
        try Data("state_dir = \"state\"\nconcurrency = \"many\"\n".utf8).write(to: config)
        let run = try await FeeddProcess.run(["--once", "--config", config.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(config.path):2: concurrency: expected a whole number"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("state").path))
    }

    @Test func aBrokenFeedIsSkippedAndTheOthersStored() async throws {
        let demo = try DemoWorkspace()
        defer { demo.remove() }
        let broken = demo.directory.appendingPathComponent("feeds/broken.xml")
        try Data("<html><body>This is a web page, not a feed.</body></html>".utf8).write(to: broken)
        var config = try String(contentsOf: demo.config, encoding: .utf8)
        config += "\n[[feed]]\nurl = \"feeds/broken.xml\"\n\n[[feed]]\nurl = \"feeds/missing.xml\"\n"
        try config.write(to: demo.config, atomically: true, encoding: .utf8)
        let run = try await FeeddProcess.run(["--once", "--config", demo.config.path, "--log-level", "warning"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("(4 updated, 0 not modified, 2 failed)"), "\(run.stdout)")
        #expect(run.stderr.contains("broken.xml") && run.stderr.contains("missing.xml"))
    }

    @Test func aPrivateFeedAuthenticatesAndItsCredentialsStayOutOfLogsAndDigest() async throws {
        let server = try HTTPTestServer(lifetime: 60)
        defer { server.stop() }
        server.route("/private") { _ in .status(401) }
        let demo = try DemoWorkspace()
        defer { demo.remove() }
        let url = "http://reader:hunter2@127.0.0.1:\(server.port)/private?token=tok-9f3e1c"
        var config = try String(contentsOf: demo.config, encoding: .utf8)
        config += "\n[[feed]]\nurl = \"\(url)\"\n"
        try config.write(to: demo.config, atomically: true, encoding: .utf8)
        let run = try await FeeddProcess.run(["--once", "--config", demo.config.path, "--log-level", "info"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        // The credentials reach the server (HTTP basic authentication, as libcurl reads them from the address)…
        let request = try #require(server.requests(for: "/private").first)
        #expect(request.header("Authorization") == "Basic " + Data("reader:hunter2".utf8).base64EncodedString())
        // …and nowhere else: the log names the feed masked, the digest lists it masked and unlinked.
        #expect(run.stderr.contains("feed=http://***@127.0.0.1:\(server.port)/private?token=***"), "\(run.stderr)")
        let digest = try String(contentsOf: demo.digests.appendingPathComponent("\(demo.today).html"), encoding: .utf8)
        #expect(digest.contains("HTTP 401"))
        for secret in ["hunter2", "tok-9f3e1c"] {
            #expect(!run.stderr.contains(secret) && !run.stdout.contains(secret) && !digest.contains(secret))
        }
    }

    @Test func excludedEntriesStayOutOfTheDigestUntilTheRuleGoes() async throws {
        let demo = try DemoWorkspace()
        defer { demo.remove() }
        let original = try String(contentsOf: demo.config, encoding: .utf8)
        // Everywhere: the wire story two outlets carried. For Northern Wire (the file's last [[feed]]) only: its
        // orchestra story, and the word "harbour", which leaves another outlet's harbour story standing.
        #expect(original.hasSuffix("title = \"Northern Wire\"\ncategory = \"Local\"\n"))
        let rules = original + "exclude = [\"orchestra\", \"harbour\"]\n\n[digest]\nexclude = [\"northbridge\"]\n"
        try rules.write(to: demo.config, atomically: true, encoding: .utf8)
        let run = try await FeeddProcess.run(["--once", "--config", demo.config.path, "--log-level", "warning"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let page = demo.digests.appendingPathComponent("\(demo.today).html")
        let shown = try String(contentsOf: page, encoding: .utf8)
        #expect(!shown.contains("Northbridge") && !shown.contains("Aiko Tanaka"))
        #expect(!shown.contains("Fire destroys grain warehouse at Eastport harbour"))
        #expect(shown.contains("Dock workers end nine-day strike at Eastport harbour"))
        #expect(shown.contains("Council approves") && shown.contains("Sundara"))
        // Stored all the same: without the rule, the day's digest shows it again.
        try original.write(to: demo.config, atomically: true, encoding: .utf8)
        let again = try await FeeddProcess.run(["digest", "--date", demo.today, "--config", demo.config.path])
        #expect(again.status == 0, "stderr: \(again.stderr)")
        let restored = try String(contentsOf: page, encoding: .utf8)
        #expect(restored.contains("Northbridge") && restored.contains("Aiko Tanaka"))
    }
}
