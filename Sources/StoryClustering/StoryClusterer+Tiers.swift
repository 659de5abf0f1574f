import Foundation

/// The three tiers an item is judged by, cheapest first: identity, near-copy, same event.
extension StoryClusterer {
    /// `profile`: the item's own profile; `query`: the item as the same-event tier's query (`query(_:)`), made
    /// only when the cheaper tiers find nothing.
    func decide(_ item: StoryItem, _ identity: ItemIdentity, _ profile: ItemProfile, _ time: Double,
                query: () -> ItemProfile) -> StoryAssignment {
        func inWindow(time other: Double, storyID: Int64) -> Bool { reachable(other, storyID: storyID, from: time) }
        func inWindow(_ other: IndexedItem) -> Bool { inWindow(time: other.time, storyID: other.storyID) }

        // 1. Identity.
        for seq in [identity.guidKey.flatMap { guidIndex[$0] }, identity.urlKey.flatMap { urlIndex[$0] }] {
            if let seq, let other = items[seq], inWindow(other), identity.matches(other.identity) != (false, false) {
                return StoryAssignment(itemID: item.id, storyID: other.storyID, tier: .identity, score: 1,
                                       matchedItemID: other.id)
            }
        }

        // 2. Near copy.
        if let fp = profile.fingerprint {
            var best: (distance: Int, id: Int64, storyID: Int64)? = nil
            for band in 0..<SimHash.bandCount {
                for seq in bandIndex[Int(SimHash.band(fp, band))] {
                    // Read in place: the fields, not a copy of the item.
                    guard let (ofp, id, storyID, otherTime) = items.read(seq, { other in
                        (other.profile.fingerprint, other.id, other.storyID, other.time) }),
                          let ofp, inWindow(time: otherTime, storyID: storyID) else { continue }
                    let d = SimHash.distance(fp, ofp)
                    guard d <= settings.nearCopyMaxDistance else { continue }
                    if best == nil || (d, id) < (best!.distance, best!.id) { best = (d, id, storyID) }
                }
            }
            if let best {
                return StoryAssignment(itemID: item.id, storyID: best.storyID, tier: .nearCopy,
                                       score: 1 - Double(best.distance) / 64, matchedItemID: best.id)
            }
        }

        // 3. Same event.
        let profile = query()
        let threshold = threshold(for: profile)
        var best: StoryScore? = nil
        var matching: [Int64] = []
        for candidate in storyScores(profile, time) {
            // Merging needs an item-to-item match in each story: centroids alone drift towards a feed's common
            // vocabulary as stories grow, and would chain unrelated stories together.
            if candidate.vouched && candidate.nearest >= threshold { matching.append(candidate.storyID) }
            if best == nil || candidate.score > best!.score { best = candidate }
        }
        if let best, best.score >= threshold {
            // A short item decides its merges at its second look (`reconsider`), as it is weighed in full there:
            // placed with little emphasis before its batch's stories formed, it folds stories together too early.
            let merged = isShort(profile)
                ? (survivor: best.storyID, absorbed: []) : merge(matching, into: best.storyID)
            return StoryAssignment(itemID: item.id, storyID: merged.survivor, tier: .similar, score: best.score,
                                   matchedItemID: best.itemID, mergedStoryIDs: merged.absorbed)
        }
        return StoryAssignment(itemID: item.id, storyID: item.id, tier: .new, score: 0, matchedItemID: nil)
    }
}
