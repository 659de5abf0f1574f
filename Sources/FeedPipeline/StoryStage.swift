import FeedConfig
import FeedModel
import FeedStore
import Foundation
import Logging
import StoryClustering

/// Groups stored entries into stories with the clustering engine, and keeps the engine in step with the store:
/// on first use it is rebuilt from the stories of the recent window and the term statistics saved with them,
/// then fed every new entry; assignments, merges and statistics are saved in one transaction.
final class StoryStage: @unchecked Sendable {
    // @unchecked: only used from the Pipeline actor.
    static let statisticsName = "clustering.statistics"

    let settings: ClusteringSettings
    let store: FeedStore
    let logger: Logger
    private var clusterer: StoryClusterer?

    init(settings: ClusteringSettings, store: FeedStore, logger: Logger) {
        self.settings = settings
        self.store = store
        self.logger = logger
    }

    /// Assigns every unclustered entry to a story, in time order, and saves the result.
    func clusterPending() throws(StoreError) -> (newStories: Int, merged: Int) {
        let pending = try store.unclusteredEntries()
        guard !pending.isEmpty else { return (0, 0) }
        let engine = try restoredClusterer()
        let assignments = engine.assign(batch: pending.map(StoryItem.init(entry:)))
        let merges = assignments.flatMap { a in a.mergedStoryIDs.map { (from: $0, into: a.storyID) } }
        let statistics: Data
        do {
            statistics = try JSONEncoder().encode(engine.statistics)
        } catch {
            throw StoreError(path: store.path, message: "clustering statistics could not be encoded: \(error)")
        }
        try store.assignStories(assignments.map { ($0.itemID, $0.storyID) }, merges: merges,
                                modelState: [Self.statisticsName: statistics])
        let newStories = assignments.filter { $0.tier == .new }.count
        logger.info("clustered \(assignments.count) entries: \(newStories) new stories, \(merges.count) stories merged")
        return (newStories, assignments.count - newStories)
    }

    /// The engine, rebuilt once per process from the store (later passes reuse it).
    func restoredClusterer() throws(StoreError) -> StoryClusterer {
        if let clusterer { return clusterer }
        var statistics = TermStatistics()
        if let saved = try store.modelState(named: Self.statisticsName) {
            do {
                statistics = try JSONDecoder().decode(TermStatistics.self, from: saved)
            } catch {
                logger.warning("saved clustering statistics unreadable, learning afresh: \(error)")
            }
        }
        let engine = StoryClusterer(settings: settings, statistics: statistics)
        if let newest = try store.newestClusteredEntryDate() {
            let recent = try store.entriesOfStories(activeSince: newest.addingTimeInterval(-settings.windowHours * 3600))
            for entry in recent { engine.restore(StoryItem(entry: entry), storyID: entry.storyID!) }
            logger.debug("clustering index rebuilt from \(recent.count) entries")
        }
        clusterer = engine
        return engine
    }
}

extension ClusteringSettings {
    /// The engine's settings from the `[cluster]` table: the daemon and `feedd cluster --config` both use it.
    public init(_ config: ClusterSettings) {
        self.init()
        if let threshold = config.similarityThreshold { similarityThreshold = threshold }
        if let hours = config.windowHours { windowHours = hours }
        if let margin = config.shortTextMargin { shortTextMargin = margin }
    }
}
