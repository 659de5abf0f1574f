import FeedPipeline
import Foundation
import Testing
@testable import StoryClustering

/// A batch's refinement looks again, after its first look, only at the items near a story that changed.
@Suite struct RefineTests {
    /// Each record's story (the id of the record that founded it, merges resolved) after assigning the whole dev
    /// set as one batch with `configure`d refinement.
    func stories(_ name: String, shuffle seed: UInt64?, _ configure: (StoryClusterer) -> Void) throws
        -> [String: String] {
        let clusterer = StoryClusterer()
        configure(clusterer)
        let rows = try Fixtures.devSet(name).cluster(with: clusterer, shuffleSeed: seed)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0.cluster) })
    }

    @Test(.enabled(if: Fixtures.sharedAvailable, "needs ../shared"))
    func lookingAgainNearChangesDecidesAsLookingAgainAtEveryItem() throws {
        for (name, seed) in [("stories-dev.jsonl", nil), ("headlines-dev.jsonl", UInt64(3))] as [(String, UInt64?)] {
            let near = try stories(name, shuffle: seed) { _ in }
            let every = try stories(name, shuffle: seed) { $0.refinesEveryItemAgain = true }
            let once = try stories(name, shuffle: seed) { $0.refinePasses = 1 }
            // Records whose story holds other records in one partition than in the other (labels aside).
            func canonical(_ storyOf: [String: String]) -> [String: String] {
                let first = Dictionary(storyOf.map { ($0.value, $0.key) }, uniquingKeysWith: min)
                return storyOf.mapValues { first[$0]! }
            }
            let differ = { (a: [String: String], b: [String: String]) in
                let (ca, cb) = (canonical(a), canonical(b))
                return ca.keys.filter { ca[$0] != cb[$0] }.count
            }
            #expect(differ(near, every) == 0, "\(name): items placed otherwise than by a look at every item")
            // The second look matters there: items a later move made fit another story.
            #expect(differ(near, once) > 0, "\(name): the second look moved nothing")
        }
    }
}
