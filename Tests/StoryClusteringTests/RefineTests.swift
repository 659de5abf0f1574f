import FeedPipeline
import Foundation
import Testing
@testable import StoryClustering

/// A batch's refinement looks again, after its first look, only at the items near a story that changed.
@Suite struct RefineTests {
    /// Each item's story after assigning the whole dev set as one batch with `configure`d refinement.
    func stories(_ name: String, shuffle seed: UInt64?, _ configure: (StoryClusterer) -> Void) throws
        -> [Int64: Int64] {
        let clusterer = StoryClusterer()
        configure(clusterer)
        let items = try Fixtures.devSet(name).storyItems(shuffleSeed: seed).map(\.item)
        var storyOf: [Int64: Int64] = [:]
        for assignment in clusterer.assign(batch: items) { storyOf[assignment.itemID] = assignment.storyID }
        return storyOf
    }

    @Test(.enabled(if: Fixtures.sharedAvailable, "needs ../shared"))
    func lookingAgainNearChangesDecidesAsLookingAgainAtEveryItem() throws {
        for (name, seed) in [("stories-dev.jsonl", nil), ("headlines-dev.jsonl", UInt64(3))] as [(String, UInt64?)] {
            let near = try stories(name, shuffle: seed) { _ in }
            let every = try stories(name, shuffle: seed) { $0.refinesEveryItemAgain = true }
            let once = try stories(name, shuffle: seed) { $0.refinePasses = 1 }
            let differ = { (a: [Int64: Int64], b: [Int64: Int64]) in a.keys.filter { a[$0] != b[$0] }.count }
            #expect(differ(near, every) == 0, "\(name): items placed otherwise than by a look at every item")
            // The second look matters there: items a later move made fit another story.
            #expect(differ(near, once) > 0, "\(name): the second look moved nothing")
        }
    }
}
