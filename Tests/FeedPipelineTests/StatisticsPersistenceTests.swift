import FeedModel
import FeedStore
import Foundation
import Logging
import StoryClustering
import Testing
import TestSupport
@testable import FeedPipeline

/// The clustering statistics are saved as a snapshot and a journal of each cycle's changes, and a restarted
/// daemon rebuilds exactly the statistics the running one held.
@Suite struct StatisticsPersistenceTests {
    let directory: URL
    var path: String { directory.appendingPathComponent("feedd.sqlite").path }
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    let name = StoryStage.statisticsName
    let places = ["Westhaven", "Norcliff", "Easton", "Southport", "Lakemoor"]
    let events = ["ferry strike", "harbour fire", "budget vote", "tram line opening", "flood warning"]

    init() throws { directory = try TestPaths.temporaryDirectory("feedd-statistics") }

    func stage(_ store: FeedStore, floor: Int = 30) -> StoryStage {
        StoryStage(settings: ClusteringSettings(), store: store, logger: Logger(label: "test"), journalFloor: floor)
    }

    /// Stores `count` new entries of two feeds (reports of a few events in a few towns), then groups them.
    func cycle(_ n: Int, count: Int = 10, _ store: FeedStore, _ feeds: [Feed], _ stage: StoryStage) throws {
        for k in 0..<count {
            let i = n * count + k
            let feed = feeds[i % feeds.count]
            let place = places[i % places.count], event = events[(i / 2) % events.count]
            let entry = Entry(feedID: feed.id, key: "e\(i)", guid: "e\(i)", title: "\(place) \(event) report \(i)",
                              text: "Officials in \(place) said the \(event) affected \(i * 7) residents on day \(n).",
                              published: start.addingTimeInterval(Double(i) * 600), firstSeen: start)
            _ = try store.ingest(feedID: feed.id, entries: [entry], state: FetchState(), feedTitle: nil, siteLink: nil)
        }
        _ = try stage.clusterPending()
    }

    @Test func cyclesAppendToTheJournalAndARestartReplaysIt() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try FeedStore(path: path)
        let feeds = try store.syncSubscriptions([FeedSource(url: "https://a.example/feed"),
                                                 FeedSource(url: "https://b.example/feed")])
        let running = stage(store)
        try cycle(0, store, feeds, running)
        // The first save is whole: there is nothing to journal on.
        let first = try #require(try store.modelState(named: name))
        #expect(try store.savedModel(named: name).journal.isEmpty)

        // Later cycles append what changed (weighting refreshes included: the counts double at 20 and 40 items).
        for n in 1...3 { try cycle(n, store, feeds, running) }
        #expect(try store.modelState(named: name) == first)
        let journal = try store.savedModel(named: name).journal
        #expect(journal.count == 3)
        #expect(journal.allSatisfy { $0.count < first.count })

        // A restart: the snapshot with its journal replayed holds what the running engine holds.
        let held = try running.restoredClusterer().statistics
        #expect(held.documentCount == 40)
        #expect(try stage(FeedStore(path: path)).restoredClusterer().statistics == held)

        // Past the floor (30 journaled items) the next save is whole again and the journal starts afresh.
        try cycle(4, store, feeds, running)
        #expect(try store.modelState(named: name) != first)
        #expect(try store.savedModel(named: name).journal.isEmpty)
        let restarted = stage(try FeedStore(path: path))
        #expect(try restarted.restoredClusterer().statistics == running.restoredClusterer().statistics)

        // Both go on alike: the restarted engine journals on the snapshot it found.
        try cycle(5, store, feeds, restarted)
        try cycle(6, store, feeds, restarted)
        #expect(try store.savedModel(named: name).journal.count == 2)
        #expect(try stage(FeedStore(path: path)).restoredClusterer().statistics
            == restarted.restoredClusterer().statistics)
    }

    @Test func anUnreadableJournalEntryIsSkippedWithWhatFollowsAndTheNextSaveIsWhole() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try FeedStore(path: path)
        let feeds = try store.syncSubscriptions([FeedSource(url: "https://a.example/feed")])
        let running = stage(store)
        try cycle(0, store, feeds, running)
        try cycle(1, store, feeds, running)
        let good = try running.restoredClusterer().statistics
        // A torn entry (a term count with no terms behind it), then a good-looking one after it.
        try store.assignStories([], modelJournal: [name: Data([0, 5, 0, 0, 0])])
        try store.assignStories([], modelJournal: [name: Data([2])])

        let restarted = stage(try FeedStore(path: path))
        #expect(try restarted.restoredClusterer().statistics == good)
        try cycle(2, store, feeds, restarted)
        #expect(try store.savedModel(named: name).journal.isEmpty)
        #expect(try stage(FeedStore(path: path)).restoredClusterer().statistics
            == restarted.restoredClusterer().statistics)
    }

    /// The running engine's counts, as counted afresh from the store: the same items and terms.
    func expectSameCounts(_ restored: TermStatistics, _ held: TermStatistics) {
        #expect(restored.countsCurrentTerms)
        #expect(restored.documentCount == held.documentCount && restored.termCount == held.termCount)
        // It weighs with what it counted (the restored window and `explain` too), not with an empty table.
        #expect(restored.weightingCount == restored.documentCount)
    }

    @Test func statisticsCountedUnderOlderTermRulesAreCountedAfreshFromTheStore() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try FeedStore(path: path)
        let feeds = try store.syncSubscriptions([FeedSource(url: "https://a.example/feed"),
                                                 FeedSource(url: "https://b.example/feed")])
        let running = stage(store)
        for n in 0...2 { try cycle(n, store, feeds, running) }
        let held = try running.restoredClusterer().statistics
        #expect(held.documentCount == 30)
        // The snapshot as an older version saved it: counted under rules 1, with a journal entry on it.
        let snapshot = try #require(try store.modelState(named: name))
        var fields = try #require(try JSONSerialization.jsonObject(with: snapshot) as? [String: Any])
        fields["rules"] = nil
        try store.assignStories([], modelState: [name: try JSONSerialization.data(withJSONObject: fields)])
        try store.assignStories([], modelJournal: [name: Data([2])])
        let older = try #require(try store.modelState(named: name))
        #expect(try JSONDecoder().decode(TermStatistics.self, from: older).countsCurrentTerms == false)

        let restarted = stage(try FeedStore(path: path))
        expectSameCounts(try restarted.restoredClusterer().statistics, held)
        // The next save is whole, under this version's rules, and a restart finds it.
        try cycle(3, store, feeds, restarted)
        #expect(try store.savedModel(named: name).journal.isEmpty)
        let whole = try #require(try store.modelState(named: name))
        let saved = try JSONDecoder().decode(TermStatistics.self, from: whole)
        #expect(saved.countsCurrentTerms && saved.documentCount == 40)
        #expect(try stage(FeedStore(path: path)).restoredClusterer().statistics
            == restarted.restoredClusterer().statistics)
    }

    @Test func anUnreadableOrMissingSnapshotIsCountedAfreshFromTheStore() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try FeedStore(path: path)
        let feeds = try store.syncSubscriptions([FeedSource(url: "https://a.example/feed")])
        let running = stage(store)
        for n in 0...1 { try cycle(n, store, feeds, running) }
        let held = try running.restoredClusterer().statistics
        try store.assignStories([], modelState: [name: Data("{\"documentCount\": ".utf8)])
        expectSameCounts(try stage(FeedStore(path: path)).restoredClusterer().statistics, held)
        try store.assignStories([], modelState: [name: Data()])
        expectSameCounts(try stage(FeedStore(path: path)).restoredClusterer().statistics, held)
    }
}
