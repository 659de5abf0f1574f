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
        func escaped(_ s: some StringProtocol) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        }
        let outlets = try files.enumerated().map { i, name in
            let text = try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            return (title: "Outlet \(i)", items: """
                <item><title>\(escaped(lines[0]))</title><link>https://outlet\(i).example/story</link>
                <pubDate>\(RSSDate.string(Date().addingTimeInterval(Double(-i) * 1800)))</pubDate>
                <description>\(escaped(lines.dropFirst().joined(separator: "\n")))</description></item>
                """)
        }
        let feeds = try OutletFeeds("feedd-seeds", outlets: outlets)
        defer { feeds.remove() }
        let run = try await feeds.runOnce()
        #expect(run.status == 0, "\(run.stderr)")
        let store = try FeedStore(path: feeds.database.path, readOnly: true)
        let a = try store.entries(linkedTo: "https://outlet0.example/story").first
        let b = try store.entries(linkedTo: "https://outlet1.example/story").first
        #expect(a?.storyID != nil && a?.storyID == b?.storyID)
    }
}
