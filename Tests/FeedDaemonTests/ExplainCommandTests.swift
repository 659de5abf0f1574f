import Foundation
import Testing
import TestSupport

/// `feedd explain A B` as a user runs it: entries named by link or id in a store a real run filled.
@Suite(.serialized) struct ExplainCommandTests {
    func explain(_ a: String, _ b: String, config: URL) async throws -> FeeddProcess.Output {
        try await FeeddProcess.run(["explain", "--config", config.path, a, b])
    }

    @Test func explainsOneStoryAndTwoStoriesOfTheDemoAndRefusesAnUnknownEntry() async throws {
        let demo = try DemoWorkspace()
        defer { demo.remove() }
        let run = try await FeeddProcess.run(["--once", "--config", demo.config.path, "--log-level", "warning"])
        #expect(run.status == 0, "stderr: \(run.stderr)")

        // The tram vote in two outlets' words: one story, and the pair alone says so.
        let tram = try await explain("https://northern-wire.example/local/line-4-trams-docks",
                                     "https://harbour-gazette.example/2026/council-approves-tram-extension",
                                     config: demo.config)
        #expect(tram.status == 0, "stderr: \(tram.stderr)")
        #expect(tram.stdout.contains("The store holds them as ONE story."), "\(tram.stdout)")
        #expect(tram.stdout.contains("decision:   SAME STORY by similarity"), "\(tram.stdout)")
        #expect(tram.stdout.contains("  shared:   ") && !tram.stdout.contains("note:"), "\(tram.stdout)")

        // A strike and a fire at one harbour: two stories.
        let harbour = try await explain("https://harbour-gazette.example/2026/dock-strike-ends",
                                        "https://northern-wire.example/local/harbour-warehouse-fire",
                                        config: demo.config)
        #expect(harbour.status == 0, "stderr: \(harbour.stderr)")
        #expect(harbour.stdout.contains("The store holds them as SEPARATE stories."), "\(harbour.stdout)")
        #expect(harbour.stdout.contains("decision:   APART"), "\(harbour.stdout)")

        let unknown = try await explain("99999", "https://nowhere.example/x", config: demo.config)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no stored entry with id or link '99999'"), "\(unknown.stderr)")
    }

    /// A story that ran for three weeks, two months ago: its first and last reports are further apart than the
    /// window, so the pair alone would not merge, yet the store holds one story through the report in between (and
    /// the story has left the window the command rebuilds, so no story evidence tells it). The output says so.
    @Test func aPairJoinedThroughTheirStorySaysSo() async throws {
        let directory = try TestPaths.temporaryDirectory("feedd-explain")
        defer { try? FileManager.default.removeItem(at: directory) }
        let feed = directory.appendingPathComponent("feed.xml")
        let config = directory.appendingPathComponent("feedd.toml")
        try """
            state_dir = "\(directory.path)/state"
            digest_dir = "\(directory.path)/digests"
            timezone = "UTC"
            [[feed]]
            url = "\(feed.absoluteString)"
            """.write(to: config, atomically: true, encoding: .utf8)
        let weeks = [(60.0, "first day", "a"), (52.0, "second week", "b"), (44.0, "third week", "c")]
        var reports = weeks.map { days, when, id in
            let date = RSSDate.string(Date().addingTimeInterval(-days * 86_400))
            return "<item><title>Eastport ferry strike enters its \(when)</title>"
                + "<link>https://gazette.example/ferry-\(id)</link><pubDate>\(date)</pubDate><description>Ferry crews "
                + "at Eastport harbour remain on strike over pay, the Seafarers' Union said; the Northsound ferry "
                + "line stays closed.</description></item>"
        }
        // Something of today's: the engine a command rebuilds holds the last weeks, where the strike is no more.
        reports.append("<item><title>Library opens on Sundays</title><link>https://gazette.example/library</link>"
                       + "<pubDate>\(RSSDate.string(Date()))</pubDate></item>")
        try ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Gazette</title>"
             + "<link>https://gazette.example/</link><description>News</description>" + reports.joined()
             + "</channel></rss>")
            .write(to: feed, atomically: true, encoding: .utf8)
        let run = try await FeeddProcess.run(["--once", "--config", config.path, "--log-level", "warning"])
        #expect(run.status == 0, "stderr: \(run.stderr)")

        let ends = try await explain("https://gazette.example/ferry-a", "https://gazette.example/ferry-c",
                                     config: config)
        #expect(ends.status == 0, "stderr: \(ends.stderr)")
        #expect(ends.stdout.contains("The store holds them as ONE story."), "\(ends.stdout)")
        #expect(ends.stdout.contains("beyond the 336 h window"), "\(ends.stdout)")
        #expect(ends.stdout.contains("note:       this pair alone would not merge"), "\(ends.stdout)")
    }
}
