import FeedPipeline
import Foundation
import Testing
@testable import StoryClustering

/// The two checks that keep neighbouring stories apart: a story must back its nearest item with its centroid, and
/// terms concentrated in one story weigh more than terms spread over many.
@Suite struct StoryGuardTests {
    /// Headlines written for this test: a bridge collapse reported by several outlets, one column that names it
    /// and an unrelated chess final (it joins the bridge story), and then reports of the chess final, whose nearest
    /// item is that column.
    static let bridge = [
        "Portmouth harbour bridge collapses during evening rush hour",
        "Harbour bridge in Portmouth collapses, dozens of cars in the water",
        "Portmouth bridge collapse: divers search harbour for survivors",
        "Divers search Portmouth harbour after bridge collapse",
        "Portmouth harbour bridge collapse leaves city cut in two",
        "Engineers warned of cracks before Portmouth bridge collapse",
        "Portmouth mourns as harbour bridge death toll rises",
        "Ferries replace collapsed Portmouth harbour bridge",
    ]
    static let column = "What the Portmouth bridge collapse and the Velora chess final teach us about luck"
    static let chess = [
        "Velora chess final goes to tiebreaks",
        "Tiebreaks decide the Velora chess final",
        "Velora chess final: champion keeps title after tiebreaks",
    ]

    @Test func aStrayItemDoesNotDrawAnotherStoryIn() {
        var items: [StoryItem] = []
        for (k, title) in Self.bridge.enumerated() {
            items.append(Fixtures.item(Int64(100 + k), title, "", hours: Double(k) * 0.2, feed: Int64(k)))
        }
        items.append(Fixtures.item(200, Self.column, "", hours: 1.7, feed: 9))
        for (k, title) in Self.chess.enumerated() {
            items.append(Fixtures.item(Int64(300 + k), title, "", hours: 2 + Double(k) * 0.2, feed: Int64(10 + k)))
        }
        let clusterer = StoryClusterer()
        var storyOf: [Int64: Int64] = [:]
        for item in items {
            let a = clusterer.assign(item)
            storyOf[a.itemID] = a.storyID
            for absorbed in a.mergedStoryIDs { for (k, v) in storyOf where v == absorbed { storyOf[k] = a.storyID } }
        }
        let bridgeStory = storyOf[100]!
        #expect((101...107).allSatisfy { storyOf[Int64($0)] == bridgeStory }, "the bridge reports are one story")
        for id in 300...302 {
            #expect(storyOf[Int64(id)] != bridgeStory,
                    "\(clusterer.explain(items.first { $0.id == Int64(id) }!, items.first { $0.id == 200 }!))")
        }
        #expect(storyOf[301] == storyOf[300] || storyOf[302] == storyOf[300] || storyOf[302] == storyOf[301],
                "the chess reports meet each other")
    }

    /// Items still alone after their batch join at `aloneRelief` x their bar; `explain` must show that path.
    @Test(.enabled(if: Fixtures.sharedAvailable, "needs ../shared"))
    func explainShowsAnItemThatJoinedAlone() async throws {
        let pairs = try Fixtures.devSet("stories-dev.jsonl").storyItems()
        let clusterer = StoryClusterer()
        let byID = Dictionary(uniqueKeysWithValues: pairs.map { ($0.item.id, $0.item) })
        var joinedAlone = 0
        for a in clusterer.assign(batch: pairs.map(\.item)) where a.tier == .similar {
            guard let matched = a.matchedItemID.flatMap({ byID[$0] }) else { continue }
            await Task.yield()  // seconds of explanations: other suites' async tests get the pool's threads
            let explanation = clusterer.explain(byID[a.itemID]!, matched)
            guard explanation.storyEvidence.contains(where: \.joinedAlone) else { continue }
            joinedAlone += 1
            #expect(explanation.decision == .similar, "\(explanation)")
            #expect(explanation.description.contains("alone after its batch") || explanation.similarity
                    >= explanation.similarityThreshold || explanation.storyEvidence.contains(where: \.meets),
                    "\(explanation)")
        }
        #expect(joinedAlone > 0, "stories-dev has items that joined alone")
    }

    @Test func concentrationIsItemsPerStoryHoldingTheTerm() {
        var c = TermConcentration()
        // Term 1: in four items of one story (a story's own name). Term 2: in two items of two stories (topic).
        c.addItem([1, 2]); c.addItem([1, 2]); c.addItem([1]); c.addItem([1])
        c.storyGained(1); c.storyGained(2); c.storyGained(2)
        #expect(c.factor(1) == powf(4, TermConcentration.exponent))
        #expect(c.factor(2) == 1)
        #expect(c.factor(3) == 1, "an unknown term is not emphasized")
        c.storyGained(1)  // a second story takes the name up
        #expect(c.factor(1) == powf(2, TermConcentration.exponent))
    }

    @Test func storiesAreComparedOnTheNamesTheirItemsRepeatNotOnASharedTopicWord() {
        // Term 1, a festival's name: one item in each of six stories. Terms 2 and 3: the names of two stories,
        // four items each. Term 4: one story's name that a second story's items repeat too (the same event).
        var c = TermConcentration()
        for _ in 0..<6 { c.addItem([1]); c.storyGained(1) }
        for term: UInt64 in [2, 3] { for _ in 0..<4 { c.addItem([term]) }; c.storyGained(term) }
        for _ in 0..<8 { c.addItem([4]) }
        c.storyGained(4); c.storyGained(4)
        func centroid(_ weights: [UInt64: Float]) -> TermMap<Float> {
            var map = TermMap<Float>()
            for (term, weight) in weights { map[term] = weight }
            return map
        }
        func plain(_ a: [UInt64: Float], _ b: [UInt64: Float]) -> Double {
            let dot = a.reduce(0.0) { $0 + Double($1.value * (b[$1.key] ?? 0)) }
            let norm = { (m: [UInt64: Float]) in m.values.reduce(0.0) { $0 + Double($1 * $1) }.squareRoot() }
            return dot / (norm(a) * norm(b))
        }
        // Two stories that share only the festival: less alike than their plain centroids say.
        let talk: [UInt64: Float] = [1: 0.6, 2: 0.8], film: [UInt64: Float] = [1: 0.6, 3: 0.8]
        #expect(c.cosine(centroid(talk), centroid(film)) < plain(talk, film) - 0.05)
        // Two stories that share the event's name: at least as alike.
        let first: [UInt64: Float] = [4: 0.8, 1: 0.6], second: [UInt64: Float] = [4: 0.8, 3: 0.6]
        #expect(c.cosine(centroid(first), centroid(second)) > plain(first, second))
        #expect(abs(c.cosine(centroid(talk), centroid(talk)) - 1) < 1e-6)
        #expect(c.cosine(centroid(talk), TermMap<Float>()) == 0)
    }

    @Test func aCentroidDropsTheTermsOfAnItemThatLeaves() {
        var c = TermConcentration()
        var centroid = TermMap<Float>()
        var norm = 0.0
        centroid.add([1, 2], [0.6, 0.8], sign: 1, normSquared: &norm, concentration: &c)
        centroid.add([2, 3], [0.28, 0.96], sign: 1, normSquared: &norm, concentration: &c)
        c.addItem([1, 2]); c.addItem([2, 3]); c.addItem([2])
        #expect(centroid.count == 3)
        #expect(c.factor(2) == powf(3, TermConcentration.exponent), "term 2: three items, one story")
        centroid.add([1, 2], [0.6, 0.8], sign: -1, normSquared: &norm, concentration: &c)
        #expect(centroid.count == 2, "term 1 left with its only item")
        #expect(centroid[1] == nil)
        #expect(abs(norm - Double(0.28 * 0.28 + 0.96 * 0.96)) < 1e-6)
        c.storyGained(2)  // a second story: term 2 now spread over two
        #expect(c.factor(2) == powf(1.5, TermConcentration.exponent))
    }
}
