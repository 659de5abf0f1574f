import Foundation

/// Two open stories found to be one event.
extension StoryClusterer {
    /// Folds into one the stories an item matched when they are themselves alike (centroids at least as similar
    /// as the threshold): two outlets' first reports of one event may not match each other, and a third item that
    /// bridges them shows they are one story. The older story keeps its id.
    /// The centroids are compared as a query meets the window (`TermConcentration`): a term many items of few
    /// stories repeat (the event's names) counts for more than one spread over many stories (the festival both
    /// were reported at), so two stories merge on what names their event rather than on their topic. Measured
    /// against plain centroids: headlines-dev (8 shuffles) precision 0.863 -> 0.869, recall 0.838 -> 0.839, mean
    /// F1 0.8502 -> 0.8539; 16 more shuffles 0.8541 -> 0.8561, in batches of 50 0.8477 -> 0.8500, of 200
    /// 0.8556 -> 0.8578; stories-dev unchanged (in one batch and in batches of 50).
    func merge(_ matching: [Int64], into best: Int64) -> (survivor: Int64, absorbed: [Int64]) {
        guard matching.count > 1, let bestStory = stories[best] else { return (best, []) }
        sum(bestStory)
        var group = [best]
        for other in matching where other != best {
            guard let story = stories[other] else { continue }
            sum(story)
            if concentration.cosine(bestStory.centroid, story.centroid) >= settings.similarityThreshold {
                group.append(other)
            }
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
