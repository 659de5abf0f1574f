import Foundation

// The view model: what one day's digest says, already decided and formatted, ready for any template or for JSON.
// Strings here are raw (unescaped) text from feeds: every renderer escapes them for its own format.

/// One day's digest.
public struct DailyDigest: Sendable, Hashable, Codable {
    public var title: String
    /// `YYYY-MM-DD`.
    public var date: String
    /// E.g. "Saturday, 21 November 2026".
    public var dateText: String
    public var timeZone: String
    /// ISO 8601 bounds of the time covered.
    public var windowStart: String
    public var windowEnd: String
    /// The latest time of any item shown (ISO 8601), at least `windowStart`: a date that depends only on the input,
    /// so regenerating gives the same files, and that moves when the day gains items (Atom `updated`).
    public var updated: String
    public var counts: DigestCounts
    public var sections: [DigestSection]
    /// Stories shown in earlier digests with news since (a new outlet, an outlet's new words); only that is listed.
    public var updates: [DigestStory]
    public var failures: [DigestFailure]
    public var allowImages: Bool
    public var previousDay: String?
    public var nextDay: String?
    /// "42 stories · 3 updates · 310 items from 96 feeds · 27 near-copies folded", for templates (not in JSON).
    public var statsText: String = ""

    /// Nothing new and no updates (templates show a line saying so; not in JSON).
    public var isEmpty: Bool = true

    public init(title: String, date: String, dateText: String, timeZone: String, windowStart: String,
                windowEnd: String, updated: String, counts: DigestCounts, sections: [DigestSection],
                updates: [DigestStory], failures: [DigestFailure], allowImages: Bool,
                previousDay: String? = nil, nextDay: String? = nil) {
        self.title = title
        self.date = date
        self.dateText = dateText
        self.timeZone = timeZone
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.updated = updated
        self.counts = counts
        self.sections = sections
        // An update lists only what is new since the story was shown: a new outlet, or an outlet's new words.
        self.updates = updates.map { story in
            var s = story
            let reports = story.articles.reduce(0) { $0 + $1.outlets.count }
            s.outletsText = reports == 1 ? "1 new report" : "\(reports) new reports"
            return s
        }
        self.failures = failures
        self.allowImages = allowImages
        self.previousDay = previousDay
        self.nextDay = nextDay
        self.statsText = counts.text
        self.isEmpty = sections.isEmpty && updates.isEmpty
    }

    enum CodingKeys: String, CodingKey {
        case title, date, dateText, timeZone, windowStart, windowEnd, updated, counts, sections, updates, failures
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(title: try c.decode(String.self, forKey: .title), date: try c.decode(String.self, forKey: .date),
                  dateText: try c.decode(String.self, forKey: .dateText),
                  timeZone: try c.decode(String.self, forKey: .timeZone),
                  windowStart: try c.decode(String.self, forKey: .windowStart),
                  windowEnd: try c.decode(String.self, forKey: .windowEnd),
                  updated: try c.decode(String.self, forKey: .updated),
                  counts: try c.decode(DigestCounts.self, forKey: .counts),
                  sections: try c.decode([DigestSection].self, forKey: .sections),
                  updates: try c.decode([DigestStory].self, forKey: .updates),
                  failures: try c.decode([DigestFailure].self, forKey: .failures), allowImages: false)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(title, forKey: .title)
        try c.encode(date, forKey: .date)
        try c.encode(dateText, forKey: .dateText)
        try c.encode(timeZone, forKey: .timeZone)
        try c.encode(windowStart, forKey: .windowStart)
        try c.encode(windowEnd, forKey: .windowEnd)
        try c.encode(updated, forKey: .updated)
        try c.encode(counts, forKey: .counts)
        try c.encode(sections, forKey: .sections)
        try c.encode(updates, forKey: .updates)
        try c.encode(failures, forKey: .failures)
    }
}

/// The header's numbers.
public struct DigestCounts: Sendable, Hashable, Codable {
    /// New stories (updates not included).
    public var stories: Int
    public var updates: Int
    /// Feed items covered, near-copies included.
    public var items: Int
    /// Distinct feeds with an item in the digest.
    public var feeds: Int
    /// Items folded into another item's line as near-copies (same article link or near-identical title).
    public var duplicatesRemoved: Int
    public var failedFeeds: Int

    public init(stories: Int, updates: Int, items: Int, feeds: Int, duplicatesRemoved: Int, failedFeeds: Int) {
        self.stories = stories
        self.updates = updates
        self.items = items
        self.feeds = feeds
        self.duplicatesRemoved = duplicatesRemoved
        self.failedFeeds = failedFeeds
    }

    /// The header line, plurals right.
    public var text: String {
        func n(_ count: Int, _ one: String, _ many: String) -> String { "\(count) \(count == 1 ? one : many)" }
        var parts = [n(stories, "story", "stories")]
        if updates > 0 { parts.append(n(updates, "update", "updates")) }
        parts.append(n(items, "item", "items") + " from " + n(feeds, "feed", "feeds"))
        if duplicatesRemoved > 0 { parts.append(n(duplicatesRemoved, "near-copy", "near-copies") + " folded") }
        if failedFeeds > 0 { parts.append(n(failedFeeds, "feed", "feeds") + " failed") }
        return parts.joined(separator: " · ")
    }
}

/// One category's stories, best covered first.
public struct DigestSection: Sendable, Hashable, Codable {
    public var name: String
    /// Lowercase ASCII slug for in-page links.
    public var anchor: String
    /// True for the section of stories whose outlets have no category.
    public var uncategorised: Bool
    public var stories: [DigestStory]

    public init(name: String, anchor: String, uncategorised: Bool, stories: [DigestStory]) {
        self.name = name
        self.anchor = anchor
        self.uncategorised = uncategorised
        self.stories = stories
    }

    enum CodingKeys: String, CodingKey { case name, anchor, uncategorised, stories }
}

/// One story, shown once, with every outlet that reported it.
public struct DigestStory: Sendable, Hashable, Codable {
    public var id: Int64
    public var headline: String
    /// The headline item's own link (already checked: http(s)/mailto only), else nil.
    public var link: String?
    /// Plain text, cut at a word boundary; nil when no item had one worth showing.
    public var summary: String?
    /// ISO 8601 times of the first and latest item shown.
    public var firstReported: String
    public var lastReported: String
    /// "09:14" or "09:14–15:02" in the digest's time zone.
    public var timeText: String
    public var category: String?
    /// Distinct outlets listed.
    public var outletCount: Int
    /// Near-copy groups: each line one article wording with the outlets that carried it.
    public var articles: [DigestArticle]
    /// Entries folded away as near-copies in this story.
    public var duplicates: Int
    /// "1 outlet" / "4 outlets", for templates (not in JSON).
    public var outletsText: String = ""
    /// A key that is the same for the same story in any store (unlike `id`, a row id): the HTML anchor.
    public var anchor: String = ""
    /// More than one article line: templates list the coverage (not in JSON).
    public var hasCoverage: Bool = false
    /// So many outlets that the built-in page folds the list behind `coveragePreview` (not in JSON).
    public var collapseCoverage: Bool = false
    /// "Outlet A, Outlet B, Outlet C and 17 more" (not in JSON).
    public var coveragePreview: String = ""

    /// Up to this many outlets are listed openly; beyond it a phone reader would scroll past a wall of names.
    public static let openCoverageLimit = 8

    public init(id: Int64, headline: String, link: String?, summary: String?, firstReported: String,
                lastReported: String, timeText: String, category: String?, outletCount: Int,
                articles: [DigestArticle], duplicates: Int) {
        self.id = id
        self.headline = headline
        self.link = link
        self.summary = summary
        self.firstReported = firstReported
        self.lastReported = lastReported
        self.timeText = timeText
        self.category = category
        self.outletCount = outletCount
        self.articles = articles
        self.duplicates = duplicates
        self.outletsText = outletCount == 1 ? "1 outlet" : "\(outletCount) outlets"
        self.hasCoverage = outletCount > 1 || articles.count > 1
        var names: [String] = []
        for outlet in articles.flatMap(\.outlets) where !names.contains(outlet.name) { names.append(outlet.name) }
        self.collapseCoverage = names.count > Self.openCoverageLimit
        self.coveragePreview = names.count > 3
            ? names.prefix(3).joined(separator: ", ") + " and \(names.count - 3) more"
            : names.joined(separator: ", ")
    }

    enum CodingKeys: String, CodingKey {
        case id, anchor, headline, link, summary, firstReported, lastReported, timeText, category, outletCount, articles,
             duplicates
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(Int64.self, forKey: .id), headline: try c.decode(String.self, forKey: .headline),
                  link: try c.decodeIfPresent(String.self, forKey: .link),
                  summary: try c.decodeIfPresent(String.self, forKey: .summary),
                  firstReported: try c.decode(String.self, forKey: .firstReported),
                  lastReported: try c.decode(String.self, forKey: .lastReported),
                  timeText: try c.decode(String.self, forKey: .timeText),
                  category: try c.decodeIfPresent(String.self, forKey: .category),
                  outletCount: try c.decode(Int.self, forKey: .outletCount),
                  articles: try c.decode([DigestArticle].self, forKey: .articles),
                  duplicates: try c.decode(Int.self, forKey: .duplicates))
        anchor = try c.decode(String.self, forKey: .anchor)
    }

    // Optional keys are always written (as null) so scripts see one shape.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(anchor, forKey: .anchor)
        try c.encode(headline, forKey: .headline)
        try c.encode(link, forKey: .link)
        try c.encode(summary, forKey: .summary)
        try c.encode(firstReported, forKey: .firstReported)
        try c.encode(lastReported, forKey: .lastReported)
        try c.encode(timeText, forKey: .timeText)
        try c.encode(category, forKey: .category)
        try c.encode(outletCount, forKey: .outletCount)
        try c.encode(articles, forKey: .articles)
        try c.encode(duplicates, forKey: .duplicates)
    }
}

/// One wording of the story (a near-copy group) and the outlets that published it.
public struct DigestArticle: Sendable, Hashable, Codable {
    public var title: String
    /// True when this is the wording used as the story's headline (templates may skip repeating it).
    public var isHeadline: Bool
    public var outlets: [DigestOutlet]
    /// Entries folded into this line.
    public var entryIDs: [Int64]

    public init(title: String, isHeadline: Bool, outlets: [DigestOutlet], entryIDs: [Int64]) {
        self.title = title
        self.isHeadline = isHeadline
        self.outlets = outlets
        self.entryIDs = entryIDs
    }

    enum CodingKeys: String, CodingKey { case title, isHeadline, outlets, entryIDs = "entryIds" }
}

/// An outlet that reported the story, linking to its own article.
public struct DigestOutlet: Sendable, Hashable, Codable {
    public var feedID: Int64
    public var name: String
    /// Its own article (http(s)/mailto only), else nil.
    public var link: String?
    public var entryID: Int64
    /// "09:14" in the digest's time zone.
    public var timeText: String
    /// The item's audio or video (a podcast episode), else nil.
    public var media: DigestMedia?

    public init(feedID: Int64, name: String, link: String?, entryID: Int64, timeText: String,
                media: DigestMedia? = nil) {
        self.feedID = feedID
        self.name = name
        self.link = link
        self.entryID = entryID
        self.timeText = timeText
        self.media = media
    }

    enum CodingKeys: String, CodingKey { case feedID = "feedId", name, link, entryID = "entryId", timeText, media }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(feedID, forKey: .feedID)
        try c.encode(name, forKey: .name)
        try c.encode(link, forKey: .link)
        try c.encode(entryID, forKey: .entryID)
        try c.encode(timeText, forKey: .timeText)
        try c.encode(media, forKey: .media)
    }
}

/// An outlet item's audio or video file, offered beside its article.
public struct DigestMedia: Sendable, Hashable, Codable {
    /// The file (http(s) only).
    public var link: String
    /// "audio" or "video".
    public var kind: String
    /// "54 MB", when the feed gave the file's size.
    public var sizeText: String?

    public init(link: String, kind: String, sizeText: String?) {
        self.link = link
        self.kind = kind
        self.sizeText = sizeText
    }

    enum CodingKeys: String, CodingKey { case link, kind, sizeText }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(link, forKey: .link)
        try c.encode(kind, forKey: .kind)
        try c.encode(sizeText, forKey: .sizeText)
    }
}

/// A feed that failed today, with its reason.
public struct DigestFailure: Sendable, Hashable, Codable {
    public var name: String
    public var url: String
    /// The feed URL as a link, only when it is http(s).
    public var link: String?
    public var reason: String

    public init(name: String, url: String, link: String?, reason: String) {
        self.name = name
        self.url = url
        self.link = link
        self.reason = reason
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(url, forKey: .url)
        try c.encode(link, forKey: .link)
        try c.encode(reason, forKey: .reason)
    }
}
