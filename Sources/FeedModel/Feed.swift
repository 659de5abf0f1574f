import Foundation

/// A subscribed feed as the store keeps it: what the user configured plus what fetching learned.
public struct Feed: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    /// The URL the configuration lists: the subscription's name.
    public var url: String
    /// Where the feed lives now, after a permanent redirect confirmed over several fetches.
    public var movedTo: String?
    /// The configured title, else the feed's own.
    public var title: String?
    public var siteLink: String?
    public var category: String?
    public var fetch: FetchState

    public init(id: Int64, url: String, movedTo: String? = nil, title: String? = nil, siteLink: String? = nil, category: String? = nil,
                fetch: FetchState = FetchState()) {
        self.id = id
        self.url = url
        self.movedTo = movedTo
        self.title = title
        self.siteLink = siteLink
        self.category = category
        self.fetch = fetch
    }

    /// The URL to fetch.
    public var fetchURL: String { movedTo ?? url }

    /// What a reader sees as the outlet's name.
    public var displayName: String {
        if let title, !title.isEmpty { return title }
        return URL(string: url)?.host ?? url
    }
}

/// Per-feed fetch bookkeeping: validators for conditional GET, the last outcome and the schedule.
public struct FetchState: Sendable, Hashable, Codable {
    public var etag: String?
    public var lastModified: String?
    public var lastFetchedAt: Date?
    /// HTTP status of the last fetch; nil for transport errors and file:// reads.
    public var lastStatus: Int?
    public var lastDurationMs: Int?
    public var lastBytes: Int?
    public var lastError: String?
    public var consecutiveErrors: Int
    public var nextCheckAt: Date?
    /// Set when the publisher said the feed is gone (410): kept and reported, no longer fetched.
    public var disabledReason: String?
    /// A permanent redirect target and how many fetches in a row have seen it.
    public var pendingRedirect: String?
    public var pendingRedirectCount: Int

    public init(etag: String? = nil, lastModified: String? = nil, lastFetchedAt: Date? = nil, lastStatus: Int? = nil,
                lastDurationMs: Int? = nil, lastBytes: Int? = nil, lastError: String? = nil, consecutiveErrors: Int = 0,
                nextCheckAt: Date? = nil, disabledReason: String? = nil, pendingRedirect: String? = nil,
                pendingRedirectCount: Int = 0) {
        self.etag = etag
        self.lastModified = lastModified
        self.lastFetchedAt = lastFetchedAt
        self.lastStatus = lastStatus
        self.lastDurationMs = lastDurationMs
        self.lastBytes = lastBytes
        self.lastError = lastError
        self.consecutiveErrors = consecutiveErrors
        self.nextCheckAt = nextCheckAt
        self.disabledReason = disabledReason
        self.pendingRedirect = pendingRedirect
        self.pendingRedirectCount = pendingRedirectCount
    }
}
