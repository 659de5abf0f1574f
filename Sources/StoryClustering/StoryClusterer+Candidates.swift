import Foundation

/// Candidate stories for an item: partial scores through the inverted index, then full comparisons.
extension StoryClusterer {
    struct StoryScore {
        var storyID: Int64
        /// The story's score (nearest item, lifted by the centroid) and its nearest item's similarity, both less
        /// the story's silence penalty for a short item (`silencePenalty`).
        var score: Double
        var nearest: Double
        var itemID: Int64
        /// Whether the story as a whole backs its nearest item (see `combine`): only then may the item merge it.
        var vouched: Bool
    }

    /// Whether two items are posts of one feed with nothing to compare but one title: one of them holds a single
    /// term, or both hold the same terms (the same title, no text). A feed's generic title over a picture or a
    /// recording ("Photo", "Video", "le Show" every week) is no evidence that two of its posts report one event,
    /// yet they match at similarity 1, and every later post would join the first one's story, where the digest
    /// folds it away as a re-post of the first (the same outlet, the same words). The same post twice is
    /// still one (identity, near-copy); at worst a re-post is shown twice, which hides nothing. Single-word
    /// reports from other outlets (a name: "Snowden") still count. Measured: headlines-dev (8 shuffles) mean F1
    /// 0.8420 -> 0.8421, stories-dev and the benchmark's decisions unchanged; the 227-feed corpus through
    /// `feedd --once`: 12 "Photo" comics of one feed, 4 weekly "le Show" episodes and 3 "Featured Advertiser"
    /// posts each become stories of their own (they were 1, 1 and 2).
    static func titleOnlyPostsOfOneFeed(_ a: borrowing ItemProfile, _ b: borrowing ItemProfile) -> Bool {
        a.feed != nil && a.feed == b.feed && (a.terms.count < 2 || b.terms.count < 2 || a.terms == b.terms)
    }

    /// Candidate stories in the window for `profile`, best item per story blended with the story's centroid, in
    /// story-id order. `excluding` leaves out one window item (an item being re-placed, still in the postings).
    func storyScores(_ profile: ItemProfile, _ time: Double, excluding: Int? = nil) -> [StoryScore] {
        // Partial scores over the strongest terms pick the candidates worth a full comparison. They accumulate in
        // a dense scratch column indexed by window position (no hashing, no allocation per item); each item's
        // sum still runs in query-term then posting order, so every partial score is bit-for-bit what it was.
        // The item being re-placed (refinement) is not its own candidate: it counts as failing the window test.
        func inWindow(_ seq: Int) -> Bool {
            guard seq != excluding, let meta = items.meta(seq) else { return false }
            return reachable(meta.time, storyID: meta.storyID, from: time)
        }
        let first = items.firstSequenceNumber
        scratch.begin(span: items.endSequenceNumber - first)
        let queryTerms = profile.topWeighted.prefix(Self.queryTerms)
        // Evicted items below the window (negative positions) would fail the window test below anyway.
        let shift = first - postingsBase
        sink ^= touchPostings(queryTerms)
        for (term, weight) in queryTerms {
            postings.read(term) { list in scratch.add(list, limit: Self.postingsPerTerm, weight: weight, shift: shift) }
        }
        // Top candidates by (score, seq): a strict order on distinct seqs, so the choice does not depend on the
        // order they are visited in, and the window test (a filter) may run only for those that would enter.
        let floor = Self.partialFloor * Float(settings.similarityThreshold)
        func topCandidates(windowTest: Bool) -> [(score: Float, seq: Int)] {
            var candidates: [(score: Float, seq: Int)] = []
            candidates.reserveCapacity(Self.fullComparisons + 1)
            scratch.forEachTouched { i, score in
                if score < floor { return }
                let seq = first + i
                if candidates.count == Self.fullComparisons, let last = candidates.last,
                   (last.score, last.seq) >= (score, seq) {
                    return
                }
                if windowTest && !inWindow(seq) { return }
                let at = candidates.firstIndex { ($0.score, $0.seq) < (score, seq) } ?? candidates.count
                candidates.insert((score, seq), at: at)
                if candidates.count > Self.fullComparisons { candidates.removeLast() }
            }
            return candidates
        }
        // First without the window test (it reads each entrant's metadata, a cache miss in a large window). When
        // every one of those passes it, they are also the top of the items that pass (any other that passes ranks
        // below all of them); otherwise the scan is redone with the test.
        var candidates = topCandidates(windowTest: false)
        if !candidates.allSatisfy({ inWindow($0.seq) }) { candidates = topCandidates(windowTest: true) }
        // Best item per story: at most `fullComparisons` stories, so a small array beats a hashed dictionary.
        var perStory: [(storyID: Int64, similarity: Float, itemID: Int64)] = []
        perStory.reserveCapacity(candidates.count)
        func nearest(_ storyID: Int64, _ s: Float, _ id: Int64) {
            if let k = perStory.firstIndex(where: { $0.storyID == storyID }) {
                let current = perStory[k]
                if (current.similarity, -current.itemID) >= (s, -id) { return }
                perStory[k] = (storyID, s, id)
            } else {
                perStory.append((storyID, s, id))
            }
        }
        if !candidates.isEmpty { query.load(profile) }
        let query = query
        // Touch every candidate's term and weight lists first (a word per cache line): independent loads whose
        // misses overlap, where each comparison would otherwise wait for its item's memory in turn. The slots and
        // list headers go first, in a loop of a few instructions per candidate: each is a chain of two misses
        // (slot, then header), and only a short loop lets the CPU run all the candidates' chains at once.
        var touch: UInt64 = 0
        for (_, seq) in candidates {
            touch &+= UInt64(items.read(seq) { other in other.profile.terms.count &+ other.profile.weights.count } ?? 0)
        }
        for (_, seq) in candidates {
            touch ^= items.read(seq) { other in
                other.profile.terms.withUnsafeBufferPointer { terms in
                    other.profile.weights.withUnsafeBufferPointer { weights in
                        var sum: UInt64 = 0
                        for k in stride(from: 0, to: terms.count, by: 8) { sum ^= terms[k] }
                        for k in stride(from: 0, to: weights.count, by: 16) { sum ^= UInt64(weights[k].bitPattern) }
                        return sum
                    }
                }
            } ?? 0
        }
        sink ^= touch
        let ownFeed = !profile.ownFeedDiscounts.isEmpty
        for (_, seq) in candidates {
            var (s, storyID, id, titleOnly, sameFeed) = items.read(seq) { other in
                (query.dot(other.profile), other.storyID, other.id,
                 Self.titleOnlyPostsOfOneFeed(profile, other.profile), other.profile.feed == profile.feed)
            }!
            if titleOnly { continue }
            // Apart from the comparison above: reading more of the item there makes the compiler copy it (a
            // retain of each of its arrays) for every candidate, though few queries hold own-feed discounts.
            if ownFeed && sameFeed { s -= items.read(seq) { other in profile.ownFeedShare(with: other.profile) }! }
            nearest(storyID, s, id)
        }
        perStory.sort { $0.storyID < $1.storyID }
        let short = isShort(profile)
        return perStory.map { nn in
            let nearest = Double(nn.similarity)
            let (score, vouched) = storyScore(profile, nearest: nearest, storyID: nn.storyID)
            // A story silent for days asks more of a short item: both its score and its nearest item's (the
            // merge test) lose the penalty, so placing, refining and merging judge alike.
            var penalty = 0.0
            if short, let story = stories[nn.storyID] {
                penalty = silencePenalty(profile, gap: Self.silence(from: time, founded: story.founded,
                                                                    latest: story.latest))
            }
            return StoryScore(storyID: nn.storyID, score: score - penalty, nearest: nearest - penalty,
                              itemID: nn.itemID, vouched: vouched)
        }
    }
}
