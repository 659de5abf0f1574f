import Foundation
import FeedModel

/// Date formatting in the digest's time zone with a fixed locale, so output never depends on the machine's.
struct DigestClock {
    let timeZone: TimeZone
    let day: DayStamp
    private let calendar: Calendar

    init(timeZone: TimeZone, day: DayStamp) {
        self.timeZone = timeZone
        self.day = day
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.locale = Locale(identifier: "en_US_POSIX")
        self.calendar = calendar
    }

    private func format(_ date: Date, _ pattern: String) -> String {
        let formatter = DateFormatter()
        formatter.calendar = calendar
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = pattern
        return formatter.string(from: date)
    }

    /// ISO 8601 with the zone's offset, e.g. 2026-11-21T09:14:00+01:00.
    func iso(_ date: Date) -> String { format(date, "yyyy-MM-dd'T'HH:mm:ssxxxxx") }

    /// "09:14", or "20 Nov 22:10" for a time on another day than the digest's.
    func time(_ date: Date) -> String {
        DayStamp(date, in: timeZone) == day ? format(date, "HH:mm") : format(date, "d MMM HH:mm")
    }

    /// "09:14" or "09:14–15:02".
    func span(_ first: Date, _ last: Date) -> String {
        let a = time(first), b = time(last)
        return a == b ? a : "\(a)–\(b)"
    }

    /// "Saturday, 21 November 2026".
    var longDate: String {
        format(day.interval(in: timeZone).start.addingTimeInterval(12 * 3600), "EEEE, d MMMM yyyy")
    }
}
