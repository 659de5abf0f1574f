import FeedModel
import Foundation

/// What one pass did: the figures `--once` prints and the metrics file records.
public struct RunReport: Sendable {
    public var feedsChecked = 0
    public var fetched = 0
    public var notModified = 0
    public var failed = 0
    public var bytes = 0
    public var newEntries = 0
    public var newStories = 0
    /// Entries that joined an existing story (duplicates removed from the digest's point of view).
    public var merged = 0
    public var digestFiles: [URL] = []
    public var failures: [FeedFailure] = []
    /// When the pass started and how long it took (wall clock), for the metrics file; nil if not measured.
    public var startedAt: Date?
    public var duration: Duration?
    /// Summed transfer time per fetch outcome, in milliseconds (see `recordTransfer`).
    public var transferMilliseconds: [Outcome: Int] = [:]

    /// How a fetch ended, as the metrics file labels it.
    public enum Outcome: String, Sendable, CaseIterable {
        case updated
        case notModified = "not_modified"
        case failed
    }

    public init() {}

    /// Adds one transfer's time to its outcome's total.
    public mutating func recordTransfer(_ outcome: Outcome, milliseconds: Int) {
        transferMilliseconds[outcome, default: 0] += milliseconds
    }

    /// The number of fetches that ended with `outcome`.
    public func count(of outcome: Outcome) -> Int {
        switch outcome {
        case .updated: fetched
        case .notModified: notModified
        case .failed: failed
        }
    }
}
