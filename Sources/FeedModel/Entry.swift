import Foundation

/// One stored item of one feed. Text fields are plain text except `contentHTML`.
public struct Entry: Sendable, Hashable, Codable, Identifiable {
    /// Store row id; 0 until stored.
    public var id: Int64
    public var feedID: Int64
    /// Identity within the feed (see `EntryIdentity`): the same item fetched again has the same key.
    public var key: String
    public var guid: String?
    public var link: String?
    /// `link` canonicalised (see `CanonicalURL`); compares the same item across feeds.
    public var canonicalURL: String?
    public var title: String
    /// Short plain-text summary for the digest.
    public var summary: String
    /// Plain text of the whole item (content, else summary) for similarity.
    public var text: String
    public var contentHTML: String?
    public var author: String?
    public var published: Date?
    public var updated: Date?
    /// When feedd first stored it.
    public var firstSeen: Date
    /// The story it belongs to, once clustered.
    public var storyID: Int64?
    /// The audio or video the item carries (a podcast episode's file), if any: what the digest offers to play.
    public var media: Enclosure?

    public init(id: Int64 = 0, feedID: Int64, key: String, guid: String? = nil, link: String? = nil,
                canonicalURL: String? = nil, title: String, summary: String = "", text: String = "",
                contentHTML: String? = nil, author: String? = nil, published: Date? = nil, updated: Date? = nil,
                firstSeen: Date, storyID: Int64? = nil, media: Enclosure? = nil) {
        self.id = id
        self.feedID = feedID
        self.key = key
        self.guid = guid
        self.link = link
        self.canonicalURL = canonicalURL
        self.title = title
        self.summary = summary
        self.text = text
        self.contentHTML = contentHTML
        self.author = author
        self.published = published
        self.updated = updated
        self.firstSeen = firstSeen
        self.storyID = storyID
        self.media = media
    }

    /// The time the item is filed under: its publication time unless that is missing or claims the future,
    /// in which case when feedd first saw it.
    public var effectiveDate: Date {
        guard let published, published <= firstSeen.addingTimeInterval(3600) else { return firstSeen }
        return published
    }
}
