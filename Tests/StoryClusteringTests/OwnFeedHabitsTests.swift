import Foundation
import Testing
@testable import StoryClustering

/// A feed's beat: words it writes in many of its posts ("reveals main cast, staff" on an anime site) tell two of
/// its posts apart no better than its name would, though across all feeds they are rare. Between two posts of
/// that feed they count less; two of its posts on one event still share that event's own words.
@Suite struct OwnFeedHabitsTests {
    static let feed: Int64 = 5
    /// After the other feeds' items (`FeedHabitsTests.otherFeeds`, 17 hours apart): the feed's posts are the
    /// window's newest, so `explain` finds their stories there.
    static let start = 300.0 * 17

    /// Made-up shows and studios: eight posts of one template, each about a different show.
    static let shows = [
        ("Lantern Tide", "Studio Perch", "spring"), ("Copper Vale", "Wrenworks", "summer"),
        ("Nine Quiet Bells", "Studio Ardent", "autumn"), ("Harrow Glass", "Moth Atelier", "winter"),
        ("Saltwind Academy", "Kiln Pictures", "January"), ("Ember Orchard", "Studio Tamsin", "April"),
        ("Gull Station", "Reedline", "July"), ("Paper Comet", "Studio Vesk", "October"),
    ]

    static func castAnnouncements() -> [StoryItem] {
        shows.enumerated().map { k, show in
            Fixtures.item(Int64(100 + k), "'\(show.0)' Reveals Main Cast, Staff",
                          "The TV anime of \(show.0) revealed its main cast and staff. \(show.1) animates the "
                              + "series, which premieres in \(show.2).",
                          hours: start + Double(k) * 5, feed: feed)
        }
    }

    /// The same feed's other posts, each on its own subject, and two of them on one event.
    static let otherPosts: [StoryItem] = [
        "Manga Sales Chart for the Week", "Convention Guide: Where to Eat", "Voice Actor Interview Series Returns",
        "Streaming Catalogue Adds Classic Films", "Light Novel Award Shortlist Published",
        "Figure Maker Opens Museum Shop", "Soundtrack Vinyl Reissue Announced", "Theatre Screening Tour Dates",
        "Artbook Crowdfunding Reaches Goal", "Mobile Game Shuts Down Servers",
    ].enumerated().map { k, title in
        Fixtures.item(Int64(200 + k), title, "\(title). More details follow on the site this week.",
                      hours: start + Double(k) * 4 + 1, feed: feed)
    }
    static let delay = [
        Fixtures.item(300, "'Brightwater Saga' Anime Delayed to Autumn",
                      "Studio Kestrel delayed the Brightwater Saga anime to autumn, citing its production schedule.",
                      hours: start + 20, feed: feed),
        Fixtures.item(301, "Brightwater Saga Delay: Studio Kestrel Cites Production Schedule",
                      "Studio Kestrel explained why Brightwater Saga was delayed: its production schedule slipped.",
                      hours: start + 26, feed: feed),
    ]

    static func assign() -> (StoryClusterer, [Int64: Int64]) {
        let clusterer = StoryClusterer()
        let results = clusterer.assign(batch: castAnnouncements() + otherPosts + delay + FeedHabitsTests.otherFeeds)
        return (clusterer, Fixtures.storiesAfterMerges(results))
    }

    @Test func aFeedsTemplatePostsStayApart() {
        let (clusterer, story) = Self.assign()
        let announcements = Self.castAnnouncements()
        #expect(Set(announcements.map { story[$0.id]! }).count == announcements.count,
                "\(clusterer.explain(announcements[1], announcements[0]))")
        // Across feeds the words still count: the statistics learned them as rare.
        #expect(clusterer.statistics.frequency(EventTokenizer.termHash(of: "cast")) == 8)
    }

    @Test func twoPostsOfTheFeedOnOneEventStillGroup() {
        let (clusterer, story) = Self.assign()
        #expect(story[300] == story[301], "\(clusterer.explain(Self.delay[1], Self.delay[0]))")
    }

    @Test func explainNamesTheWordsThatCountedLess() {
        let (clusterer, _) = Self.assign()
        let announcements = Self.castAnnouncements()
        let why = clusterer.explain(announcements[3], announcements[2])
        let habits = Set(why.feedHabits.map(\.term))
        #expect(habits.isSuperset(of: ["cast", "staff"]), "\(why)")
        #expect(why.feedHabits.allSatisfy { $0.kept > 0 && $0.kept < 1 }, "\(why)")
        #expect(why.description.contains("counted less: "), "\(why)")
        // The shared terms' contributions are what counted: less than their full products.
        let cast = why.sharedTerms.first { $0.term == "cast" }
        #expect(cast != nil && why.decision == .new, "\(why)")
        // The later item against the earlier one's story (that item alone) is the pair's own comparison: the
        // story evidence counts the words less too, as the engine's candidate comparison does.
        let later = why.storyEvidence.first { $0.itemID == announcements[3].id }
        #expect(later != nil && abs(later!.nearestSimilarity - why.similarity) < 1e-6, "\(why)")
    }

    /// A word in more than `habitShare` of the feed's other posts counts for nothing between two of them; explain
    /// still names it (once only words that kept part of their weight were listed, and it went unmentioned).
    @Test func explainNamesAWordThatCountedForNothing() {
        let words = ["quorvel", "talmish", "brenduk", "sowarin", "plethic", "murrand", "gastovy", "rinkle", "volump",
                     "dashery", "trenquil", "hobrane", "clistor", "femmick", "yarrow", "pondish", "zelkary", "wubline",
                     "sternac", "ulvery"]
        // Ten of the twenty posts write "network": between two of them, eight others of 21 (0.38) hold it.
        let posts = words.enumerated().map { k, word in
            Fixtures.item(Int64(700 + k), "\(word.capitalized) \(words[(k + 7) % 20]) update",
                          "The \(word) report\(k < 10 ? " covers the network" : "") in \(words[(k + 3) % 20]).",
                          hours: Self.start + Double(k), feed: 6)
        }
        let clusterer = StoryClusterer()
        _ = clusterer.assign(batch: posts + FeedHabitsTests.otherFeeds)
        let why = clusterer.explain(posts[1], posts[0])
        #expect(why.feedHabits.contains { $0.term == "network" && $0.kept == 0 }, "\(why)")
        #expect(why.sharedTerms.contains { $0.term == "network" && $0.contribution == 0 }, "\(why)")
    }
}
