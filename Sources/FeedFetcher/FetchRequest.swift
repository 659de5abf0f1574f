import Foundation

/// What to fetch, with the validators from the previous fetch for a conditional GET.
public struct FetchRequest: Sendable, Hashable {
    public var feedID: Int64
    public var url: String
    public var etag: String?
    public var lastModified: String?

    public init(feedID: Int64, url: String, etag: String? = nil, lastModified: String? = nil) {
        self.feedID = feedID
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
    }
}
