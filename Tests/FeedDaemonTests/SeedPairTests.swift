import FeedStore
import Foundation
import Testing
import TestSupport

/// The two seed articles (one event, different words, no shared 5-shingle) published by two outlets become one
/// story in a brand-new store: the whole pipeline, cold start included.
@Suite struct SeedPairTests {
    static var seeds: URL { TestPaths.shared.appendingPathComponent("seeds") }

    // Like every test of ../shared data: run where it is present (beside the repository, or $FEEDD_SHARED).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: seeds.path), "needs ../shared/seeds"))
    func theSeedArticlesAreOneStory() async throws {
        let seeds = Self.seeds
        let files = (try? FileManager.default.contentsOfDirectory(atPath: seeds.path).filter { $0.hasSuffix(".txt") }.sorted()) ?? []
        try #require(files.count == 2, "the seed articles are expected in \(seeds.path)")
        let dir = try TestPaths.temporaryDirectory("feedd-seeds")
        defer { try? FileManager.default.removeItem(at: dir) }
        var config = "state_dir = \"state\"\ndigest_dir = \"digests\"\ntimezone = \"UTC\"\n"
        for (i, name) in files.enumerated() {
            let text = try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            func escaped(_ s: some StringProtocol) -> String {
                s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            }
            let feed = """
                <?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Outlet \(i)</title>
                <item><title>\(escaped(lines[0]))</title><link>https://outlet\(i).example/story</link>
                <pubDate>\(RSSDate.string(Date().addingTimeInterval(Double(-i) * 1800)))</pubDate>
                <description>\(escaped(lines.dropFirst().joined(separator: "\n")))</description></item></channel></rss>
                """
            try feed.write(to: dir.appendingPathComponent("seed\(i).xml"), atomically: true, encoding: .utf8)
            config += "[[feed]]\nurl = \"seed\(i).xml\"\n"
        }
        try config.write(to: dir.appendingPathComponent("feedd.toml"), atomically: true, encoding: .utf8)
        let run = try await FeeddProcess.run(["--once", "--config", dir.appendingPathComponent("feedd.toml").path,
                                        "--log-level", "warning"])
        #expect(run.status == 0, "\(run.stderr)")
        let store = try FeedStore(path: dir.appendingPathComponent("state/feedd.sqlite").path, readOnly: true)
        let a = try store.entries(linkedTo: "https://outlet0.example/story").first
        let b = try store.entries(linkedTo: "https://outlet1.example/story").first
        #expect(a?.storyID != nil && a?.storyID == b?.storyID)
    }
}
