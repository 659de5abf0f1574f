import Foundation

/// The batch's second look at the items placed before their stories had formed.
extension StoryClusterer {
    /// Second look at a batch once all of it is placed: an item placed early, before its story had formed in
    /// the batch, moves to the story that now fits it better than its own (scored without the item itself).
    /// Only items alone in their story and short items (see `reconsider`) are looked at again. Founders of a
    /// story that others joined, copies (identity, near-copy) and items that merged stories stay, so story ids
    /// and merges hold. Measured with the URL slugs: stories-dev F1 0.895 -> 0.898, headlines-dev (shuffled,
    /// three seeds) +0.01 each.
    ///
    /// A short item also decides here whether the stories it matches are one event (`decide` leaves a short item's
    /// merges to this look): weighed in full, against the batch's formed stories, as its moves are. A merge relabels
    /// `results`, so none names a story it absorbed (the store applies a batch's merges after its assignments, in the
    /// results' order: an earlier merge of a story a later one merges into would strand that story's items). Measured
    /// against merging at placement, headlines-dev (16 shuffles) in batches of 10, 50 and 200: mean F1 0.8376 ->
    /// 0.8395, 0.8444 -> 0.8477, 0.8487 -> 0.8556. It merges more: as one batch (8 shuffles, with `refineSpan`)
    /// precision 0.877 -> 0.863, recall 0.816 -> 0.838; but on a better curve: with a short-text margin of 0.24
    /// precision is back at 0.875 and F1 is 0.8495, against 0.8457. stories-dev unchanged.
    ///
    /// The look repeats, in canonical order, for the items that saw a story change since they looked (one they
    /// were scored against, or their own, gained or lost an item): a move late in a pass can make a story fit
    /// an item looked at earlier, and only those items can decide otherwise. At most `refinePasses` looks.
    /// Measured against one look: headlines-dev (8 shuffles) mean F1 0.8425 -> 0.8436, in batches of 50
    /// 0.8445 -> 0.8462; stories-dev F1 0.9100 -> 0.9109 (recall 0.8823 -> 0.8840, precision unchanged); the
    /// corpus through `feedd --once` unchanged. Looking at every item again gives the same assignments on both dev
    /// sets in one batch (in batches of 50, four items of one shuffle differ) and costs the benchmark 6%, where
    /// this costs it nothing measurable. A third look: headlines-dev +0.0003, in batches of 50 -0.0004.
    func refine(_ results: inout [StoryAssignment], firstSeq: Int) {
        var pending = Array(results.indices)
        for _ in 0 ..< refinePasses where !pending.isEmpty {
            // The stories each item was scored against (its own alone when it was not looked at: a founder may
            // be left alone by the items that joined it), and every story a move or merge changed.
            var seen: [(k: Int, stories: [Int64])] = []
            var changed = Set<Int64>()
            for k in pending {
                if let look = reconsider(&results, k, firstSeq: firstSeq) {
                    seen.append((k, look.stories))
                    changed.formUnion(look.changed)
                } else if let story = items.read(firstSeq + k, { $0.storyID }) {
                    seen.append((k, [story]))
                }
            }
            pending = seen.filter { refinesEveryItemAgain || $0.stories.contains(where: changed.contains) }.map(\.k)
        }
    }

    /// One item's second look (`refine`): nil when it is not looked at; else the stories it was scored against
    /// (its own among them) and those its look changed (the one it left, the one it joined, those it merged).
    private func reconsider(_ results: inout [StoryAssignment], _ k: Int, firstSeq: Int)
        -> (stories: [Int64], changed: [Int64])? {
        let seq = firstSeq + k
        let result = results[k]
        guard result.tier == .new || result.tier == .similar, result.mergedStoryIDs.isEmpty,
              let item = items[seq] else { return nil }
        let current = item.storyID
        if current == item.id, let story = stories[current], story.members > 1 { return nil }
        let alone = current == item.id
        // An item with text that joined a story was placed in full emphasis already (`place`): a second look
        // would ask nearly the same question again. Headlines (placed with little emphasis) and items still
        // alone look again. Measured: stories-dev P 0.9354 -> 0.9364, F1 0.9073 -> 0.9086; headlines-dev
        // unchanged; the benchmark's refinement 2.1 s -> 0.45 s of 7.7 s.
        if !alone && !isShort(item.profile) { return nil }
        // An item alone in its story is scored as if that story were gone, without taking it apart (it has
        // no other item to be a candidate, and the concentration discounts it): most such items stay.
        if !alone { addToCentroid(item.profile, storyID: current, seq: seq, sign: -1) }
        let scored = storyScores(query(item.profile, withoutOwnStory: alone), item.time, excluding: seq)
        let looked = [current] + scored.map(\.storyID)
        let own = scored.first { $0.storyID == current }?.score ?? -1
        let bar = threshold(for: item.profile)
        var best: StoryScore? = nil
        for candidate in scored where candidate.storyID != current {
            if best == nil || candidate.score > best!.score { best = candidate }
        }
        var changed: [Int64] = []
        if let best, best.score >= bar * (alone ? Self.aloneRelief : 1), best.score > own {
            if alone { addToCentroid(item.profile, storyID: current, seq: seq, sign: -1) }
            items.modify(seq) { $0.storyID = best.storyID }
            addToCentroid(item.profile, storyID: best.storyID, seq: seq, sign: 1, time: item.time)
            results[k] = StoryAssignment(itemID: item.id, storyID: best.storyID, tier: .similar,
                                         score: best.score, matchedItemID: best.itemID)
            changed = [current, best.storyID]
        } else if !alone {
            addToCentroid(item.profile, storyID: current, seq: seq, sign: 1, time: item.time)
        } else {
            return (looked, [])
        }
        // Stories the item matches in full (as `decide` asks) are one event if their centroids agree: a short
        // item decides its merges here, where the batch's stories have formed (see `decide`).
        if isShort(item.profile) {
            let matching = scored.filter { $0.vouched && $0.nearest >= bar }.map(\.storyID)
            let (survivor, absorbed) = merge(matching, into: items.read(seq) { $0.storyID }!)
            if !absorbed.isEmpty {
                for j in results.indices where absorbed.contains(results[j].storyID) { results[j].storyID = survivor }
                results[k].mergedStoryIDs = absorbed
                changed += absorbed + [survivor]
            }
        }
        return (looked, changed)
    }

    /// Share of its bar at which an item still alone once its whole batch is placed joins the story that now fits
    /// it best. Its second look sees the batch's stories formed, which placement could not, and an item nobody
    /// joined is weak evidence of a story of its own. Measured: stories-dev P 0.937 -> 0.935, F1 0.900 -> 0.907;
    /// headlines-dev (8 shuffles) mean F1 0.841 -> 0.843, every seed up; 0.8 goes to P 0.932.
    static let aloneRelief = 0.9
}
