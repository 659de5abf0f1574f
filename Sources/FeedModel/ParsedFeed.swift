import Foundation

/// The feed dialect a document was read as.
public enum FeedFormat: String, Sendable, Codable, CaseIterable {
    case rss09, rss1, rss2, atom03, atom10, json
}

/// A feed document as the parser understood it: what the publisher said, normalised but not yet stored.
/// Text fields keep the publisher's meaning: `title` is plain text, `summary`/`content` are HTML.
public struct ParsedFeed: Sendable, Hashable {
    public var format: FeedFormat
    public var title: String?
    public var link: String?
    public var description: String?
    public var language: String?
    public var updated: Date?
    /// Minutes the publisher asks readers to wait between fetches (the scheduler honours it): RSS `<ttl>`, else
    /// the syndication module's `sy:updatePeriod` / `sy:updateFrequency`.
    public var ttlMinutes: Int?
    public var entries: [ParsedEntry]

    public init(format: FeedFormat, title: String? = nil, link: String? = nil, description: String? = nil,
                language: String? = nil, updated: Date? = nil, ttlMinutes: Int? = nil, entries: [ParsedEntry] = []) {
        self.format = format
        self.title = title
        self.link = link
        self.description = description
        self.language = language
        self.updated = updated
        self.ttlMinutes = ttlMinutes
        self.entries = entries
    }
}

/// One item/entry of a parsed feed.
public struct ParsedEntry: Sendable, Hashable {
    public var id: String?
    public var title: String?
    public var link: String?
    public var published: Date?
    public var updated: Date?
    public var author: String?
    /// HTML.
    public var summary: String?
    /// HTML.
    public var content: String?
    public var categories: [String]
    public var enclosures: [Enclosure]

    public init(id: String? = nil, title: String? = nil, link: String? = nil, published: Date? = nil,
                updated: Date? = nil, author: String? = nil, summary: String? = nil, content: String? = nil,
                categories: [String] = [], enclosures: [Enclosure] = []) {
        self.id = id
        self.title = title
        self.link = link
        self.published = published
        self.updated = updated
        self.author = author
        self.summary = summary
        self.content = content
        self.categories = categories
        self.enclosures = enclosures
    }
}

public struct Enclosure: Sendable, Hashable, Codable {
    public var url: String
    public var type: String?
    public var length: Int64?

    public init(url: String, type: String? = nil, length: Int64? = nil) {
        self.url = url
        self.type = type
        self.length = length
    }

    /// Audio or video, by its media type, else (no type given) by its file's extension; nil for anything else
    /// (images, documents).
    public var mediaKind: String? {
        if let type = type?.lowercased() {
            if type.hasPrefix("audio/") { return "audio" }
            if type.hasPrefix("video/") { return "video" }
            if !type.isEmpty && type != "application/octet-stream" { return nil }
        }
        let path = URL(string: url)?.path.lowercased() ?? ""
        let ext = path.split(separator: ".").last.map(String.init) ?? ""
        if ["mp3", "m4a", "aac", "ogg", "oga", "opus", "wav", "flac"].contains(ext) { return "audio" }
        if ["mp4", "m4v", "webm", "mov", "mkv"].contains(ext) { return "video" }
        return nil
    }
}
