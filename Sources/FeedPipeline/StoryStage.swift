import FeedConfig
import FeedModel
import FeedStore
import Foundation
import Logging
import StoryClustering

/// Groups stored entries into stories with the clustering engine, and keeps the engine's index in step with
/// the store: rebuilt from the recent window on first use, then fed every new entry.
final class StoryStage: @unchecked Sendable {
    // @unchecked: only used from the Pipeline actor.
    let settings: ClusteringSettings
    let store: FeedStore
    let logger: Logger
    private var clusterer: StoryClusterer?

    init(settings: ClusteringSettings, store: FeedStore, logger: Logger) {
        self.settings = settings
        self.store = store
        self.logger = logger
    }

    static func settings(from config: ClusterSettings) -> ClusteringSettings {
        var settings = ClusteringSettings()
        if let threshold = config.similarityThreshold { settings.similarityThreshold = threshold }
        if let hours = config.windowHours { settings.windowHours = hours }
        return settings
    }

    /// Assigns every unclustered entry to a story, in time order, and saves the assignments in one transaction.
    func clusterPending() throws(StoreError) -> (newStories: Int, merged: Int) {
        let pending = try store.unclusteredEntries()
        guard !pending.isEmpty else { return (0, 0) }
        let engine = try restoredClusterer(before: pending)
        let assignments = engine.assign(batch: pending.map(StoryItem.init(entry:)))
        try store.assignStories(assignments.map { ($0.itemID, $0.storyID) })
        let newStories = assignments.filter { $0.tier == .new }.count
        logger.info("clustered \(assignments.count) entries: \(newStories) new stories")
        return (newStories, assignments.count - newStories)
    }

    private func restoredClusterer(before pending: [Entry]) throws(StoreError) -> StoryClusterer {
        if let clusterer { return clusterer }
        let engine = StoryClusterer(settings: settings)
        let earliest = pending.map(\.effectiveDate).min() ?? Date()
        let since = earliest.addingTimeInterval(-settings.windowHours * 3600)
        let recent = try store.clusteredEntries(filedSince: since)
        for entry in recent {
            engine.restore(StoryItem(entry: entry), storyID: entry.storyID!)
        }
        logger.debug("clustering index rebuilt from \(recent.count) entries")
        clusterer = engine
        return engine
    }
}
