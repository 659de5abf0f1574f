import Foundation
import HeapModule

/// Online story clustering: each item is assigned on arrival against an index of the recent window, through three
/// tiers, cheapest first — identity (guid / canonical URL), near-copy (SimHash of the text, found through a band
/// index) and same event in different words (IDF-weighted similarity, candidates from an inverted index over the
/// items' strongest terms). A story's id is its founding item's id; when a new item shows two open stories to be
/// one event (it matches both and their centroids are alike) the younger is folded into the older and the
/// assignment reports it (`mergedStoryIDs`). Items stay in the index for `windowHours` after their story's latest
/// item, so a developing story stays reachable while outlets keep reporting it.
///
/// Not thread-safe: one clusterer belongs to one task (the pipeline's clustering stage).
public final class StoryClusterer {
    public let settings: ClusteringSettings
    /// Document frequencies learned from every item assigned or `learn`ed; persist it and pass it back to `init`.
    public private(set) var statistics: TermStatistics

    struct IndexedItem: SlotItem {
        var id: Int64
        var storyID: Int64
        var time: Double
        var profile: ItemProfile
        var identity: ItemIdentity
    }

    /// A class so that updating a story's centroid in the dictionary never copies it.
    final class StoryState {
        var centroid: TermMap<Float>
        var normSquared: Double = 0
        var members = 0
        /// When its founding item was published: of two merging stories the older keeps its id.
        var founded: Double = .infinity
        /// Its latest item's time: a story stays open while outlets keep reporting it.
        var latest: Double = -.infinity
        /// Window items of the story (index sequence numbers).
        var seqs: [Int] = []
        /// A story of one item leaves `centroid` and `normSquared` unsummed (empty): they would copy that item's
        /// weights, and most stories of real feeds never gain a second item (4,505 stories of 5,092 entries over
        /// the corpus). `StoryClusterer.sum` fills them when they are read or a second item comes.
        var deferred = false
        /// Its centroid's keys are right (its items' terms, their holders counted) but its values and norm come
        /// from the weighting before the last re-weighing: `StoryClusterer.sum` re-sums it from its items when it
        /// is read or changed, so a story no later item comes near is never summed again.
        var stale = false

        init() { centroid = TermMap(expectedCount: 0) }
    }

    struct Expiry: Comparable {
        var time: Double
        var seq: Int
        static func < (a: Expiry, b: Expiry) -> Bool { (a.time, a.seq) < (b.time, b.seq) }
    }

    /// Query terms looked up per item, postings read per term (newest first), and candidates (best partial
    /// scores) compared in full: bounds the work per item whatever the window holds.
    static let queryTerms = 10
    static let postingsPerTerm = 200
    static let fullComparisons = 24
    /// Share of the threshold below which a candidate's partial score (its dot product over the query's strongest
    /// terms) leaves it out of the full comparisons: sharing so little of what names the item, it never reaches
    /// the threshold in full, and comparing it costs a cache miss per line of its terms. Measured: full
    /// comparisons per item 22 -> 6 in the benchmark (clustering 1.2x faster), decisions unchanged there and on
    /// both dev sets; the real-world corpus as one batch loses 17 chains of weak links (a podcast's episodes,
    /// unrelated posts of one blog). At 0.17 stories-dev F1 drops 0.001.
    static let partialFloor: Float = 0.125
    /// Share of the threshold an item's nearest match in a story must reach before the centroid may lift it.
    static let centroidFloor = 0.7

    /// Eight bytes: the item's sequence number less `postingsBase` (the window's first at the last rebuild), so a
    /// list's newest postings take half the memory traffic of an `Int` sequence number beside the weight.
    struct Posting {
        var position: Int32
        var weight: Float
    }

    private var tokenizer = EventTokenizer()
    private(set) var items = ItemSlots<IndexedItem>()
    private var nextSeq = 0
    private var postings = TermMap<[Posting]>()
    /// Sequence number that posting positions count from (set when the postings are rebuilt).
    private var postingsBase = 0
    /// Scratch for `storyScores`, kept between items: partial scores by window position.
    private var scratch = PartialScores()
    private var query = QueryTerms()
    /// Where the cache-warming passes (`touch`) leave their meaningless sums, so the loads are not optimised away.
    private var sink: UInt64 = 0
    /// Items by SimHash band key: every key is below `SimHash.bandKeys`, so an array indexed by key (2 MiB).
    private var bandIndex = [[Int]](repeating: [], count: SimHash.bandKeys)
    private var urlIndex: [String: Int] = [:]
    private var guidIndex: [String: Int] = [:]
    private(set) var stories: [Int64: StoryState] = [:]
    private(set) var concentration = TermConcentration()
    private var expiry = Heap<Expiry>()
    private var watermark = -Double.infinity
    private var deadEntries = 0
    private var liveEntries = 0

    public init(settings: ClusteringSettings = ClusteringSettings(), statistics: TermStatistics = TermStatistics()) {
        self.settings = settings
        self.statistics = statistics
    }

    /// Items currently in the window index.
    public var indexedItemCount: Int { items.count }
    /// Stories with at least one item in the window.
    public var openStoryCount: Int { stories.count }

    /// Assigns `item` to an existing story or founds a new one.
    public func assign(_ item: StoryItem) -> StoryAssignment {
        let profile = makeProfile(item)
        sink ^= statistics.touchFrequencies(profile.terms, feed: profile.feed)
        statistics.add(profile.terms, feed: profile.feed)
        return place(item, profile)
    }

    /// Assigns a batch in a canonical order (time, then id) after counting the whole batch into the statistics,
    /// so the result does not depend on the order of `items`. Results come back in that canonical order.
    public func assign(batch items: [StoryItem]) -> [StoryAssignment] {
        // Positions in canonical order rather than a sorted copy of the items (a copy retains each item's strings).
        let order = items.indices.sorted { (items[$0].published, items[$0].id) < (items[$1].published, items[$1].id) }
        let profiles = order.map { makeProfile(items[$0]) }
        for profile in profiles {
            sink ^= statistics.touchFrequencies(profile.terms, feed: profile.feed)
            statistics.add(profile.terms, feed: profile.feed)
        }
        let firstSeq = nextSeq
        var results = order.indices.map { place(items[order[$0]], profiles[$0]) }
        if results.count > 1 { refine(&results, firstSeq: firstSeq) }
        return results
    }

    /// Puts back an item whose story is already known (rebuilding the index after a restart). Restore, in
    /// (published, id) order, every item of each story whose latest item is within `windowHours` of the newest,
    /// with the `statistics` snapshot saved alongside the assignments passed to `init`: later assignments then
    /// match an uninterrupted run. It does not count the item into `statistics`: the snapshot already holds it.
    public func restore(_ item: StoryItem, storyID: Int64) {
        var profile = makeProfile(item)
        profile.weigh(statistics, shortTextWords: settings.shortTextWords)
        let time = item.published.timeIntervalSince1970
        advance(to: time)
        insert(id: item.id, storyID: storyID, time: time, profile: profile, identity: ItemIdentity(item))
    }

    /// Counts an item into the statistics without clustering it (history older than the window).
    public func learn(_ item: StoryItem) {
        let profile = makeProfile(item)
        statistics.add(profile.terms, feed: profile.feed)
    }

    // MARK: - Tiers

    private func place(_ item: StoryItem, _ profile: ItemProfile) -> StoryAssignment {
        var profile = profile
        reweighIfDue()
        sink ^= statistics.touchWeighting(profile.terms)
        profile.weigh(statistics, shortTextWords: settings.shortTextWords)
        let time = item.published.timeIntervalSince1970
        advance(to: time)
        // A short item is placed with little emphasis and compared in full emphasis only when the batch is
        // refined: early in a batch the concentrations describe half-formed stories, and emphasizing their names
        // lets loosely worded headlines snowball into whichever story formed first. Items with text carry enough
        // words to be placed with it. Measured (headlines-dev shuffled, 8 seeds): mean F1 0.832 -> 0.841, lowest
        // seed 0.806 -> 0.830; stories-dev unchanged.
        let emphasis = TermConcentration.exponent * Float(1 - profile.shortness(settings.shortTextWords))
        let identity = ItemIdentity(item)
        let decision = decide(item, identity, query(profile, exponent: emphasis), time)
        insert(id: item.id, storyID: decision.storyID, time: time, profile: profile, identity: identity)
        return decision
    }

    /// Whether a window item (its time and story) is a candidate for an item at `time`: within the window of the
    /// item itself or of its story's span, so a developing story stays reachable while it keeps growing.
    private func reachable(_ other: Double, storyID: Int64, from time: Double) -> Bool {
        let window = settings.windowSeconds
        if abs(other - time) <= window { return true }
        guard let story = stories[storyID] else { return false }
        return time >= story.founded - window && time <= story.latest + window
    }

    private func decide(_ item: StoryItem, _ identity: ItemIdentity, _ profile: ItemProfile, _ time: Double)
        -> StoryAssignment {
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
            let merged = merge(matching, into: best.storyID)
            return StoryAssignment(itemID: item.id, storyID: merged.survivor, tier: .similar, score: best.score,
                                   matchedItemID: best.itemID, mergedStoryIDs: merged.absorbed)
        }
        return StoryAssignment(itemID: item.id, storyID: item.id, tier: .new, score: 0, matchedItemID: nil)
    }

    struct StoryScore {
        var storyID: Int64
        /// The story's score (nearest item, lifted by the centroid) and its nearest item's similarity.
        var score: Double
        var nearest: Double
        var itemID: Int64
        /// Whether the story as a whole backs its nearest item (see `combine`): only then may the item merge it.
        var vouched: Bool
    }

    /// Candidate stories in the window for `profile`, best item per story blended with the story's centroid, in
    /// story-id order. `excluding` leaves out one window item (an item being re-placed, still in the postings).
    private func storyScores(_ profile: ItemProfile, _ time: Double, excluding: Int? = nil) -> [StoryScore] {
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
        for (_, seq) in candidates {
            let (s, storyID, id) = items.read(seq) { other in (query.dot(other.profile), other.storyID, other.id) }!
            nearest(storyID, s, id)
        }
        perStory.sort { $0.storyID < $1.storyID }
        return perStory.map { nn in
            let nearest = Double(nn.similarity)
            let (score, vouched) = storyScore(profile, nearest: nearest, storyID: nn.storyID)
            return StoryScore(storyID: nn.storyID, score: score, nearest: nearest, itemID: nn.itemID, vouched: vouched)
        }
    }

    /// Second look at a batch once all of it is placed: an item placed early, before its story had formed in
    /// the batch, moves to the story that now fits it better than its own (scored without the item itself).
    /// Only items alone in their story and short items (see below) are looked at again.
    /// Founders of a story that others joined, copies (identity, near-copy) and items that merged stories stay,
    /// so story ids and merges hold. One pass in canonical order: measured, a second one changes nothing
    /// worth its cost. Measured with the URL slugs: stories-dev F1 0.895 -> 0.898, headlines-dev (shuffled,
    /// three seeds) +0.01 each.
    private func refine(_ results: inout [StoryAssignment], firstSeq: Int) {
        for k in results.indices {
            let seq = firstSeq + k
            let result = results[k]
            guard result.tier == .new || result.tier == .similar, result.mergedStoryIDs.isEmpty,
                  let item = items[seq] else { continue }
            let current = item.storyID
            if current == item.id, let story = stories[current], story.members > 1 { continue }
            let alone = current == item.id
            // An item with text that joined a story was placed in full emphasis already (`place`): a second look
            // would ask nearly the same question again. Headlines (placed with little emphasis) and items still
            // alone look again. Measured: stories-dev P 0.9354 -> 0.9364, F1 0.9073 -> 0.9086; headlines-dev
            // unchanged; the benchmark's refinement 2.1 s -> 0.45 s of 7.7 s.
            if !alone && item.profile.shortness(settings.shortTextWords) == 0 { continue }
            // An item alone in its story is scored as if that story were gone, without taking it apart (it has
            // no other item to be a candidate, and the concentration discounts it): most such items stay.
            if !alone { addToCentroid(item.profile, storyID: current, seq: seq, sign: -1) }
            let scored = storyScores(query(item.profile, withoutOwnStory: alone), item.time, excluding: seq)
            let own = scored.first { $0.storyID == current }?.score ?? -1
            var best: StoryScore? = nil
            for candidate in scored where candidate.storyID != current {
                if best == nil || candidate.score > best!.score { best = candidate }
            }
            if let best, best.score >= threshold(for: item.profile) * (alone ? Self.aloneRelief : 1), best.score > own {
                if alone { addToCentroid(item.profile, storyID: current, seq: seq, sign: -1) }
                items.modify(seq) { $0.storyID = best.storyID }
                addToCentroid(item.profile, storyID: best.storyID, seq: seq, sign: 1, time: item.time)
                results[k] = StoryAssignment(itemID: item.id, storyID: best.storyID, tier: .similar,
                                             score: best.score, matchedItemID: best.itemID)
            } else if !alone {
                addToCentroid(item.profile, storyID: current, seq: seq, sign: 1, time: item.time)
            }
        }
    }

    /// Share of its bar at which an item still alone once its whole batch is placed joins the story that now fits
    /// it best. Its second look sees the batch's stories formed, which placement could not, and an item nobody
    /// joined is weak evidence of a story of its own. Measured: stories-dev P 0.937 -> 0.935, F1 0.900 -> 0.907;
    /// headlines-dev (8 shuffles) mean F1 0.841 -> 0.843, every seed up; 0.8 goes to P 0.932.
    static let aloneRelief = 0.9

    /// The item's score against a story from its nearest item there and the story's centroid (`combine`).
    private func storyScore(_ profile: ItemProfile, nearest: Double, storyID: Int64) -> (score: Double, vouched: Bool) {
        // Below the centroid floor the centroid neither lifts the score nor changes the decision (the score stays
        // below the threshold either way): skip its cost. Tested first: most candidates are below it, and the
        // story's state is a cache miss away.
        guard nearest >= Self.centroidFloor * settings.similarityThreshold else { return (nearest, true) }
        guard let story = stories[storyID], story.members > 1 else { return (nearest, true) }
        sum(story)
        guard story.normSquared > 0 else { return (nearest, true) }
        var dot: Double = 0
        for i in profile.terms.indices {
            if let c = story.centroid[profile.terms[i]] { dot += Double(profile.weights[i] * c) }
        }
        return combine(nearest: nearest, centroid: dot / story.normSquared.squareRoot(), members: story.members,
                       profile)
    }

    /// Stories of at least this many items must back an item's nearest match with their centroid.
    static let guardedMembers = 3
    /// Share of the threshold the centroid of such a story must reach, or its nearest item does not count.
    /// Measured with the term concentration: headlines-dev shuffled F1 +0.005 to +0.02 (seeds 7/3/11), with
    /// 0.4-0.6 alike; stories-dev unchanged.
    static let centroidGuard = 0.5

    /// The item's score against a story: the better of its nearest item's similarity and the (weighted) similarity
    /// to the story's centroid, so a story that has gathered many wordings of one event recognises a new wording
    /// through their shared names. Two guards, one each way:
    /// - The centroid only lifts an item that already has a fair match among the story's items: on its own it
    ///   drifts, as stories grow, towards the feed's common vocabulary and would attract everything.
    /// - A story of several items must back the nearest match with its centroid: one stray item (a headline that
    ///   names two stories: "What Flappy Bird and Bitcoin teach us") would otherwise draw the other story's items
    ///   in one by one. Such a story scores no more than its centroid allows and is not `vouched` for merging.
    func combine(nearest: Double, centroid: Double?, members: Int, _ profile: ItemProfile)
        -> (score: Double, vouched: Bool) {
        guard let centroid, members > 1 else { return (nearest, true) }
        let lifted = liftedCentroid(centroid, profile, members: members)
        if members >= Self.guardedMembers && centroid < Self.centroidGuard * settings.similarityThreshold {
            return (min(nearest, lifted), false)
        }
        guard nearest >= Self.centroidFloor * settings.similarityThreshold else { return (nearest, true) }
        return (max(nearest, lifted), true)
    }

    /// Short items (a headline alone) share words by chance more easily than articles do: they must clear a
    /// higher bar, falling linearly to the plain threshold at `shortTextWords` content words.
    func threshold(for profile: ItemProfile) -> Double {
        settings.similarityThreshold + settings.shortTextMargin * profile.shortness(settings.shortTextWords)
    }

    /// The centroid's similarity on the item's scale. A centroid that pools many wordings of a story does not
    /// share words by chance as a single short item does: the short items' raised bar shrinks towards the plain
    /// threshold as the story grows (by 1 / (members - 1): full for two items, a tenth for eleven), scaled so
    /// both compare with `threshold(for:)`. Measured on headlines-dev (shuffled): F1 0.793 -> 0.798 (seed 7),
    /// 0.796 -> 0.816 (seed 3); items with text are unaffected.
    func liftedCentroid(_ centroid: Double, _ profile: ItemProfile, members: Int) -> Double {
        let itemBar = threshold(for: profile)
        let pooledBar = settings.similarityThreshold
            + (itemBar - settings.similarityThreshold) / Double(max(1, members - 1))
        return settings.centroidWeight * centroid * itemBar / pooledBar
    }

    /// Folds into one the stories an item matched when they are themselves alike (centroids at least as similar
    /// as the threshold): two outlets' first reports of one event may not match each other, and a third item that
    /// bridges them shows they are one story. The older story keeps its id.
    private func merge(_ matching: [Int64], into best: Int64) -> (survivor: Int64, absorbed: [Int64]) {
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

    // MARK: - Index upkeep

    private func makeProfile(_ item: StoryItem) -> ItemProfile {
        ItemProfile(title: item.title, text: item.text, slug: item.canonicalURL.map(URLSlug.words) ?? "",
                    feed: item.feedID, fingerprintMinWords: settings.nearCopyMinWords, tokenizer: &tokenizer)
    }

    /// An item as the query that finds its story: the window's concentrated terms emphasized
    /// (`TermConcentration`) and its own feed's boilerplate discounted (`FeedVocabulary`).
    func query(_ profile: ItemProfile, exponent: Float = TermConcentration.exponent,
               withoutOwnStory: Bool = false) -> ItemProfile {
        sink ^= concentration.touch(profile.terms)
        let discounts = profile.feed.map { statistics.feeds.discounts(profile.terms, feed: $0) } ?? []
        return concentration.emphasize(profile, exponent: exponent, withoutOwnStory: withoutOwnStory,
                                       discounts: discounts)
    }

    private func insert(id: Int64, storyID: Int64, time: Double, profile: ItemProfile, identity: ItemIdentity) {
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
    private func touchPostings(_ terms: some Sequence<(term: UInt64, weight: Float)>) -> UInt64 {
        var sum: UInt64 = 0
        for (term, _) in terms {
            postings.read(term) { list in sum ^= UInt64(truncatingIfNeeded: list.last?.position ?? 0) }
        }
        return sum
    }

    private func file(_ seq: Int, _ profile: ItemProfile) {
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

    private func addToCentroid(_ profile: ItemProfile, storyID: Int64, seq: Int, sign: Float,
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
    private func advance(to time: Double) {
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
    private func rebuildPostings(prepare: (Int) -> Void = { _ in }) {
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
    private func reweighIfDue() {
        guard statistics.weightingIsStale else { return }
        statistics.refreshWeighting()
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

    // MARK: - Explanations

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
            guard let member = items[seq] else { continue }
            let s = profile.dot(member.profile)
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
        return .init(itemID: item.id, storyID: storyID, members: members, nearestItemID: nearest.itemID,
                     nearestSimilarity: n, centroidSimilarity: centroid,
                     centroidCounts: n >= Self.centroidFloor * settings.similarityThreshold, backed: backed,
                     centroidGuard: Self.centroidGuard * settings.similarityThreshold, score: score,
                     threshold: threshold(for: profile), loneThreshold: threshold(for: profile) * Self.aloneRelief,
                     member: selfSeq != nil, inReach: reachable(story.latest, storyID: storyID,
                                                                from: item.published.timeIntervalSince1970))
    }

    /// Both items' profiles with the current statistics (used by `explain`).
    func profiles(_ a: StoryItem, _ b: StoryItem) -> (ItemProfile, ItemProfile) {
        var pa = makeProfile(a), pb = makeProfile(b)
        pa.weigh(statistics, shortTextWords: settings.shortTextWords)
        pb.weigh(statistics, shortTextWords: settings.shortTextWords)
        return (pa, pb)
    }
}
