import Foundation
import Testing
@testable import StoryClustering

/// A feed that opens its titles with a series' name ("Show #12: …", "Week in Review: …", "Status - Down") posts a
/// new story each time; the name ties none of them to another. Another outlet's items are compared as ever.
@Suite struct SeriesLeadTests {
    @Test(arguments: [
        ("Harbour Hour #12: Glass blowing in Murano", "Harbour Hour"),
        ("Kiln Notes: a week of raku firings", "Kiln Notes"),
        ("Support System - Down", "Support System"),
        ("Ferry Desk – Tuesday timetable changes", "Ferry Desk"),
        ("Ferry Desk — Tuesday timetable changes", "Ferry Desk"),
        ("Quay Radio | Night ferries", "Quay Radio"),
        // Chinese and Japanese titles: no spaces around a full-width colon or bar, or 丨.
        ("港口周刊：夜班渡轮", "港口周刊"),
        ("港口周刊丨夜班渡轮", "港口周刊"),
        ("週刊ハーバー｜夜のフェリー", "週刊ハーバー"),
    ])
    func aLeadEndsAtItsSeparator(title: String, lead: String) {
        #expect(TitleLead.of(title).map(String.init) == lead)
    }

    @Test(arguments: [
        "Russia-Ukraine talks resume in Geneva",  // a hyphen inside a word
        "Ferry Desk: ",  // nothing after the separator
        "港口周刊：",
        "Ratio 3:2 wins the vote",  // a colon without a space
        ": a title that starts with its separator",
        String(repeating: "long words ", count: 9) + ": a sentence, not a name",
    ])
    func noLead(title: String) {
        #expect(TitleLead.of(title) == nil)
    }

    static let subjects = ["glass blowing in Murano", "night ferries of the lagoon", "salt pans at dawn",
                           "a boatyard's last caulker", "the tide gauge keepers", "oyster beds after the storm"]

    /// One feed, two shows taking turns, each post on its own subject: each show's name opens half the feed's
    /// titles at most, below what `FeedVocabulary` counts as boilerplate, and the feed is too young for it anyway.
    static func posts(feed: Int64?, first: Int = 0) -> [StoryItem] {
        (first ..< subjects.count).flatMap { (k: Int) -> [StoryItem] in
            let show: String = subjects[k], letter: String = subjects[(k + 3) % subjects.count]
            let week = Double(k) * 168
            return [
                Fixtures.item(Int64(900 + 2 * k), "Harbour Hour #\(12 + k): \(show.capitalized)",
                              "Harbour Hour, the weekly show from the docks: \(show).",
                              hours: week, url: "radio.example/hh/\(12 + k)", feed: feed),
                Fixtures.item(Int64(901 + 2 * k), "Kiln Notes: \(letter.capitalized) revisited",
                              "Kiln Notes, a potter's weekly letter: \(letter).",
                              hours: week + 30, url: "radio.example/kn/\(k)", feed: feed),
            ]
        }
    }

    @Test func aFeedsSeriesPostsStayApart() {
        let clusterer = StoryClusterer()
        let posts = Self.posts(feed: 4)
        let results = clusterer.assign(batch: posts)
        #expect(FeedHabitsTests.stories(results).count == posts.count, "\(clusterer.explain(posts[2], posts[0]))")
        let why = clusterer.explain(posts[2], posts[0])
        #expect(why.decision == .new && why.seriesLead == "Harbour Hour", "\(why)")
        #expect(why.description.contains("without \"Harbour Hour\""), "\(why)")
        // Control: with no feed to learn the shows from, the same posts chain on the shows' names.
        let unknownFeed = StoryClusterer().assign(batch: Self.posts(feed: nil))
        #expect(FeedHabitsTests.stories(unknownFeed).count < posts.count - 2)
    }

    @Test func aDaemonKeepsKnowingTheSeriesAfterARestart() throws {
        // The feed's first fetch (four weeks of both shows), then a restart from the saved statistics and window.
        let first = Self.posts(feed: 4).filter { $0.published < Fixtures.start.addingTimeInterval(4 * 168 * 3600) }
        let running = StoryClusterer()
        let stored = running.assign(batch: first)
        let snapshot = try JSONEncoder().encode(running.statistics)
        // The next episode, a day after the last post: within two days, so a story's silence takes nothing off
        // its score (`silencePenalty`) and only the series' name can keep it apart.
        var next = Self.posts(feed: 4, first: 4).prefix(1)
        next[next.startIndex].published = first.map(\.published).max()!.addingTimeInterval(24 * 3600)
        func restarted(_ statistics: TermStatistics) -> StoryAssignment {
            let clusterer = StoryClusterer(statistics: statistics)
            for (item, result) in zip(first, stored) { clusterer.restore(item, storyID: result.storyID) }
            return clusterer.assign(batch: Array(next))[0]
        }
        #expect(restarted(try JSONDecoder().decode(TermStatistics.self, from: snapshot)).tier == .new)
        // Control: statistics that never saw the feed do not know the show, and the new episode joins an old one.
        var strangers = TermStatistics()
        for item in first { strangers.add(StoryClusterer().makeProfile(item).terms) }
        #expect(restarted(strangers).tier == .similar)
    }

    @Test func oneFeedsSeriesPostsOfOneEventStillJoin() {
        // A live page's updates: the lead is the column's name, the rest names the event.
        let items = [
            Fixtures.item(950, "Live: Storm Halda floods the Portmouth harbour front", "", hours: 0, feed: 6),
            Fixtures.item(951, "Live: Storm Halda leaves 80,000 Portmouth homes without power", "", hours: 3, feed: 6),
            Fixtures.item(952, "Live: Carrow council passes its budget after a night session", "", hours: 5, feed: 6),
            Fixtures.item(953, "Live: Storm Halda moves north as Portmouth harbour front reopens", "", hours: 9,
                          feed: 6),
        ]
        let results = StoryClusterer().assign(batch: items)
        let storyOf = Dictionary(uniqueKeysWithValues: results.map { ($0.itemID, $0.storyID) })
        #expect(storyOf[950] == storyOf[951] && storyOf[951] == storyOf[953], "\(results)")
        #expect(storyOf[952] != storyOf[950])
    }

    @Test func anOutletsTwoReportsUnderOneKickerStillJoin() {
        // The kicker names the event, and the reports share the event's own words after it.
        let items = [
            Fixtures.item(940, "Storm Halda: floods close the Portmouth harbour front", "", hours: 0, feed: 6),
            Fixtures.item(941, "Storm Halda: Portmouth harbour front reopens after the floods", "", hours: 20, feed: 6),
        ]
        let results = StoryClusterer().assign(batch: items)
        #expect(Set(results.map(\.storyID)).count == 1, "\(results)")
    }

    @Test func anAggregatorsHeadlinesBeforeTheirSourceAreNoSeries() {
        // Google News style: "headline - source". Two outlets' copies of one wire headline are one story.
        let items = [
            Fixtures.item(945, "Storm Halda floods the Portmouth harbour front - Carrow Gazette", "", hours: 0,
                          feed: 7),
            Fixtures.item(946, "Storm Halda floods the Portmouth harbour front - Northern Wire", "", hours: 2, feed: 7),
        ]
        let clusterer = StoryClusterer()
        let results = clusterer.assign(batch: items)
        #expect(Set(results.map(\.storyID)).count == 1, "\(clusterer.explain(items[1], items[0]))")
    }

    @Test func anOutletsKickerStillNamesTheEventForOthers() {
        let clusterer = StoryClusterer()
        let reports = ["harbour front floods", "80,000 homes lose power", "storm moves north"]
        let kicker = reports.enumerated().map { k, rest in
            Fixtures.item(Int64(960 + k), "Halda: \(rest)", "", hours: Double(k) * 3, feed: 8)
        }
        let other = Fixtures.item(970, "Storm Halda floods Portmouth harbour front", "", hours: 1, feed: 9)
        _ = clusterer.assign(batch: kicker + [other])
        // Between the outlet's own posts the kicker counts for nothing; between outlets it counts in full.
        let own = clusterer.explain(kicker[2], kicker[0])
        #expect(own.seriesLead == "Halda" && own.similarity < 0.01, "\(own)")
        #expect(own.sharedTerms.contains { $0.term == "halda" } && own.sharedTerms.allSatisfy { $0.contribution == 0 })
        let across = clusterer.explain(kicker[0], other)
        #expect(across.seriesLead == nil && across.sharedTerms.contains { $0.term == "halda" && $0.contribution > 0 },
                "\(across)")
        #expect(across.decision == .similar, "\(across)")
    }
}
