import Foundation
import FeedModel

/// Everything one day's digest is made of, gathered by the pipeline from the store.
public struct DigestInput: Sendable {
    public var day: DayStamp
    public var timeZone: TimeZone
    /// Stories with at least one entry filed under `day`.
    public var stories: [Story]
    public var feeds: [Int64: Feed]
    /// Story id -> ids of its entries already shown in earlier digests.
    public var shownBefore: [Int64: Set<Int64>]
    public var failures: [FeedFailure]

    public init(day: DayStamp, timeZone: TimeZone, stories: [Story], feeds: [Int64: Feed],
                shownBefore: [Int64: Set<Int64>] = [:], failures: [FeedFailure] = []) {
        self.day = day
        self.timeZone = timeZone
        self.stories = stories
        self.feeds = feeds
        self.shownBefore = shownBefore
        self.failures = failures
    }
}

/// Renders a day's digest to files in `directory`, each written atomically. STUB.
public struct DigestWriter: Sendable {
    public var directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// Writes the day's files and returns their URLs.
    public func write(_ input: DigestInput) throws -> [URL] {
        []
    }
}
