import Foundation
import FeedModel

/// feedd's settings, read from a TOML file (see Config/feedd.toml for every key with its meaning).
/// Relative paths are resolved against the config file's folder.
public struct Configuration: Sendable {
    public var sourceFile: URL?
    public var stateDirectory: URL
    public var digestDirectory: URL
    public var timeZone: TimeZone
    /// How many transfers run at once.
    public var concurrency: Int
    public var logLevel: String?
    /// Feeds given inline (`[[feed]]`) followed by those of the OPML file, duplicates (same URL) removed.
    public var feeds: [FeedSource]
    /// The OPML file the feeds come from, if any.
    public var opmlFile: URL?
    public var fetch: FetchSettings
    public var cluster: ClusterSettings
    public var digest: DigestSettings
    /// Where a Prometheus text file with the last pass's figures is written (node_exporter's textfile collector).
    public var metricsFile: URL?

    public init(sourceFile: URL? = nil, stateDirectory: URL, digestDirectory: URL, timeZone: TimeZone = .current,
                concurrency: Int = 16, logLevel: String? = nil, feeds: [FeedSource] = [], opmlFile: URL? = nil,
                fetch: FetchSettings = FetchSettings(), cluster: ClusterSettings = ClusterSettings(),
                digest: DigestSettings = DigestSettings()) {
        self.sourceFile = sourceFile
        self.stateDirectory = stateDirectory
        self.digestDirectory = digestDirectory
        self.timeZone = timeZone
        self.concurrency = concurrency
        self.logLevel = logLevel
        self.feeds = feeds
        self.opmlFile = opmlFile
        self.fetch = fetch
        self.cluster = cluster
        self.digest = digest
    }

    /// The SQLite file inside the state directory.
    public var databaseFile: URL { stateDirectory.appendingPathComponent("feedd.sqlite") }
}

/// `[fetch]`: politeness and limits.
public struct FetchSettings: Sendable, Hashable {
    public var perHost: Int = 4
    public var connectTimeout: Double = 10
    public var timeout: Double = 60
    public var maxBodyMB: Int = 32
    /// Default time between two checks of a feed, adapted per feed within the bounds below.
    public var intervalMinutes: Double = 60
    public var minIntervalMinutes: Double = 15
    public var maxIntervalMinutes: Double = 24 * 60
    public var userAgent: String?
    public init() {}
}

/// `[cluster]`: story grouping thresholds (see README, "Tuning the story merge").
public struct ClusterSettings: Sendable, Hashable {
    public var similarityThreshold: Double?
    public var windowHours: Double?
    public var shortTextMargin: Double?
    public init() {}
}

/// `[digest]`: what the digest shows and what runs after it.
public struct DigestSettings: Sendable, Hashable {
    /// The page title.
    public var title: String = "Daily digest"
    /// Minutes after midnight at which a digest day starts and the previous day's digest is final
    /// (`time = "07:00"`: the digest of a day covers the 24 hours up to 07:00 that day). 0: the calendar day.
    public var dayStartMinutes: Int = 0
    /// Section order: these categories first, the others after them.
    public var sections: [String] = []
    /// Where the digest folder is published, for absolute links in digest.atom.
    public var baseURL: URL?
    public var templateDirectory: URL?
    public var allowImages: Bool = false
    /// A shell command run after a digest is written, with the file paths in its environment.
    public var onDigest: String?
    /// Days of entries kept in the store.
    public var retentionDays: Int = 90
    /// Patterns of entries to leave out of every feed's digest (`ExcludeRules`).
    public var exclude: [String] = []
    public init() {}
}
