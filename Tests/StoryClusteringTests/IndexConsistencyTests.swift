import FeedPipeline
import Foundation
import Testing
@testable import StoryClustering

/// The clusterer keeps its stories' centroids, item lists and the term concentration up to date incrementally
/// (and re-sums centroids lazily after re-weighing). After every batch of a run that re-weighs, evicts items,
/// refines and merges, that state must equal a recount from the window's items.
@Suite struct IndexConsistencyTests {
    @Test func incrementalStateMatchesARecountAfterEveryBatch() async {
        var settings = ClusteringSettings()
        settings.windowHours = 48  // a short window: items leave it while their stories' other items stay
        var source = SyntheticStream(seed: 7)
        let stream = source.items(count: 1_500)
        let clusterer = StoryClusterer(settings: settings)
        var reweighs = Set<Int>(), evicted = false, joined = 0
        for start in stride(from: 0, to: stream.count, by: 40) {
            await Task.yield()  // seconds of work: other suites' async tests get the pool's threads between batches
            let batch = Array(stream[start..<min(start + 40, stream.count)])
            joined += clusterer.assign(batch: batch).filter { $0.tier != .new }.count
            reweighs.insert(clusterer.statistics.weightingCount)
            evicted = evicted || clusterer.indexedItemCount < start + batch.count
            let problems = clusterer.consistencyProblems()
            #expect(problems.isEmpty, "after items \(start)..<\(start + batch.count): \(problems.prefix(5))")
            if !problems.isEmpty { return }
        }
        // The run exercised what the check is about.
        #expect(reweighs.count >= 5, "re-weighed \(reweighs.count) times")
        #expect(evicted)
        #expect(joined > 500, "items that joined a story: \(joined)")
    }

    @Test(.enabled(if: Fixtures.sharedAvailable, "needs ../shared"))
    func devSetsKeepTheStateConsistent() async throws {
        var settings = ClusteringSettings()
        settings.windowHours = 72
        for (name, seed) in [("stories-dev.jsonl", nil), ("headlines-dev.jsonl", UInt64(3))] as [(String, UInt64?)] {
            let items = try Fixtures.devSet(name).storyItems(shuffleSeed: seed).map(\.item)
                .sorted { ($0.published, $0.id) < ($1.published, $1.id) }
            let clusterer = StoryClusterer(settings: settings)
            var merges = 0
            for start in stride(from: 0, to: items.count, by: 50) {
                await Task.yield()  // seconds of work: other suites' async tests get the pool's threads between batches
                let results = clusterer.assign(batch: Array(items[start..<min(start + 50, items.count)]))
                merges += results.filter { !$0.mergedStoryIDs.isEmpty }.count
                let problems = clusterer.consistencyProblems()
                #expect(problems.isEmpty, "\(name) after item \(start): \(problems.prefix(5))")
                if !problems.isEmpty { break }
            }
            #expect(merges > 0, "\(name): no story merges to check")
        }
    }
}

/// Items about recurring events: each event has names of its own (rare words), shares topic words with other
/// events, and is reported by several feeds over a few days, each feed with a line of boilerplate. Some
/// reports are copies of another (same link or same text).
struct SyntheticStream {
    var generator: SplitMix

    init(seed: UInt64) { generator = SplitMix(seed: seed) }

    mutating func items(count: Int) -> [StoryItem] {
        let topics = (0..<400).map { "topic\($0)" }
        var items: [StoryItem] = []
        var id: Int64 = 1
        while items.count < count {
            let event = id
            let names = (0..<3).map { _ in "name\(Int.random(in: 0..<100_000, using: &generator))" }
            let start = Double.random(in: 0..<(30 * 24), using: &generator)
            let topic = (0..<6).map { _ in topics.randomElement(using: &generator)! }
            for _ in 0..<Int.random(in: 1...7, using: &generator) {
                let feed = Int64.random(in: 1...12, using: &generator)
                var words = topic.shuffled(using: &generator) + names.shuffled(using: &generator).prefix(2)
                words += (0..<Int.random(in: 5...50, using: &generator)).map { _ in topics.randomElement(using: &generator)! }
                let title = words.prefix(7).joined(separator: " ")
                var text = words.shuffled(using: &generator).joined(separator: " ") + ". Read more at feed\(feed)."
                var url = "https://feed\(feed).example/\(event)/\(id)"
                if let copied = items.last, Int.random(in: 0..<8, using: &generator) == 0 {
                    if Bool.random(using: &generator) { url = copied.canonicalURL! } else { text = copied.text }
                }
                let hours = start + Double.random(in: 0..<72, using: &generator)
                items.append(StoryItem(id: id, feedID: feed, title: title, text: text, canonicalURL: url,
                                       published: Fixtures.start.addingTimeInterval(hours * 3600)))
                id += 1
            }
        }
        return Array(items.prefix(count))
    }
}
