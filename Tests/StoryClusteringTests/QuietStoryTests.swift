import Foundation
import Testing
@testable import StoryClustering

/// A headline that meets a story after days of silence mostly shares a name with it: the next release, the next
/// week's column, another post on the same product. It must agree more (`StoryClusterer.silencePenalty`); a
/// story that outlets keep reporting stays open to it, and articles, with words enough to tell a slow story's
/// follow-up, are judged as ever.
@Suite struct QuietStoryTests {
    /// After the other feeds' items (`FeedHabitsTests.otherFeeds`, which teach the statistics that the words
    /// below are rare): the window's newest, so `explain` finds their stories there.
    static let start = 300.0 * 17

    static func priceCut(hours: Double = 0) -> StoryItem {
        Fixtures.item(500, "Velmora tablet gets a price cut", "", hours: start + hours, feed: 1)
    }

    static func review(hoursAfter gap: Double) -> StoryItem {
        Fixtures.item(501, "Velmora tablet review: a bright screen", "", hours: start + gap, feed: 2)
    }

    static func storyOf(_ items: [StoryItem]) -> (StoryClusterer, [Int64: Int64]) {
        let clusterer = StoryClusterer()
        return (clusterer, Fixtures.storiesAfterMerges(clusterer.assign(batch: items + FeedHabitsTests.otherFeeds)))
    }

    @Test func twoHeadlinesOnANameNineDaysApartStayApart() {
        let (clusterer, story) = Self.storyOf([Self.priceCut(), Self.review(hoursAfter: 9 * 24)])
        #expect(story[500] != story[501], "\(clusterer.explain(Self.review(hoursAfter: 9 * 24), Self.priceCut()))")
        // Control: the same two headlines six hours apart are one story.
        let (near, nearStory) = Self.storyOf([Self.priceCut(), Self.review(hoursAfter: 6)])
        #expect(nearStory[500] == nearStory[501], "\(near.explain(Self.review(hoursAfter: 6), Self.priceCut()))")
    }

    @Test(arguments: [30.0, 9.0 * 24])
    func aRestartedEngineCountsTheSameSilence(hoursAfter gap: Double) throws {
        // The daemon's path: one cycle, a restart from the saved statistics and the stored stories (whose span
        // the restore rebuilds), then a later cycle: the same decision as the engine that ran on.
        let copy = Fixtures.item(502, "Velmora tablet price cut: now 199 euros", "", hours: Self.start + 6, feed: 3)
        let first = [Self.priceCut(), copy] + FeedHabitsTests.otherFeeds
        let later = [Self.review(hoursAfter: gap)]
        let running = StoryClusterer()
        var storyOf: [Int64: Int64] = [:]
        for a in running.assign(batch: first) { storyOf[a.itemID] = a.storyID }
        let snapshot = try JSONEncoder().encode(running.statistics)
        let expected = running.assign(batch: later)[0]

        let restarted = StoryClusterer(statistics: try JSONDecoder().decode(TermStatistics.self, from: snapshot))
        for item in first.sorted(by: { ($0.published, $0.id) < ($1.published, $1.id) }) {
            restarted.restore(item, storyID: storyOf[item.id]!)
        }
        let actual = restarted.assign(batch: later)[0]
        #expect(actual.storyID == expected.storyID && actual.tier == expected.tier)
        // Within two days of the story it joins; nine days on it does not.
        #expect((actual.storyID == storyOf[500]) == (gap < 48), "\(restarted.explain(later[0], copy))")
    }

    @Test func aStoryOutletsKeepReportingStaysOpen() {
        // One event reported every day for nine days by different outlets: each report is within a day of the
        // story's latest, so none asks more, and the ninth day's headline joins the story founded on the first.
        let days = [
            "Portmouth dock strike halts container traffic", "Portmouth dock strike enters its second day",
            "Dock strike in Portmouth strands ferry freight", "Portmouth dock strike: talks with the port fail",
            "Portmouth dockers vote to extend strike", "Portmouth dock strike hits supermarket deliveries",
            "Port owner makes new offer in Portmouth dock strike", "Portmouth dock strike: union weighs offer",
            "Portmouth dock strike ends after pay deal",
        ]
        let reports = days.enumerated().map { k, title in
            Fixtures.item(Int64(600 + k), title, "", hours: Self.start + Double(k) * 24, feed: Int64(40 + k % 3))
        }
        let (clusterer, story) = Self.storyOf(reports)
        #expect(story[608] == story[600], "\(clusterer.explain(reports[8], reports[7]))")
        let why = clusterer.explain(reports[8], reports[0])
        // The pair alone is eight days apart and counts less, but the story was reported the day before.
        #expect(why.silencePenalty > 0 && why.decision == .similar, "\(why)")
        #expect(why.storyEvidence.contains { $0.itemID == 608 && $0.silencePenalty == 0 && $0.meets }, "\(why)")
    }

    @Test func articlesNineDaysApartAreJudgedAsEver() {
        // Two outlets' articles on one event, the second nine days later (a weekly's report): each has more
        // content words than `shortTextWords`, so the days between them take nothing off.
        let daily = Fixtures.item(
            700, "Tallow Bay bridge closes after inspectors find cracked cables",
            """
            Engineers closed the Tallow Bay suspension bridge to all traffic on Monday after a routine inspection \
            found three cracked support cables on its northern span. The regional transport authority said the \
            closure would last at least a month while contractors replace the cables, and ferry operator Gannet \
            Lines added four crossings a day. Commuters face detours of up to forty minutes through Orrin Point, \
            and freight hauliers warned of delays at the harbour.
            """, hours: 0, feed: 50)
        let weekly = Fixtures.item(
            701, "Inside the Tallow Bay bridge closure",
            """
            Nine days after inspectors found cracked cables on the Tallow Bay suspension bridge, the span remains \
            closed and contractors have begun replacing the three damaged support cables. Gannet Lines, running \
            extra ferry crossings, says demand has doubled, while hauliers report delays at the harbour and \
            commuters from Orrin Point describe forty-minute detours. The transport authority still expects the \
            closure to last at least a month.
            """, hours: 9 * 24, feed: 51)
        let clusterer = StoryClusterer()
        let results = clusterer.assign(batch: [daily, weekly])
        let why = clusterer.explain(weekly, daily)
        #expect(results[1].storyID == results[0].storyID, "\(why)")
        #expect(why.silencePenalty == 0 && why.timeGapHours == 216, "\(why)")
    }

    @Test func aNameSharedAcrossTwoWeeksOfSilenceAsksMoreThanAWeekDoes() {
        // Two outlets' headlines on one rare name, thirteen days apart: the next question of an explainer series,
        // not a report of the first one's event. They agree so well on the name that one margin is not enough.
        let caused = Fixtures.item(510, "What caused the Kesselring Rift? A geologist answers", "",
                                   hours: Self.start, feed: 1)
        func before(daysAfter days: Double) -> StoryItem {
            Fixtures.item(511, "What happened before the Kesselring Rift opened in the desert", "",
                          hours: Self.start + days * 24, feed: 2)
        }
        let (apart, apartStory) = Self.storyOf([caused, before(daysAfter: 13)])
        let why = apart.explain(before(daysAfter: 13), caused)
        #expect(apartStory[510] != apartStory[511], "\(why)")
        // More than one margin: what a week's silence alone takes off would leave them together.
        let margin = ClusteringSettings().shortTextMargin
        #expect(why.silencePenalty > margin, "\(why)")
        #expect(why.similarity - margin >= why.similarityThreshold, "\(why)")
        // Control: six hours apart they are one story.
        let (near, nearStory) = Self.storyOf([caused, before(daysAfter: 0.25)])
        #expect(nearStory[510] == nearStory[511], "\(near.explain(before(daysAfter: 0.25), caused))")
    }

    @Test func explainNamesTheSilence() {
        let review = Self.review(hoursAfter: 9 * 24)
        let (clusterer, _) = Self.storyOf([Self.priceCut(), review])
        let why = clusterer.explain(review, Self.priceCut())
        #expect(why.decision == .new, "\(why)")
        // The similarity alone clears the bar; the 216 hours between them take it below.
        #expect(why.similarity >= why.similarityThreshold, "\(why)")
        #expect(why.similarity - why.silencePenalty < why.similarityThreshold, "\(why)")
        #expect(why.description.contains("for 216.0 h between them"), "\(why)")
        #expect(why.storyEvidence.contains { $0.silencePenalty > 0 && !$0.meets }, "\(why)")
        #expect(why.description.contains("of silence"), "\(why)")
    }
}
