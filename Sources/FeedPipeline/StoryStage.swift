import FeedConfig
import FeedModel
import FeedStore
import Foundation
import Logging
import StoryClustering

/// Groups stored entries into stories with the clustering engine, and keeps the engine in step with the store:
/// on first use it is rebuilt from the stories of the recent window and the term statistics saved with them,
/// then fed every new entry; assignments, merges and statistics are saved in one transaction.
///
/// The statistics are saved as a snapshot plus a journal of what changed since (`StatisticsJournal`): a cycle
/// appends what its entries added (a few hundred bytes each) and the snapshot is written whole again only once
/// the journal has grown to a quarter of the items it counts, so a cycle's write stays small however much the
/// store has learned (the snapshot of 120k items' statistics is 18 MiB; rewriting it every cycle wrote that much
/// each time). Restoring replays the journal on the snapshot: the same statistics the running engine held.
final class StoryStage: @unchecked Sendable {
    // @unchecked: only used from the Pipeline actor.
    static let statisticsName = "clustering.statistics"
    /// The journal may count this many items, or a quarter of the snapshot's items if more, before the
    /// statistics are saved whole again: restoring then replays at most that many items (a fraction of a second).
    static let defaultJournalFloor = 2_000
    let journalFloor: Int

    let settings: ClusteringSettings
    let store: FeedStore
    let logger: Logger
    private var clusterer: StoryClusterer?
    /// Items the stored journal holds (since the stored snapshot).
    private var journaledItems = 0
    /// Whether the next save must be whole: no readable snapshot, or a journal entry that could not be replayed.
    private var needsSnapshot = true

    init(settings: ClusteringSettings, store: FeedStore, logger: Logger,
         journalFloor: Int = StoryStage.defaultJournalFloor) {
        self.settings = settings
        self.store = store
        self.logger = logger
        self.journalFloor = journalFloor
    }

    /// Assigns every unclustered entry to a story, in time order, and saves the result.
    func clusterPending() throws(StoreError) -> (newStories: Int, merged: Int) {
        let pending = try store.unclusteredEntries()
        guard !pending.isEmpty else { return (0, 0) }
        let engine = try restoredClusterer()
        let assignments = engine.assign(batch: pending.map(StoryItem.init(entry:)))
        let merges = assignments.flatMap { a in a.mergedStoryIDs.map { (from: $0, into: a.storyID) } }
        let journal = engine.takeStatisticsJournal()
        var snapshot: [String: Data] = [:]
        var journalEntry: [String: Data] = [:]
        var journaled = journaledItems + journal.itemCount
        if needsSnapshot || journaled > max(journalFloor, engine.statistics.documentCount / 4) {
            do {
                snapshot[Self.statisticsName] = try JSONEncoder().encode(engine.statistics)
            } catch {
                clusterer = nil
                throw StoreError(path: store.path, message: "clustering statistics could not be encoded: \(error)")
            }
            journaled = 0
        } else if !journal.isEmpty {
            journalEntry[Self.statisticsName] = journal.data
        }
        do {
            try store.assignStories(assignments.map { ($0.itemID, $0.storyID) }, merges: merges,
                                    modelState: snapshot, modelJournal: journalEntry)
        } catch {
            // The engine has moved past what the store holds: rebuild it from the store on the next pass, where
            // these entries are still waiting to be grouped.
            clusterer = nil
            throw error
        }
        journaledItems = journaled
        needsSnapshot = false
        let newStories = assignments.filter { $0.tier == .new }.count
        logger.info("clustered \(assignments.count) entries: \(newStories) new stories, \(merges.count) stories merged")
        return (newStories, assignments.count - newStories)
    }

    /// The engine, rebuilt once per process from the store (later passes reuse it).
    func restoredClusterer() throws(StoreError) -> StoryClusterer {
        if let clusterer { return clusterer }
        let engine = StoryClusterer(settings: settings, statistics: try restoredStatistics(), journaling: true)
        if let newest = try store.newestClusteredEntryDate() {
            let recent = try store.entriesOfStories(activeSince: newest.addingTimeInterval(-settings.windowHours * 3600))
            for entry in recent { engine.restore(StoryItem(entry: entry), storyID: entry.storyID!) }
            logger.debug("clustering index rebuilt from \(recent.count) entries")
        }
        clusterer = engine
        return engine
    }

    /// The saved snapshot with its journal replayed on it. Without a snapshot that can be read, or with one counted
    /// under other term rules (`TermStatistics.termRules`: an older version read some words differently), they are
    /// counted afresh from the entries the store holds; a journal entry that cannot be read ends the replay there.
    /// Either way the next save is whole, so nothing is journaled on top of what a restart could not read.
    private func restoredStatistics() throws(StoreError) -> TermStatistics {
        journaledItems = 0
        needsSnapshot = true
        let (snapshot, entries) = try store.savedModel(named: Self.statisticsName)
        guard let saved = snapshot else { return try relearnedStatistics(because: "no saved clustering statistics") }
        var statistics: TermStatistics
        do {
            statistics = try JSONDecoder().decode(TermStatistics.self, from: saved)
        } catch {
            return try relearnedStatistics(because: "saved clustering statistics unreadable (\(error))")
        }
        guard statistics.countsCurrentTerms else {
            return try relearnedStatistics(because: """
                saved clustering statistics count words under term rules \(statistics.rules), this version reads \
                them under \(TermStatistics.termRules)
                """)
        }
        for (index, data) in entries.enumerated() {
            do {
                let journal = try StatisticsJournal(data: data)
                try statistics.replay(journal)
                journaledItems += journal.itemCount
            } catch {
                logger.warning("""
                    clustering statistics journal entry \(index + 1) of \(entries.count) unreadable (\(error)): \
                    the statistics go on from the entries before it and are saved whole next
                    """)
                return statistics
            }
        }
        needsSnapshot = false
        return statistics
    }

    /// Statistics counted from every clustered entry in the store, as the engine counted them when it met them
    /// (the order does not change the counts). Logged when the store held any: a large store takes seconds.
    private func relearnedStatistics(because reason: String) throws(StoreError) -> TermStatistics {
        let learner = StoryClusterer(settings: settings)
        var count = 0
        try store.forEachClusteredEntry { entry in
            learner.learn(StoryItem(entry: entry))
            count += 1
        }
        if count > 0 { logger.warning("\(reason): term statistics counted afresh from \(count) stored entries") }
        learner.refreshWeighting()
        return learner.statistics
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
