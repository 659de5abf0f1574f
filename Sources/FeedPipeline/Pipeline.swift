import DigestWriter
import FeedConfig
import FeedFetcher
import FeedModel
import FeedParser
import FeedStore
import Foundation
import Logging
import StoryClustering

/// One pass of the pipeline, fetch -> parse -> store -> cluster -> digest, shared by `feedd --once` and each
/// tick of the daemon. Data flows one way; each stage hands FeedModel values to the next.
public actor Pipeline {
    public let configuration: Configuration
    public let store: FeedStore
    let logger: Logger
    let fetcher: FeedFetcher
    let scheduler: FeedScheduler
    let stories: StoryStage
    let digests: DigestStage

    public init(configuration: Configuration, store: FeedStore, logger: Logger) {
        self.configuration = configuration
        self.store = store
        self.logger = logger
        fetcher = FeedFetcher(configuration: FetchConfiguration(configuration))
        scheduler = FeedScheduler(interval: configuration.fetch.intervalMinutes * 60,
                                  minInterval: configuration.fetch.minIntervalMinutes * 60,
                                  maxInterval: configuration.fetch.maxIntervalMinutes * 60)
        stories = StoryStage(settings: ClusteringSettings(configuration.cluster), store: store, logger: logger)
        digests = DigestStage(configuration: configuration, store: store, logger: logger)
    }

    /// Fetches the feeds that are due (all of them with `force`), stores what is new, groups it into stories and
    /// rewrites the digests of the days that changed (always today's).
    public func runOnce(force: Bool = false, now: Date = Date(),
                        progress: (@Sendable (_ done: Int, _ total: Int, _ failed: Int) -> Void)? = nil)
        async throws -> RunReport {
        var report = RunReport()
        report.startedAt = now
        let clock = ContinuousClock()
        let started = clock.now
        let feeds = try store.syncSubscriptions(configuration.feeds)
        let due = feeds.filter { force ? $0.fetch.disabledReason == nil : scheduler.isDue($0, at: now) }
        report.feedsChecked = due.count
        logger.info("checking \(due.count) of \(feeds.count) feeds")

        let today = digests.day(containing: now)
        var touchedDays: Set<DayStamp> = [today]
        try await fetchAndStore(due, now: now, report: &report, touchedDays: &touchedDays, progress: progress)
        let fetched = clock.now
        let clustered = try stories.clusterPending()
        let grouped = clock.now
        report.newStories = clustered.newStories
        report.merged = clustered.merged
        // Late arrivals can change the last two days' digests too; older days are left as they were written.
        let final = try digests.finalizePreviousDay(now: now)
        report.digestFiles = final.files
        report.digestFiles += try digests.write(days: touchedDays.filter { $0 >= today.adding(days: -2) && $0 != final.day })
        let written = clock.now
        let removed = try store.purge(filedBefore: now.addingTimeInterval(-Double(configuration.digest.retentionDays) * 86_400),
                                      timeZone: configuration.timeZone)
        if removed > 0 { logger.info("retention: removed \(removed) entries older than \(configuration.digest.retentionDays) days") }
        report.duration = clock.now - started
        logger.info("""
            pass timings: fetch+parse+store \(fetched - started), cluster \(grouped - fetched), \
            digest \(written - grouped), retention \(clock.now - written)
            """)
        if let file = configuration.metricsFile {
            do {
                try MetricsFile.write(try MetricsSnapshot(report: report, store: store, finishedAt: Date()), to: file)
            } catch {
                logger.error("metrics file not written: \(error)", metadata: ["file": "\(file.path)"])
            }
        }
        return report
    }

    /// Fetches (libcurl, on its own thread), parses and maps (child tasks, one per core: the CPU-heavy part) and
    /// stores (here, one transaction per feed, in the order parsing finishes).
    private func fetchAndStore(_ due: [Feed], now: Date, report: inout RunReport, touchedDays: inout Set<DayStamp>,
                               progress: (@Sendable (Int, Int, Int) -> Void)?) async throws(StoreError) {
        let byID = Dictionary(uniqueKeysWithValues: due.map { ($0.id, $0) })
        let requests = due.map {
            FetchRequest(feedID: $0.id, url: $0.fetchURL, etag: $0.fetch.etag, lastModified: $0.fetch.lastModified)
        }
        let handler = FetchOutcomeHandler(scheduler: scheduler)
        // Items published before the retention horizon are kept as identities only (see FeedStore.purge).
        let horizon = now.addingTimeInterval(-Double(configuration.digest.retentionDays) * 86_400)
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let storeError = await withTaskGroup(of: ProcessedFetch?.self, returning: StoreError?.self) { group in
            var inFlight = 0
            var done = 0
            var storeError: StoreError?
            func store(_ processed: ProcessedFetch?) {
                guard let processed, storeError == nil else { return }
                do {
                    try record(processed, now: now, report: &report, touchedDays: &touchedDays)
                } catch {
                    storeError = error
                }
                done += 1
                progress?(done, due.count, report.failed)
            }
            for await result in fetcher.fetchAll(requests) {
                guard let feed = byID[result.request.feedID] else { continue }
                group.addTask { ProcessedFetch(result: result, feed: feed, handler: handler, now: now, horizon: horizon) }
                inFlight += 1
                if inFlight >= workers * 2 {
                    store(await group.next() ?? nil)
                    inFlight -= 1
                }
            }
            for await processed in group { store(processed) }
            return storeError
        }
        if let storeError { throw storeError }
    }

    private func record(_ processed: ProcessedFetch, now: Date, report: inout RunReport,
                        touchedDays: inout Set<DayStamp>) throws(StoreError) {
        let (result, feed, handled) = (processed.result, processed.feed, processed.handled)
        // Logs travel further than the configuration: a private feed's credentials stay out of them.
        let shown = URLRedaction.redacted(feed.url)
        report.bytes += result.bytes
        if let failure = handled.failure {
            report.failed += 1
            report.recordTransfer(.failed, milliseconds: result.durationMs)
            report.failures.append(FeedFailure(feedURL: feed.url, title: feed.title, reason: failure))
            logger.warning("feed failed: \(failure)", metadata: ["feed": "\(shown)"])
            try store.recordFetch(feedID: feed.id, state: handled.state, failure: failure, at: now)
        } else if let parsed = handled.parsed {
            report.fetched += 1
            report.recordTransfer(.updated, milliseconds: result.durationMs)
            let stored = try store.ingest(feedID: feed.id, entries: processed.entries, state: handled.state,
                                          feedTitle: parsed.title.flatMap { $0.isEmpty ? nil : $0 },
                                          siteLink: parsed.link)
            report.newEntries += stored.count
            for entry in stored { touchedDays.insert(digests.day(containing: entry.effectiveDate)) }
            logger.info("feed ok: \(parsed.entries.count) entries, \(stored.count) new",
                        metadata: ["feed": "\(shown)", "status": "\(result.status.map(String.init) ?? "file")"])
        } else {
            report.notModified += 1
            report.recordTransfer(.notModified, milliseconds: result.durationMs)
            try store.recordFetch(feedID: feed.id, state: handled.state, at: now)
            logger.info("feed not modified", metadata: ["feed": "\(shown)"])
        }
        if let target = handled.moveTo {
            logger.notice("feed moved permanently; following it",
                          metadata: ["feed": "\(shown)", "to": "\(URLRedaction.redacted(target))"])
            try store.moveFeed(id: feed.id, to: target)
        }
    }
}

/// One fetch result, interpreted and parsed, its items mapped to entries: the pure part of a feed's pass.
struct ProcessedFetch: Sendable {
    let result: FetchResult
    let feed: Feed
    let handled: FetchOutcomeHandler.Handled
    let entries: [Entry]

    init(result: FetchResult, feed: Feed, handler: FetchOutcomeHandler, now: Date, horizon: Date) {
        self.result = result
        self.feed = feed
        handled = handler.handle(result, feed: feed, now: now)
        entries = handled.parsed?.entries.map { item in
            var entry = EntryMapper.entry(from: item, feedID: feed.id, seenAt: now)
            if entry.effectiveDate < horizon {
                entry.summary = ""
                entry.text = ""
                entry.contentHTML = nil
            }
            return entry
        } ?? []
    }
}

extension Pipeline {
    /// Rewrites one day's digest from the store (`feedd digest`).
    public func writeDigest(day: DayStamp) throws -> [URL] {
        try digests.write(day: day).files
    }
}

extension Pipeline {
    /// How the clustering engine, with the statistics learned from this store, judges two stored entries
    /// (`feedd explain`): the same engine and settings the passes use.
    public func explain(_ a: Entry, _ b: Entry) throws(StoreError) -> PairExplanation {
        try stories.restoredClusterer().explain(StoryItem(entry: a), StoryItem(entry: b))
    }
}
