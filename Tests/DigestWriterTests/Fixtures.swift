import Foundation
import FeedModel
@testable import DigestWriter

/// Small builders for digest inputs: times are minutes after 00:00 UTC on the test day.
enum Fixture {
    static let utc = TimeZone(identifier: "UTC")!
    static let day = DayStamp(year: 2026, month: 11, day: 21)
    static let dayStart = day.interval(in: utc).start

    static func at(_ minutes: Int) -> Date { dayStart.addingTimeInterval(Double(minutes) * 60) }

    static func feed(_ id: Int64, _ title: String, category: String? = nil) -> Feed {
        Feed(id: id, url: "https://feed\(id).example/rss", title: title, category: category)
    }

    static func entry(_ id: Int64, feed: Int64, _ title: String, minute: Int = 60, link: String? = nil,
                      summary: String = "", canonical: String? = nil) -> Entry {
        let link = link ?? "https://feed\(feed).example/articles/\(id)"
        return Entry(id: id, feedID: feed, key: "k\(id)", link: link,
                     canonicalURL: canonical ?? CanonicalURL.canonicalize(link), title: title, summary: summary,
                     published: at(minute), firstSeen: at(minute + 5))
    }

    static func input(_ stories: [Story], feeds: [Feed], shownBefore: [Int64: Set<Int64>] = [:],
                      failures: [FeedFailure] = [], day: DayStamp = day) -> DigestInput {
        DigestInput(day: day, timeZone: utc, stories: stories,
                    feeds: Dictionary(uniqueKeysWithValues: feeds.map { ($0.id, $0) }),
                    shownBefore: shownBefore, failures: failures)
    }

    static func tempDirectory(_ name: String = #function) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("feedd-digest-tests-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func read(_ url: URL) throws -> String {
        String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}
