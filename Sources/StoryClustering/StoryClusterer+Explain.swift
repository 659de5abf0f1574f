import Foundation

/// What `feedd explain` reads of the engine's state.
extension StoryClusterer {
    /// How `item` fares against the window's story that holds `otherID`, as `decide` judges it: its nearest item
    /// in that story and the story's centroid, both without `item` itself (it had not joined when it was
    /// assigned), with the same weighting table and the window's term concentration. Nil when `otherID` is not
    /// in the window.
    func storyEvidence(_ item: StoryItem, _ profile: ItemProfile, storyOf otherID: Int64)
        -> PairExplanation.StoryEvidence? {
        let profile = query(profile)
        let window = items.sequenceNumbers
        guard let otherSeq = window.first(where: { items[$0]!.id == otherID }) else { return nil }
        let storyID = items[otherSeq]!.storyID
        guard let story = stories[storyID] else { return nil }
        sum(story)
        let selfSeq = story.seqs.first { items[$0]?.id == item.id }
        var nearest: (similarity: Float, itemID: Int64)? = nil
        for seq in story.seqs where seq != selfSeq {
            guard let member = items[seq], !Self.titleOnlyPostsOfOneFeed(profile, member.profile) else { continue }
            let s = profile.dot(member.profile) - profile.ownFeedShare(with: member.profile)
            if nearest == nil || (s, -member.id) > (nearest!.similarity, -nearest!.itemID) { nearest = (s, member.id) }
        }
        guard let nearest else { return nil }
        // The centroid without the item: subtract its own (stored) weights when it is a member.
        let own = selfSeq.flatMap { items[$0]?.profile }
        var dot: Double = 0, normSquared = story.normSquared
        for i in profile.terms.indices {
            guard var c = story.centroid[profile.terms[i]] else { continue }
            if let own, let j = own.index(of: profile.terms[i]) {
                let x = own.weights[j]
                normSquared += Double((c - x) * (c - x) - c * c)
                c -= x
            }
            dot += Double(profile.weights[i] * c)
        }
        if let own {  // the item's terms the new item lacks also leave the norm
            for j in own.terms.indices where profile.index(of: own.terms[j]) == nil {
                guard let c = story.centroid[own.terms[j]] else { continue }
                let x = own.weights[j]
                normSquared += Double((c - x) * (c - x) - c * c)
            }
        }
        let members = story.members - (selfSeq == nil ? 0 : 1)
        let centroid: Double? = members > 1 && normSquared > 1e-9 ? dot / normSquared.squareRoot() : nil
        let n = Double(nearest.similarity)
        let (score, backed) = combine(nearest: n, centroid: centroid, members: members, profile)
        // The story's span without the item (it had not joined when it was placed).
        let times = story.seqs.filter { $0 != selfSeq }.compactMap { items.meta($0)?.time }
        let time = item.published.timeIntervalSince1970
        let silence = Self.silence(from: time, founded: times.min() ?? time, latest: times.max() ?? time)
        let penalty = silencePenalty(profile, gap: silence)
        return .init(itemID: item.id, storyID: storyID, members: members, nearestItemID: nearest.itemID,
                     nearestSimilarity: n, centroidSimilarity: centroid,
                     centroidCounts: n >= Self.centroidFloor * settings.similarityThreshold, backed: backed,
                     centroidGuard: Self.centroidGuard * settings.similarityThreshold,
                     silenceHours: silence / 3600, silencePenalty: penalty, score: score - penalty,
                     threshold: threshold(for: profile), loneThreshold: threshold(for: profile) * Self.aloneRelief,
                     member: selfSeq != nil, inReach: reachable(story.latest, storyID: storyID, from: time))
    }

    /// Both items' profiles with the current statistics (used by `explain`).
    func profiles(_ a: StoryItem, _ b: StoryItem) -> (ItemProfile, ItemProfile) {
        var pa = makeProfile(a), pb = makeProfile(b)
        pa.weigh(statistics, shortTextWords: settings.shortTextWords)
        pb.weigh(statistics, shortTextWords: settings.shortTextWords)
        return (pa, pb)
    }
}
