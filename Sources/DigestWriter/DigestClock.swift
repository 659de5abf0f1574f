import Foundation
import FeedModel

/// Date formatting in the digest's time zone with a fixed locale, so output never depends on the machine's.
struct DigestClock {
    let timeZone: TimeZone
    let day: DayStamp
    // Formatters are costly to create (thousands of items a day): one per pattern, made once.
    private let isoFormatter: DateFormatter
    private let timeFormatter: DateFormatter
    private let otherDayFormatter: DateFormatter
    private let longFormatter: DateFormatter
    private let today: DateInterval

    init(timeZone: TimeZone, day: DayStamp) {
        self.timeZone = timeZone
        self.day = day
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.locale = Locale(identifier: "en_US_POSIX")
        func formatter(_ pattern: String) -> DateFormatter {
            let formatter = DateFormatter()
            formatter.calendar = calendar
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = timeZone
            formatter.dateFormat = pattern
            return formatter
        }
        isoFormatter = formatter("yyyy-MM-dd'T'HH:mm:ssxxxxx")
        timeFormatter = formatter("HH:mm")
        otherDayFormatter = formatter("d MMM HH:mm")
        longFormatter = formatter("EEEE, d MMMM yyyy")
        today = day.interval(in: timeZone)
    }

    /// ISO 8601 with the zone's offset, e.g. 2026-11-21T09:14:00+01:00.
    func iso(_ date: Date) -> String { isoFormatter.string(from: date) }

    /// "09:14", or "20 Nov 22:10" for a time on another day than the digest's.
    func time(_ date: Date) -> String {
        today.start <= date && date < today.end ? timeFormatter.string(from: date) : otherDayFormatter.string(from: date)
    }

    /// "09:14" or "09:14–15:02".
    func span(_ first: Date, _ last: Date) -> String {
        let a = time(first), b = time(last)
        return a == b ? a : "\(a)–\(b)"
    }

    /// "Saturday, 21 November 2026".
    var longDate: String {
        longFormatter.string(from: today.start.addingTimeInterval(12 * 3600))
    }
}
