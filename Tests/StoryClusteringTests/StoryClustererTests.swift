import FeedPipeline
import Foundation
import Testing
@testable import StoryClustering

@Suite struct StoryClustererTests {
    @Test(.enabled(if: Fixtures.sharedAvailable, "needs ../shared"))
    func seedPairReportingOneEventInDifferentWordsMerges() throws {
        let clusterer = StoryClusterer()
        // Statistics as a running daemon would have them: learned from other news first.
        for (_, item) in try Fixtures.devSet("stories-dev.jsonl").storyItems() { clusterer.learn(item) }
        let seeds = try Fixtures.seeds()
        #expect(seeds.count == 2)
        let explanation = clusterer.explain(seeds[0], seeds[1])
        #expect(explanation.fingerprintDistance.map { $0 > clusterer.settings.nearCopyMaxDistance } ?? true,
                "not a near-copy: the words differ")
        let first = clusterer.assign(seeds[0])
        let second = clusterer.assign(seeds[1])
        #expect(first.tier == .new)
        #expect(second.storyID == seeds[0].id, "\(explanation)")
        #expect(second.tier == .similar)
        #expect(explanation.decision == .similar)
    }

    @Test func twoEventsOnOneTopicStayApartWhileTheSameEventMerges() {
        let clusterer = StoryClusterer()
        let result = clusterer.assign(batch: [Fixtures.kharkivStrike, Fixtures.ukraineBudget,
                                              Fixtures.kharkivStrikeOtherOutlet])
        let story = Dictionary(uniqueKeysWithValues: result.map { ($0.itemID, $0.storyID) })
        #expect(story[2] == 1, "\(clusterer.explain(Fixtures.kharkivStrike, Fixtures.kharkivStrikeOtherOutlet))")
        #expect(story[3] == 3, "\(clusterer.explain(Fixtures.kharkivStrike, Fixtures.ukraineBudget))")
        // The evidence names the shared words as they are written (lowercased, lightly stemmed), not as hashes.
        let together = clusterer.explain(Fixtures.kharkivStrike, Fixtures.kharkivStrikeOtherOutlet)
        let named = Set(together.sharedTerms.map(\.term))
        #expect(named.contains("kharkiv") && named.contains("200,000") == false && named.contains("200000"),
                "\(together.sharedTerms)")
        let apart = clusterer.explain(Fixtures.kharkivStrikeOtherOutlet, Fixtures.ukraineBudget)
        #expect(apart.decision == .new)
        #expect(apart.similarity < apart.similarityThreshold)
    }

    @Test func explanationNamesTwoWordNamesAndLinkWords() {
        let clusterer = StoryClusterer()
        let a = Fixtures.item(50, "Governor Mark Carney warns on housing",
                              "The central bank's governor spoke to lawmakers about prices.",
                              url: "example.com/economy/carney-mortgage-warning")
        let b = Fixtures.item(51, "Lawmakers question Mark Carney over rates",
                              "A committee heard the governor on interest rates.", hours: 2,
                              url: "example.org/business/mortgage-rates-hearing")
        let terms = clusterer.explain(a, b, topTerms: 50).sharedTerms.map(\.term)
        #expect(terms.contains("mark carney"), "the capitalised pair is a name of its own: \(terms)")
        #expect(terms.contains("mortgage"), "a word only the links share: \(terms)")
        // A term the explanation could not name would print as its hash in hexadecimal.
        #expect(!terms.contains { $0.count >= 12 && $0.allSatisfy(\.isHexDigit) }, "\(terms)")
    }

    @Test func wireCopyWithAChangedHeadlineMergesAsANearCopy() {
        let clusterer = StoryClusterer()
        let original = clusterer.assign(Fixtures.wire)
        let copy = clusterer.assign(Fixtures.wireCopy)
        let edited = clusterer.assign(Fixtures.wireCopyEdited)
        #expect(original.tier == .new)
        #expect(copy.storyID == Fixtures.wire.id)
        #expect(copy.tier == .nearCopy)
        #expect(copy.score == 1)
        #expect(edited.storyID == Fixtures.wire.id)
        #expect(edited.tier == .nearCopy || edited.tier == .similar)
    }

    @Test func sameLinkOrGuidIsTheSameItem() {
        let clusterer = StoryClusterer()
        let a = Fixtures.item(40, "Council votes on tram line", "The city council voted on the tram extension.",
                              url: "example.com/tram-vote", guid: "tag:example.com,2025:1")
        let b = Fixtures.item(41, "Something else entirely", "Unrelated words here.", hours: 1,
                              url: "example.com/tram-vote")
        let c = Fixtures.item(42, "Yet another headline", "Different text again.", hours: 1,
                              guid: "tag:example.com,2025:1")
        _ = clusterer.assign(a)
        #expect(clusterer.assign(b) == StoryAssignment(itemID: 41, storyID: 40, tier: .identity, score: 1, matchedItemID: 40))
        #expect(clusterer.assign(c).tier == .identity)
    }

    @Test func storyUpdatedLaterByANewOutletKeepsItsID() {
        let clusterer = StoryClusterer()
        let assignments = Fixtures.lateStory.map { clusterer.assign($0) }
        #expect(assignments.map(\.storyID) == [30, 30, 30])
        #expect(assignments[2].tier == .similar)
    }

    @Test func itemsOutsideTheWindowStartANewStory() {
        var settings = ClusteringSettings()
        settings.windowHours = 12
        let clusterer = StoryClusterer(settings: settings)
        _ = clusterer.assign(Fixtures.lateStory[0])
        var late = Fixtures.lateStory[1]
        late.published = Fixtures.start.addingTimeInterval(40 * 3600)
        #expect(clusterer.assign(late).tier == .new)
        #expect(clusterer.indexedItemCount == 1, "the first item was evicted by time")
    }

    @Test func batchResultDoesNotDependOnInputOrder() throws {
        var items = [Fixtures.kharkivStrike, Fixtures.kharkivStrikeOtherOutlet, Fixtures.ukraineBudget,
                     Fixtures.wire, Fixtures.wireCopy, Fixtures.wireCopyEdited] + Fixtures.lateStory
        if Fixtures.sharedAvailable {
            items += try Fixtures.devSet("headlines-dev.jsonl").storyItems().prefix(300).map(\.item)
        }
        let reference = StoryClusterer().assign(batch: items)
        var generator = SplitMix(seed: 42)
        for _ in 0..<3 {
            items.shuffle(using: &generator)
            #expect(StoryClusterer().assign(batch: items) == reference)
        }
    }

    @Test(.enabled(if: Fixtures.sharedAvailable, "needs ../shared"))
    func restoreAfterRestartMatchesAnUninterruptedRun() throws {
        let all = try Fixtures.devSet("stories-dev.jsonl").storyItems().map(\.item)
            .sorted { ($0.published, $0.id) < ($1.published, $1.id) }
        let cut = all.count * 6 / 10
        let before = Array(all[..<cut])
        let after = stride(from: cut, to: all.count, by: 100).map { Array(all[$0..<min($0 + 100, all.count)]) }

        let uninterrupted = StoryClusterer()
        var storyOf: [Int64: Int64] = [:]
        for a in uninterrupted.assign(batch: before) { storyOf[a.itemID] = a.storyID; relabel(&storyOf, a) }
        let atCut = uninterrupted.statistics
        let snapshot = try JSONEncoder().encode(atCut)
        let expected = after.map { uninterrupted.assign(batch: $0) }

        let decoded = try JSONDecoder().decode(TermStatistics.self, from: snapshot)
        #expect(decoded == atCut)
        let restarted = StoryClusterer(statistics: decoded)
        for item in before { restarted.restore(item, storyID: storyOf[item.id]!) }
        let actual = after.map { restarted.assign(batch: $0) }
        #expect(actual.flatMap { $0 }.map(\.storyID) == expected.flatMap { $0 }.map(\.storyID))
        #expect(actual.flatMap { $0 }.map(\.tier) == expected.flatMap { $0 }.map(\.tier))
        #expect(expected.flatMap { $0 }.contains { $0.tier == .similar }, "the second half joins earlier stories")
    }

    @Test func statisticsSnapshotRoundTrips() throws {
        let clusterer = StoryClusterer()
        _ = clusterer.assign(batch: Fixtures.lateStory + [Fixtures.wire])
        let data = try JSONEncoder().encode(clusterer.statistics)
        let decoded = try JSONDecoder().decode(TermStatistics.self, from: data)
        #expect(decoded == clusterer.statistics)
        #expect(decoded.documentCount == 4)
        #expect(decoded.termCount > 20)
    }

    @Test func settingsDecodeWithDefaultsForMissingKeys() throws {
        let settings = try JSONDecoder().decode(ClusteringSettings.self, from: Data(#"{"similarityThreshold": 0.4}"#.utf8))
        #expect(settings.similarityThreshold == 0.4)
        #expect(settings.windowHours == ClusteringSettings().windowHours)
    }

    /// Applies a merge the way the store would: items of absorbed stories move to the surviving story.
    private func relabel(_ storyOf: inout [Int64: Int64], _ a: StoryAssignment) {
        guard !a.mergedStoryIDs.isEmpty else { return }
        let absorbed = Set(a.mergedStoryIDs)
        for (item, story) in storyOf where absorbed.contains(story) { storyOf[item] = a.storyID }
    }
}

/// A seeded generator so shuffles are reproducible.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
