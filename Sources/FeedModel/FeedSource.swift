/// A feed the user subscribed to, as the configuration (TOML or OPML) names it.
public struct FeedSource: Sendable, Hashable, Codable {
    public var url: String
    public var title: String?
    public var category: String?
    /// Patterns of this feed's entries to leave out of digests (`ExcludeRules`).
    public var exclude: [String]

    public init(url: String, title: String? = nil, category: String? = nil, exclude: [String] = []) {
        self.url = url
        self.title = title
        self.category = category
        self.exclude = exclude
    }
}
