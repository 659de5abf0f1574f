import Foundation

/// Two open stories found to be one event.
extension StoryClusterer {
    /// Folds into one the stories an item matched when they are themselves alike (centroids at least as similar
    /// as the threshold): two outlets' first reports of one event may not match each other, and a third item that
    /// bridges them shows they are one story. The older story keeps its id.
    func merge(_ matching: [Int64], into best: Int64) -> (survivor: Int64, absorbed: [Int64]) {
        guard matching.count > 1, let bestStory = stories[best] else { return (best, []) }
        sum(bestStory)
        var group = [best]
        for other in matching where other != best {
            guard let story = stories[other] else { continue }
            sum(story)
            let (small, large) = story.centroid.count < bestStory.centroid.count
                ? (story.centroid, bestStory.centroid) : (bestStory.centroid, story.centroid)
            // Fixed-point sum: exact and independent of the dictionary's (per-process) iteration order.
            var fixed: Int64 = 0
            small.forEach { key, a in if let b = large[key] { fixed &+= Int64((Double(a * b) * 0x1p32).rounded()) } }
            let cosine = Double(fixed) / 0x1p32 / (bestStory.normSquared * story.normSquared).squareRoot()
            if cosine >= settings.similarityThreshold { group.append(other) }
        }
        guard group.count > 1 else { return (best, []) }
        let survivor = group.min { (stories[$0]!.founded, $0) < (stories[$1]!.founded, $1) }!
        var absorbed: [Int64] = []
        for storyID in group.sorted() where storyID != survivor {
            let story = stories.removeValue(forKey: storyID)!
            concentration.forgetStory(story.centroid)
            for seq in story.seqs {
                items.modify(seq) { $0.storyID = survivor }
                let moved = items[seq]!
                addToCentroid(moved.profile, storyID: survivor, seq: seq, sign: 1, time: moved.time)
            }
            absorbed.append(storyID)
        }
        return (survivor, absorbed)
    }
}
