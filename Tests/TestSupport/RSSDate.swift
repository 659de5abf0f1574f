import Foundation

/// Dates as RSS writes them (RFC 822, in UTC), for the feed files tests write.
public enum RSSDate {
    private static let formatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter
    }()

    /// `date` as a `<pubDate>` holds it.
    public static func string(_ date: Date) -> String { formatter.string(from: date) }

    /// The later of today's midnight (UTC, the test configs' digest zone) and `seconds` before `now`: items dated
    /// from there to `now` fall on today's digest page and not in the future (an item dated in the future is
    /// filed when first seen), at whatever time of day the test runs.
    public static func startOfToday(within seconds: TimeInterval, before now: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return max(calendar.startOfDay(for: now), now.addingTimeInterval(-seconds))
    }
}
