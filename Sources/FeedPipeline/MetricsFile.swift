import FeedConfig
import FeedStore
import Foundation
import SafeFiles

/// The figures of the last pass and of the store, for Prometheus (node_exporter's textfile collector reads
/// `*.prom` files from a folder). Everything is a gauge: each value describes the last run or the store as it is
/// now, and is replaced by the next run, so a counter (which must only grow) would be the wrong type.
public struct MetricsSnapshot: Sendable {
    public var report: RunReport
    /// When the pass ended.
    public var finishedAt: Date
    public var subscribedFeeds: Int
    public var storedEntries: Int
    public var storedStories: Int

    public init(report: RunReport, finishedAt: Date = Date(), subscribedFeeds: Int, storedEntries: Int,
                storedStories: Int) {
        self.report = report
        self.finishedAt = finishedAt
        self.subscribedFeeds = subscribedFeeds
        self.storedEntries = storedEntries
        self.storedStories = storedStories
    }

    /// A snapshot with the store's current totals.
    public init(report: RunReport, store: FeedStore, finishedAt: Date = Date()) throws(StoreError) {
        let counts = try store.counts()
        self.init(report: report, finishedAt: finishedAt, subscribedFeeds: counts.feeds, storedEntries: counts.entries,
                  storedStories: counts.stories)
    }
}

public enum MetricsFile {
    /// The snapshot in the Prometheus text exposition format (version 0.0.4).
    public static func render(_ snapshot: MetricsSnapshot) -> String {
        let report = snapshot.report
        var out = ""
        func family(_ name: String, _ help: String, _ samples: [(labels: String, value: String)]) {
            guard !samples.isEmpty else { return }
            out += "# HELP \(name) \(help)\n# TYPE \(name) gauge\n"
            for sample in samples { out += "\(name)\(sample.labels) \(sample.value)\n" }
        }
        func one(_ value: Int) -> [(labels: String, value: String)] { [("", "\(value)")] }
        let outcomes = RunReport.Outcome.allCases

        family("feedd_last_run_fetches", "Feeds fetched in the last run, by outcome.",
               outcomes.map { ("{outcome=\"\($0.rawValue)\"}", "\(report.count(of: $0))") })
        // Only when the pipeline measured them: a 0 here would read as "instant", not "unknown".
        if !report.transferMilliseconds.isEmpty {
            family("feedd_last_run_fetch_duration_seconds", "Summed transfer time of the last run's fetches, by outcome.",
                   outcomes.map { ("{outcome=\"\($0.rawValue)\"}", seconds(report.transferMilliseconds[$0, default: 0])) })
        }
        family("feedd_last_run_feeds_checked", "Feeds that were due and checked in the last run.", one(report.feedsChecked))
        family("feedd_last_run_downloaded_bytes", "Bytes of feed bodies received in the last run.", one(report.bytes))
        if let duration = report.duration {
            family("feedd_last_run_duration_seconds", "Wall-clock time the last run took.", [("", seconds(duration))])
        }
        family("feedd_last_run_new_entries", "Entries stored for the first time in the last run.", one(report.newEntries))
        family("feedd_last_run_new_stories", "Stories started by the last run's new entries.", one(report.newStories))
        family("feedd_last_run_duplicates_merged",
               "New entries of the last run that joined an existing story (duplicates merged).", one(report.merged))
        family("feedd_last_run_timestamp_seconds", "When the last run finished, in Unix time.",
               [("", String(format: "%.3f", snapshot.finishedAt.timeIntervalSince1970))])
        family("feedd_feeds", "Subscribed feeds.", one(snapshot.subscribedFeeds))
        family("feedd_entries", "Entries in the store.", one(snapshot.storedEntries))
        family("feedd_stories", "Stories in the store.", one(snapshot.storedStories))
        return out
    }

    /// Replaces `file` atomically (node_exporter may read it at any moment), readable by others (0644): the
    /// collector usually runs as another user, and the figures are not secret.
    public static func write(_ snapshot: MetricsSnapshot, to file: URL) throws(AtomicFileError) {
        try AtomicFile.write(Data(render(snapshot).utf8), to: file, permissions: 0o644)
    }

    private static func seconds(_ milliseconds: Int) -> String {
        String(format: "%.3f", Double(milliseconds) / 1000)
    }

    private static func seconds(_ duration: Duration) -> String {
        let (whole, attoseconds) = duration.components
        return String(format: "%.3f", Double(whole) + Double(attoseconds) / 1e18)
    }
}
