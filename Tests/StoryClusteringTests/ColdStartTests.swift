import Foundation
import Testing
@testable import StoryClustering

/// A brand-new install: the first batch is all the engine has seen, so its statistics are tiny. Two events in
/// one town share the town's name; only a weighting learned from the batch itself (the town is in every item,
/// the events' own words in few) keeps them apart. (In a store with a long history, where the town's name is rare,
/// the short flooding report joins the strike on that name: the README's "Known limit".)
@Suite struct ColdStartTests {
    static let batch: [StoryItem] = [
        Fixtures.item(101, "Ferry crews walk out at Westhaven port over rota changes",
                      "Ferry crews at Westhaven port stopped work on Monday in a dispute over new rotas. The operator cancelled all crossings to the islands until talks resume.",
                      hours: 0, feed: 1),
        Fixtures.item(102, "Westhaven port ferries halted as crews strike",
                      "No ferries left Westhaven port on Monday after crews went on strike over rotas; island crossings are cancelled and talks are expected later this week.",
                      hours: 2, feed: 2),
        Fixtures.item(103, "Flooding closes road to Westhaven port",
                      "Heavy rain flooded the coast road overnight. Police closed it and drivers were diverted inland while pumps cleared the water.",
                      hours: 3, feed: 2),
        Fixtures.item(104, "Chip maker opens research centre in Lisbon",
                      "A semiconductor company opened a research centre in Lisbon that will employ two hundred engineers.",
                      hours: 1, feed: 3),
        Fixtures.item(105, "Museum returns bronze statues to Benin",
                      "A museum has handed back a set of bronze statues taken in the nineteenth century.",
                      hours: 4, feed: 3),
    ]

    @Test func firstBatchOfAFreshStoreKeepsSameTopicEventsApart() {
        let clusterer = StoryClusterer()
        let result = clusterer.assign(batch: Self.batch)
        let story = Dictionary(uniqueKeysWithValues: result.map { ($0.itemID, $0.storyID) })
        #expect(story[102] == story[101], "\(clusterer.explain(Self.batch[0], Self.batch[1]))")
        #expect(story[103] != story[101], "\(clusterer.explain(Self.batch[0], Self.batch[2]))")
        #expect(Set(story.values).count == 4)
        // The weighting table was frozen from the batch's own counts before the first item was weighed.
        #expect(clusterer.statistics.weightingCount == Self.batch.count)
    }

    /// `explain` reports the evidence the engine decided on (same weighting table, pair and story evidence):
    /// for every pair of the batch, its decision is the engine's.
    @Test func explainAgreesWithTheEngineOnEveryPair() {
        let clusterer = StoryClusterer()
        let result = clusterer.assign(batch: Self.batch)
        let story = Dictionary(uniqueKeysWithValues: result.map { ($0.itemID, $0.storyID) })
        for a in Self.batch {
            for b in Self.batch where a.id < b.id {
                let explanation = clusterer.explain(a, b)
                #expect((explanation.decision != .new) == (story[a.id] == story[b.id]), "\(explanation)")
            }
        }
    }
}
