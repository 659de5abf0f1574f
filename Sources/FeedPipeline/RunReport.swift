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

    public init() {}
}
