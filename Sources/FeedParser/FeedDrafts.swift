import Foundation
import FeedModel

/// A date with the rank of the element that gave it: a better-ranked source (lower rank) replaces a worse one,
/// and an unparseable value never replaces anything.
struct RankedDate {
    private(set) var date: Date?
    private var rank = Int.max

    mutating func offer(_ text: String, rank: Int) {
        guard rank < self.rank, let parsed = DateParsing.parse(text) else { return }
        date = parsed
        self.rank = rank
    }
}

/// Feed-level values while the document is read.
struct FeedDraft {
    var format: FeedFormat
    var title: String?
    var link: String?
    var atomAlternate: String?
    var atomOtherLink: String?
    /// Atom rel="self": where the feed says it lives.
    var selfLink: String?
    var description: String?
    var language: String?
    /// RSS <ttl>: minutes the publisher asks readers to wait between fetches.
    var ttlMinutes: Int?
    /// The syndication module's schedule: `sy:updatePeriod` (hourly ... yearly) and how often in it it updates.
    var updatePeriod: String?
    var updateFrequency: Int?

    /// Minutes between updates the publisher states: `<ttl>`, else the syndication module's period divided by its
    /// frequency (default 1), never below a minute.
    var statedIntervalMinutes: Int? {
        if let ttlMinutes { return ttlMinutes }
        let minutes: Int
        switch updatePeriod?.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() {
        case "hourly": minutes = 60
        case "daily": minutes = 1440
        case "weekly": minutes = 10_080
        case "monthly": minutes = 43_200
        case "yearly": minutes = 525_600
        default: return nil
        }
        return max(1, minutes / max(1, updateFrequency ?? 1))
    }
    var updated = RankedDate()

    var resolvedLink: String? { link ?? atomAlternate ?? atomOtherLink }
}

/// One entry while its element is open.
struct EntryDraft {
    var id: String?
    var guid: String?
    var guidIsPermaLink = true
    var about: String?
    var title: String?
    var link: String?
    var atomAlternate: String?
    var atomOtherLink: String?
    var published = RankedDate()
    var updated = RankedDate()
    var authorName: String?
    var authorEmail: String?
    var summary: String?
    var summaryRank = Int.max
    var content: String?
    var categories: [String] = []
    var enclosures: [Enclosure] = []

    mutating func addCategory(_ value: String) {
        let trimmed = TextNormalization.collapseWhitespace(value)
        guard !trimmed.isEmpty, categories.count < ParseLimits.maxListItems, !categories.contains(trimmed) else { return }
        categories.append(trimmed)
    }

    mutating func addEnclosure(url: String?, type: String?, length: String?) {
        guard let url, !url.isEmpty, enclosures.count < ParseLimits.maxListItems,
              !enclosures.contains(where: { $0.url == url }) else { return }
        let type = type?.trimmingASCIISpaces()
        let length = length.flatMap { Int64($0.trimmingASCIISpaces()) }.flatMap { $0 >= 0 ? $0 : nil }
        enclosures.append(Enclosure(url: url, type: type?.isEmpty == false ? type : nil, length: length))
    }

    mutating func offerAuthor(name: String?, email: String?) {
        if authorName == nil, let name, !name.isEmpty { authorName = name }
        if authorEmail == nil, let email, !email.isEmpty { authorEmail = email }
    }

    func finished() -> ParsedEntry {
        var link = self.link ?? atomAlternate
        if link == nil, guidIsPermaLink, let guid, guid.hasPrefix("http://") || guid.hasPrefix("https://") {
            link = guid
        }
        return ParsedEntry(
            id: id ?? guid ?? about, title: title, link: link ?? atomOtherLink,
            published: published.date, updated: updated.date, author: authorName ?? authorEmail,
            summary: summary, content: content, categories: categories, enclosures: enclosures)
    }
}
