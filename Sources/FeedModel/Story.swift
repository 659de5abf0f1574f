/// A story: one real-world event and every stored item that reports it. Its id is the id of the entry that
/// founded it, so ids are stable across restarts and need no counter.
public struct Story: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var entries: [Entry]

    public init(id: Int64, entries: [Entry]) {
        self.id = id
        self.entries = entries
    }
}

/// A feed that could not be read in a run, with the reason a person can act on.
public struct FeedFailure: Sendable, Hashable, Codable {
    public var feedURL: String
    public var title: String?
    public var reason: String

    public init(feedURL: String, title: String? = nil, reason: String) {
        self.feedURL = feedURL
        self.title = title
        self.reason = reason
    }
}
