import Foundation
import FeedModel

/// JSON Feed 1.0 / 1.1 through Foundation's JSONDecoder. Every field is optional and decoded leniently: a field of
/// the wrong type is treated as absent rather than losing the feed.
enum JSONFeedParser {
    static func parse(_ data: Data, documentURL: URL?) throws(FeedParseError) -> ParsedFeed {
        let document: JSONFeedDocument
        do {
            document = try JSONDecoder().decode(JSONFeedDocument.self, from: data)
        } catch {
            throw FeedParseError("not a feed: invalid JSON")
        }
        guard document.version?.contains("jsonfeed.org") == true || document.items != nil else {
            throw FeedParseError("not a feed: JSON without a JSON Feed version or items")
        }
        let feedURL = documentURL ?? document.feedURL.flatMap { URLResolution.baseURL($0, against: nil) }
        let homeBase = document.homePageURL.flatMap { URLResolution.baseURL($0, against: feedURL) }
        let base = feedURL ?? homeBase
        let entries = (document.items ?? []).prefix(ParseLimits.maxEntries).compactMap { item -> ParsedEntry? in
            guard let item else { return nil }
            let author = item.authors?.first { $0.name != nil || $0.url != nil } ?? item.author
            var categories: [String] = []
            for tag in (item.tags ?? []).map(MojibakeRepair.repair) where !tag.isEmpty && !categories.contains(tag) {
                categories.append(tag)
            }
            let enclosures = (item.attachments ?? []).compactMap { attachment -> Enclosure? in
                guard let url = attachment.url.flatMap({ URLResolution.resolve($0, against: base) }) else { return nil }
                return Enclosure(url: url, type: attachment.mimeType, length: attachment.size)
            }
            let html = item.contentHTML.map { URLResolution.resolveURLs(inHTML: MojibakeRepair.repair($0), base: base) }
            return ParsedEntry(
                id: item.id, title: item.title.flatMap { TextValues.title(MojibakeRepair.repair($0), kind: .text) },
                link: (item.url ?? item.externalURL).flatMap { URLResolution.resolve($0, against: base) },
                published: item.datePublished.flatMap(DateParsing.parse),
                updated: item.dateModified.flatMap(DateParsing.parse),
                author: author?.name.map(MojibakeRepair.repair) ?? author?.url,
                summary: item.summary.map(MojibakeRepair.repair).flatMap(TextValues.nonEmpty),
                content: (html ?? item.contentText.map(MojibakeRepair.repair)).flatMap(TextValues.nonEmpty),
                categories: Array(categories.prefix(ParseLimits.maxListItems)),
                enclosures: Array(enclosures.prefix(ParseLimits.maxListItems)))
        }
        return ParsedFeed(
            format: .json, title: document.title.flatMap { TextValues.title(MojibakeRepair.repair($0), kind: .text) },
            link: document.homePageURL.flatMap { URLResolution.resolve($0, against: feedURL) },
            description: document.description.map(MojibakeRepair.repair).flatMap(TextValues.nonEmpty),
            language: document.language.flatMap(TextValues.nonEmpty), updated: nil, entries: entries)
    }
}

struct JSONFeedDocument: Decodable {
    var version: String?
    var title: String?
    var homePageURL: String?
    var feedURL: String?
    var description: String?
    var language: String?
    var items: [JSONFeedItem?]?

    enum CodingKeys: String, CodingKey {
        case version, title, description, language, items
        case homePageURL = "home_page_url", feedURL = "feed_url"
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = c.lenientString(.version)
        title = c.lenientString(.title)
        homePageURL = c.lenientString(.homePageURL)
        feedURL = c.lenientString(.feedURL)
        description = c.lenientString(.description)
        language = c.lenientString(.language)
        items = try? c.decodeIfPresent([LenientItem].self, forKey: .items)?.map(\.item)
    }
}

/// One item that does not decode does not lose the others.
private struct LenientItem: Decodable {
    var item: JSONFeedItem?
    init(from decoder: Decoder) throws { item = try? JSONFeedItem(from: decoder) }
}

struct JSONFeedItem: Decodable {
    struct Author: Decodable {
        var name: String?
        var url: String?
        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = c.lenientString(.name)
            url = c.lenientString(.url)
        }
        enum CodingKeys: String, CodingKey { case name, url }
    }

    struct Attachment: Decodable {
        var url: String?
        var mimeType: String?
        var size: Int64?
        enum CodingKeys: String, CodingKey { case url, mimeType = "mime_type", size = "size_in_bytes" }
        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            url = c.lenientString(.url)
            mimeType = c.lenientString(.mimeType)
            size = (try? c.decodeIfPresent(Int64.self, forKey: .size))
                ?? ((try? c.decodeIfPresent(Double.self, forKey: .size)) ?? nil).map { Int64($0) }
        }
    }

    var id: String?
    var url: String?
    var externalURL: String?
    var title: String?
    var contentHTML: String?
    var contentText: String?
    var summary: String?
    var datePublished: String?
    var dateModified: String?
    var author: Author?
    var authors: [Author]?
    var tags: [String]?
    var attachments: [Attachment]?

    enum CodingKeys: String, CodingKey {
        case id, url, title, summary, author, authors, tags, attachments
        case externalURL = "external_url", contentHTML = "content_html", contentText = "content_text"
        case datePublished = "date_published", dateModified = "date_modified"
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = c.lenientString(.id)
        url = c.lenientString(.url)
        externalURL = c.lenientString(.externalURL)
        title = c.lenientString(.title)
        contentHTML = c.lenientString(.contentHTML)
        contentText = c.lenientString(.contentText)
        summary = c.lenientString(.summary)
        datePublished = c.lenientString(.datePublished)
        dateModified = c.lenientString(.dateModified)
        author = try? c.decodeIfPresent(Author.self, forKey: .author)
        authors = try? c.decodeIfPresent([Author].self, forKey: .authors)
        tags = (try? c.decodeIfPresent([String].self, forKey: .tags)) ?? nil
        attachments = try? c.decodeIfPresent([Attachment].self, forKey: .attachments)
    }
}

extension KeyedDecodingContainer {
    /// A string, or a number written as a string (JSON Feed ids are often numbers); anything else is absent.
    func lenientString(_ key: Key) -> String? {
        if let s = try? decodeIfPresent(String.self, forKey: key) { return s }
        if let i = try? decodeIfPresent(Int64.self, forKey: key) { return String(i) }
        if let d = try? decodeIfPresent(Double.self, forKey: key) { return String(d) }
        return nil
    }
}
