import Foundation
import FeedModel

/// How the digest is made and rendered. Every field has a sensible default, so `DigestOptions()` works.
public struct DigestOptions: Sendable, Hashable {
    /// The page title; also the Atom feed's title.
    public var title: String
    /// A folder holding `digest.html.mustache`, `digest.md.mustache` and/or `index.html.mustache` that replace the
    /// built-in templates. Missing files fall back to the built-in ones.
    public var templateDirectory: URL?
    /// Images are off unless enabled: the page's Content-Security-Policy then also allows http(s) images,
    /// which only user templates can reference.
    public var allowImages: Bool
    /// Minutes after local midnight at which a digest day starts (0 = the calendar day). With 420 the digest of
    /// 2026-11-21 covers 2026-11-20 07:00 up to 2026-11-21 07:00: the 24 hours up to the digest time.
    public var dayStartMinutes: Int
    /// Longest summary, in characters, before it is cut at a word boundary.
    public var summaryLength: Int
    /// Section order: categories named here come first, in this order; others follow alphabetically;
    /// uncategorised stories always come last.
    public var categoryOrder: [String]
    /// Name of the section for stories whose outlets have no category.
    public var uncategorisedName: String
    /// Where the digest folder is published, e.g. `https://example.org/news/`; makes Atom links absolute and
    /// ids stable across moves. Nil: links stay relative to the feed file.
    public var baseURL: URL?
    /// Most recent days listed in `digest.atom`.
    public var atomEntryLimit: Int

    public init(title: String = "Daily digest", templateDirectory: URL? = nil, allowImages: Bool = false,
                dayStartMinutes: Int = 0, summaryLength: Int = 220, categoryOrder: [String] = [],
                uncategorisedName: String = "Other news", baseURL: URL? = nil, atomEntryLimit: Int = 60) {
        self.title = title
        self.templateDirectory = templateDirectory
        self.allowImages = allowImages
        self.dayStartMinutes = dayStartMinutes
        self.summaryLength = summaryLength
        self.categoryOrder = categoryOrder
        self.uncategorisedName = uncategorisedName
        self.baseURL = baseURL
        self.atomEntryLimit = atomEntryLimit
    }

    /// The span of time a day's digest covers: the calendar day shifted by `dayStartMinutes`, ending at the
    /// digest time of `day`. The pipeline selects entries with the same window.
    public func window(for day: DayStamp, in timeZone: TimeZone) -> DateInterval {
        let calendar = day.interval(in: timeZone)
        guard dayStartMinutes != 0 else { return calendar }
        // Clock arithmetic in the zone (not +N seconds) so DST days still end at the configured local time.
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = timeZone
        let end = cal.date(byAdding: .minute, value: dayStartMinutes, to: calendar.start)!
        let start = cal.date(byAdding: .day, value: -1, to: end)!
        return DateInterval(start: start, end: end)
    }
}
