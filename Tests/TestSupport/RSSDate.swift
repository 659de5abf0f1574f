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
}
