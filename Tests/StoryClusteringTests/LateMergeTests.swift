import Foundation
import Testing
@testable import StoryClustering

/// Two outlets' stories of one event can form apart (one on a strike, one on the ships it strands) until a report
/// names both. A headline decides such merges at its batch's second look (`StoryClusterer.refine`), where it is
/// weighed in full and the stories have formed; that look comes for a batch of one too.
@Suite struct LateMergeTests {
    /// After the other feeds' items (`FeedHabitsTests.otherFeeds`, which teach the statistics that the words
    /// below are rare).
    static let start = 300.0 * 17

    static let strike = [
        Fixtures.item(800, "Kesselring harbour pilots walk out over pay", "", hours: start, feed: 1),
        Fixtures.item(801, "Harbour pilots strike at Kesselring over pay", "", hours: start + 1, feed: 2),
    ]
    static let ships = [
        Fixtures.item(802, "Container ships queue off Kesselring as cranes stand idle", "", hours: start + 2, feed: 3),
        Fixtures.item(803, "Cranes idle, container ships queue off Kesselring", "", hours: start + 3, feed: 4),
    ]
    static func bridge(hours: Double) -> StoryItem {
        Fixtures.item(804, "Kesselring pilots strike leaves container ships queueing", "",
                      hours: start + hours, feed: 5)
    }

    /// Applies results as the store does (`FeedStore.assignStories`): every item filed under its story, then each
    /// merge, in the results' order, relabelling what is filed under the story it absorbed.
    static func file(_ results: [StoryAssignment], into storyOf: inout [Int64: Int64]) {
        for r in results { storyOf[r.itemID] = r.storyID }
        for r in results {
            for absorbed in r.mergedStoryIDs {
                for (item, story) in storyOf where story == absorbed { storyOf[item] = r.storyID }
            }
        }
    }

    @Test func aHeadlineArrivingAloneMergesTheTwoStoriesItBridges() {
        let clusterer = StoryClusterer()
        var storyOf: [Int64: Int64] = [:]
        Self.file(clusterer.assign(batch: Self.strike + Self.ships + FeedHabitsTests.otherFeeds), into: &storyOf)
        #expect(storyOf[800] == storyOf[801] && storyOf[802] == storyOf[803] && storyOf[800] != storyOf[802],
                "\(clusterer.explain(Self.ships[0], Self.strike[0]))")
        let late = clusterer.assign(batch: [Self.bridge(hours: 5)])
        Self.file(late, into: &storyOf)
        #expect(late[0].mergedStoryIDs == [802], "\(late) \(clusterer.explain(Self.bridge(hours: 5), Self.ships[0]))")
        #expect(Set([800, 801, 802, 803, 804].map { storyOf[$0] }) == [800])
    }

    @Test func aMergeAtTheSecondLookRelabelsTheBatchsLaterItems() {
        // The bridge comes between the two ship reports: the second one, placed under the ships' story before the
        // bridge merged it, must name the surviving story. No result of a refined pass (the whole batch here) may
        // name a story the pass absorbed: the store applies merges after the assignments, in the results' order,
        // and a later merge into a story an earlier one absorbed would leave its items under one that is gone.
        let clusterer = StoryClusterer()
        let batch = Self.strike + Self.ships + [Self.bridge(hours: 2.5)] + FeedHabitsTests.otherFeeds
        let results = clusterer.assign(batch: batch)
        let absorbed = Set(results.flatMap(\.mergedStoryIDs))
        #expect(absorbed == [802], "\(results.filter { $0.itemID < 900 })")
        #expect(!results.contains { absorbed.contains($0.storyID) }, "\(results.filter { $0.itemID < 900 })")
        var storyOf: [Int64: Int64] = [:]
        Self.file(results, into: &storyOf)
        #expect(Set([800, 801, 802, 803, 804].map { storyOf[$0] }) == [800], "\(results.filter { $0.itemID < 900 })")
    }
}
