import Foundation
import Testing
import TestSupport

/// What a feed posts after its story was shown reaches a later digest: a weekly show's next episode under the same
/// title, and an outlet's own follow-up. `feedd --once` twice, as a timer runs it, over a feed file that grows.
@Suite(.serialized) struct LaterReportsTests {
    let directory: URL
    let now = Date()
    var feed: URL { directory.appendingPathComponent("feed.xml") }
    var config: URL { directory.appendingPathComponent("feedd.toml") }

    init() throws {
        directory = try TestPaths.temporaryDirectory("feedd-later")
        let toml = """
            state_dir = "\(directory.path)/state"
            digest_dir = "\(directory.path)/digests"
            timezone = "UTC"
            [[feed]]
            url = "\(feed.absoluteString)"
            """
        try toml.write(to: config, atomically: true, encoding: .utf8)
    }

    func format(_ date: Date, _ pattern: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = pattern
        return formatter.string(from: date)
    }

    /// The feed with `items` (title, link, days ago, description), newest first.
    func write(_ items: [(String, String, Double, String)]) throws {
        let entries = items.map { title, link, days, text in
            let date = RSSDate.string(now.addingTimeInterval(-days * 86_400))
            return "<item><title>\(title)</title><link>\(link)</link><guid>\(link)</guid>"
                + "<pubDate>\(date)</pubDate><description>\(text)</description></item>"
        }
        try ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbour Radio</title>"
             + "<link>https://radio.example/</link><description>Local radio</description>"
             + entries.joined() + "</channel></rss>").write(to: feed, atomically: true, encoding: .utf8)
    }

    func runOnce() async throws {
        let run = try await FeeddProcess.run(["--once", "--force", "--config", config.path, "--log-level", "warning"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
    }

    var todaysDigest: String {
        get throws {
            let day = format(now, "yyyy-MM-dd")
            return try String(contentsOf: directory.appendingPathComponent("digests/\(day).md"), encoding: .utf8)
        }
    }

    @Test func aWeeklyShowsNextEpisodeAndAnOutletsFollowUpAreShown() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let strike = ("Dock workers strike over pay at Eastport harbour", "https://radio.example/news/strike", 1.0,
                      "Dock workers at Eastport harbour walked out over pay, halting container traffic at the docks.")
        let lastWeek = ("le Show", "https://radio.example/show/0601.mp3", 7.0, "")
        try write([strike, lastWeek])
        try await runOnce()

        let episode = ("le Show", "https://radio.example/show/0608.mp3", 0.0, "")
        let followUp = ("Eastport dock strike ends as union accepts pay offer", "https://radio.example/news/strike-ends",
                        0.0, "The union at Eastport harbour accepted a pay offer, ending the dock strike that halted "
                            + "container traffic.")
        try write([episode, followUp, strike, lastWeek])
        try await runOnce()
        let digest = try todaysDigest
        // This week's episode, linked: not folded under last week's as a copy of its title.
        #expect(digest.contains("(<https://radio.example/show/0608.mp3>)"), "\(digest)")
        #expect(!digest.contains("0601.mp3"), "\(digest)")
        // The outlet's follow-up of yesterday's story, in whichever place the engine put it.
        #expect(digest.contains("(<https://radio.example/news/strike-ends>)"), "\(digest)")
    }
}
