import Foundation
import FeedModel

/// The days already in the digest folder (every `YYYY-MM-DD.html`), and what their JSON says about them:
/// index.html and digest.atom are built from this, so they list exactly the days a reader can open.
struct DigestArchive {
    struct Day {
        var day: DayStamp
        /// The day's JSON, when present and readable (older or hand-made days may lack it).
        var digest: DailyDigest?
    }

    var days: [Day]

    static func days(in directory: URL) throws -> [DayStamp] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .compactMap { name -> DayStamp? in
                guard name.hasSuffix(".html"), name.count == 15 else { return nil }
                return DayStamp(String(name.dropLast(5)))
            }
            .sorted(by: >)
    }

    /// Newest first; JSON is read only for the newest `detailed` days (older ones are listed by date alone).
    static func load(_ directory: URL, detailed: Int) throws -> DigestArchive {
        let decoder = JSONDecoder()
        let days = try days(in: directory).enumerated().map { index, day -> Day in
            guard index < detailed,
                  let data = try? Data(contentsOf: directory.appendingPathComponent("\(day).json")),
                  let digest = try? decoder.decode(DailyDigest.self, from: data)
            else { return Day(day: day, digest: nil) }
            return Day(day: day, digest: digest)
        }
        return DigestArchive(days: days)
    }
}

/// What index.html shows.
struct IndexPage {
    struct Month { var name: String; var days: [IndexDay] }
    struct IndexDay {
        var date: String
        var label: String
        /// "29 stories", when the day's JSON is readable.
        var stories: String?
        /// The day's best-covered headline.
        var headline: String?
    }

    var title: String
    var daysText: String
    var months: [Month]

    init(title: String, archive: DigestArchive) {
        self.title = title
        let count = archive.days.count
        daysText = count == 1 ? "1 day" : "\(count) days"
        var months: [Month] = []
        for entry in archive.days {
            let monthName = "\(Self.monthNames[entry.day.month - 1]) \(entry.day.year)"
            let label = "\(Self.weekday(entry.day)) \(entry.day.day)"
            let digest = entry.digest
            // The day's most widely covered story (the first such in page order).
            var top: DigestStory?
            for story in digest?.sections.flatMap(\.stories) ?? [] where story.outletCount > (top?.outletCount ?? 0) {
                top = story
            }
            let item = IndexDay(date: entry.day.description, label: label,
                                stories: digest.map { $0.counts.stories == 1 ? "1 story" : "\($0.counts.stories) stories" },
                                headline: top?.headline)
            if months.last?.name == monthName { months[months.count - 1].days.append(item) }
            else { months.append(Month(name: monthName, days: [item])) }
        }
        self.months = months
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]

    /// Short weekday name; Zeller-free: the day's weekday in UTC is the calendar weekday.
    static func weekday(_ day: DayStamp) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let date = day.interval(in: calendar.timeZone).start
        let index = calendar.component(.weekday, from: date) - 1
        return ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][index]
    }
}
