/// A feed the user subscribed to, as the configuration (TOML or OPML) names it.
public struct FeedSource: Sendable, Hashable, Codable {
    public var url: String
    public var title: String?
    public var category: String?

    public init(url: String, title: String? = nil, category: String? = nil) {
        self.url = url
        self.title = title
        self.category = category
    }
}
