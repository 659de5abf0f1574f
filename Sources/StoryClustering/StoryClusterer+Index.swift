import Foundation
import HeapModule

/// The window index: profiles, postings, centroids, expiry and re-weighing.
extension StoryClusterer {
    func makeProfile(_ item: StoryItem) -> ItemProfile {
        ItemProfile(title: item.title, text: item.text, slug: item.canonicalURL.map(URLSlug.words) ?? "",
                    feed: item.feedID, year: PublicationYear(secondsSince1970: item.published.timeIntervalSince1970),
                    fingerprintMinWords: settings.nearCopyMinWords, tokenizer: &tokenizer)
    }

    /// An item as the query that finds its story: the window's concentrated terms emphasized
    /// (`TermConcentration`), its own feed's boilerplate discounted (`FeedVocabulary`), and what counts less
    /// against the feed's other posts (`ItemProfile.ownFeedDiscounts`): its title lead when the feed repeats it,
    /// and the feed's habitual words.
    func query(_ profile: ItemProfile, exponent: Float = TermConcentration.exponent,
               withoutOwnStory: Bool = false) -> ItemProfile {
        sink ^= concentration.touch(profile.terms)
        let habits = profile.feed.map { statistics.feeds.habits(profile.terms, feed: $0) } ?? .init()
        var query = concentration.emphasize(profile, exponent: exponent, withoutOwnStory: withoutOwnStory,
                                            discounts: habits.boilerplate)
        let lead = statistics.feeds.repeatsLead(profile) ? profile.leadPositions : []
        var own = lead.map { (position: $0, keep: Float(0)) }
        for (i, keep) in habits.ownFeed {
            let position = UInt16(truncatingIfNeeded: i)
            if !lead.contains(position) { own.append((position, keep)) }
        }
        if !lead.isEmpty { own.sort { $0.position < $1.position } }
        query.ownFeedDiscounts = own
        return query
    }

    func insert(id: Int64, storyID: Int64, time: Double, profile: ItemProfile, identity: ItemIdentity) {
        let seq = nextSeq
        nextSeq += 1
        items[seq] = IndexedItem(id: id, storyID: storyID, time: time, profile: profile, identity: identity)
        concentration.addItem(profile.terms)
        file(seq, profile)
        if let url = identity.urlKey { urlIndex[url] = seq }
        if let guid = identity.guidKey { guidIndex[guid] = seq }
        addToCentroid(profile, storyID: storyID, seq: seq, sign: 1, time: time)
        expiry.insert(Expiry(time: time, seq: seq))
    }

    /// Touches the postings lists of `terms` (their entries and newest postings), as `TermMap.touch` does.
    func touchPostings(_ terms: some Sequence<(term: UInt64, weight: Float)>) -> UInt64 {
        var sum: UInt64 = 0
        for (term, _) in terms {
            postings.read(term) { list in sum ^= UInt64(truncatingIfNeeded: list.last?.position ?? 0) }
        }
        return sum
    }

    func file(_ seq: Int, _ profile: ItemProfile) {
        precondition(seq - postingsBase < Int(Int32.max), "window too large for 32-bit posting positions")
        let position = Int32(truncatingIfNeeded: seq - postingsBase)
        sink ^= touchPostings(profile.topWeighted)
        for (term, weight) in profile.topWeighted {
            postings.update(term, initial: []) { $0.append(Posting(position: position, weight: weight)) }
        }
        liveEntries += profile.topWeighted.count
        if let fp = profile.fingerprint {
            for band in 0..<SimHash.bandCount { bandIndex[Int(SimHash.band(fp, band))].append(seq) }
            liveEntries += 4
        }
    }

    func addToCentroid(_ profile: ItemProfile, storyID: Int64, seq: Int, sign: Float,
                               time: Double = .infinity) {
        let story: StoryState
        if let existing = stories[storyID] {
            story = existing
            if story.deferred && sign < 0 && story.members == 1 {
                // Its one item leaves: the story goes, and each of its terms has one holder fewer.
                for term in profile.terms { concentration.storyLost(term) }
                stories[storyID] = nil
                return
            }
            sum(story)
        } else {
            story = StoryState()
            stories[storyID] = story
            // A story of one item: its terms have one holder more, and their sum waits (`deferred`).
            story.deferred = sign > 0
        }
        story.founded = min(story.founded, time)
        if time.isFinite { story.latest = max(story.latest, time) }
        if sign > 0 { story.seqs.append(seq) } else { story.seqs.removeAll { $0 == seq } }
        if story.deferred {
            for term in profile.terms { concentration.storyGained(term) }
        } else {
            sink ^= story.centroid.touch(profile.terms)
            story.centroid.add(profile.terms, profile.weights, sign: sign, normSquared: &story.normSquared,
                               concentration: &concentration)
        }
        story.members += sign > 0 ? 1 : -1
        if story.members <= 0 {
            concentration.forgetStory(story.centroid)
            stories[storyID] = nil
        }
    }

    /// Sums a story whose centroid waits (`StoryState.deferred` or `stale`) from its items in window order, as
    /// adding them to an empty centroid did: the same values and norm. Its terms' holders were counted already
    /// (when its items joined).
    func sum(_ story: StoryState) {
        guard story.deferred || story.stale else { return }
        story.deferred = false
        story.stale = false
        story.centroid = TermMap(expectedCount: story.centroid.count)
        story.normSquared = 0
        for seq in story.seqs {
            sink ^= items.read(seq) { story.centroid.touch($0.profile.terms) } ?? 0
            items.read(seq) { item in
                story.centroid.add(item.profile.terms, item.profile.weights, sign: 1, normSquared: &story.normSquared,
                                   concentration: &concentration, countingHolders: false)
            }
        }
    }

    /// Moves the clock forward and drops items that fell out of the window (by time, not by count).
    func advance(to time: Double) {
        guard time > watermark else { return }
        watermark = time
        let horizon = watermark - settings.windowSeconds
        while let oldest = expiry.min, oldest.time < horizon {
            expiry.removeMin()
            guard let current = items[oldest.seq] else { continue }
            if let story = stories[current.storyID], story.latest >= horizon {
                // Its story is still being reported: keep the item until the story goes quiet.
                expiry.insert(Expiry(time: story.latest, seq: oldest.seq))
                continue
            }
            // Out of its story first: a stale story re-sums its centroid from its items, this one still among them.
            addToCentroid(current.profile, storyID: current.storyID, seq: oldest.seq, sign: -1)
            let item = items.remove(oldest.seq)!
            concentration.removeItem(item.profile.terms)
            if let url = item.identity.urlKey, urlIndex[url] == oldest.seq { urlIndex[url] = nil }
            if let guid = item.identity.guidKey, guidIndex[guid] == oldest.seq { guidIndex[guid] = nil }
            let entries = item.profile.topWeighted.count + (item.profile.fingerprint == nil ? 0 : 4)
            deadEntries += entries
            liveEntries -= entries
        }
        if deadEntries > liveEntries + 4096 { rebuildPostings() }
    }

    /// Drops evicted items from the postings, in item order so the index stays deterministic. The lists are
    /// emptied, not freed, and refilled in place (no reallocation as they regrow); terms left without postings
    /// are dropped afterwards when they make up most of the map.
    /// `prepare` runs for each window item just before it is filed again (re-weighing).
    func rebuildPostings(prepare: (Int) -> Void = { _ in }) {
        postings.modifyEach { $0.removeAll(keepingCapacity: true) }
        for i in bandIndex.indices where !bandIndex[i].isEmpty { bandIndex[i].removeAll(keepingCapacity: true) }
        liveEntries = 0
        deadEntries = 0
        items.compact()
        postingsBase = items.firstSequenceNumber
        for seq in items.sequenceNumbers {
            prepare(seq)
            items.read(seq) { file(seq, $0.profile) }
        }
        var empty = 0
        postings.forEach { _, list in if list.isEmpty { empty += 1 } }
        if empty * 2 > postings.count { postings = postings.filter { !$0.isEmpty } }
    }

    /// Re-weights the window with a fresh weighting table once the statistics have doubled: early items
    /// then stop carrying the weights of a tiny sample. Geometric, so the cost stays linear overall.
    /// Stories keep their items, keys and holder counts; their centroids go `stale` and are re-summed when next
    /// read, and each one's item list and latest time are set as re-adding its items in window order would.
    func reweighIfDue() {
        guard refreshWeighting() else { return }
        for story in stories.values {
            story.seqs.sort()
            story.latest = -.infinity
            if !story.deferred { story.stale = true }
        }
        // Each item is re-weighed and re-filed in one pass (one trip through its memory).
        rebuildPostings { seq in
            sink ^= items.read(seq) { statistics.touchWeighting($0.profile.terms) } ?? 0
            items.modify(seq) { $0.profile.weigh(statistics, shortTextWords: settings.shortTextWords) }
            items.read(seq) { item in
                if let story = stories[item.storyID] { story.latest = max(story.latest, item.time) }
            }
        }
    }
}
