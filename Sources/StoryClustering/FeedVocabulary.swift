import Foundation

/// Per feed, how many of its items hold each term: a feed's own boilerplate — a podcast's show name and
/// "episode", a newsletter's masthead, a site's "appeared first on …" footer, its link slugs' fixed path words —
/// recurs in most of its items and tells none of them apart. Left in, it makes every item of the feed resemble
/// every other, and a feed of weekly episodes chains into one "story" (IDF cannot see it: across all feeds the
/// show's name is rare). A term the item's own feed writes in most of its items is therefore discounted when the
/// item is the query (`StoryClusterer.query`), towards nothing as the share nears every item. Only the query side
/// changes: stored profiles and the window's index keep their weights, so a clusterer restored from a snapshot
/// compares exactly as the uninterrupted one.
///
/// Counts are sums over items (order-free) and persist with `TermStatistics`, so they learn from the store's
/// history: a feed's first fetch (usually its last 10-100 items, counted before any of them is placed) is
/// enough to know its boilerplate.
struct FeedVocabulary: Sendable, Hashable {
    /// One feed's counts. A table per feed, not one keyed by (feed, term): an item's counts probe its own feed's
    /// table, small enough to stay in cache across a batch, instead of missing the cache once per term in a
    /// table of millions.
    struct Feed: Sendable {
        /// Items counted.
        var items: UInt32 = 0
        /// Per term: the items holding it.
        var counts = TermMap<UInt32>()
        /// Every term above `topicShare` of the items, perhaps with a few that have fallen below it since (a
        /// share falls as the feed's other items arrive), pruned as the feed doubles. A term's share rises only
        /// when its own count does, so checking it then keeps every such term here: the discounts read this
        /// short list, not a count per term of the item.
        /// Ascending, to be merged with an item's terms (`habits`).
        var recurring: [UInt64] = []
        /// Items counted when `recurring` was last pruned.
        var prunedAt: UInt32 = 1

        /// Whether `count` of the feed's items is above `topicShare` of them (one pseudo-item added).
        @inline(__always)
        func isRecurring(_ count: UInt32) -> Bool { Float(count) / Float(items + 1) > FeedVocabulary.topicShare }

        mutating func add(_ terms: [UInt64]) {
            items &+= 1
            for term in terms {
                var count: UInt32 = 0
                counts.update(term, initial: 0) { $0 &+= 1; count = $0 }
                // Recurring now, and not before (with one item fewer and one count fewer): it has just crossed.
                // It may still be listed from an earlier crossing (pruning has not dropped it yet).
                if isRecurring(count) && Float(count - 1) / Float(items) <= FeedVocabulary.topicShare {
                    let at = ItemProfile.insertionPoint(of: term, in: recurring)
                    if at == recurring.count || recurring[at] != term { recurring.insert(term, at: at) }
                }
            }
            if items >= 2 * prunedAt { pruneRecurring() }
            if counts.count > FeedVocabulary.maxTerms { forgetRareTerms() }
        }

        /// Forgets the terms held by the fewest items (those seen once, or more while most are kept), so that at
        /// most half of `maxTerms` stay. A boilerplate term, in most items, has a count far above theirs.
        mutating func forgetRareTerms() {
            var floor: UInt32 = 1
            repeat {
                let keep = floor
                counts = counts.filter { $0 > keep }
                floor *= 2
            } while counts.count > FeedVocabulary.maxTerms / 2
        }

        /// Drops the terms no longer recurring.
        mutating func pruneRecurring() {
            prunedAt = items
            let feed = self
            recurring.removeAll { !(feed.counts[$0].map(feed.isRecurring) ?? false) }
        }
    }

    private(set) var feeds: [Int64: Feed] = [:]

    /// A feed needs this many items before any of its terms counts as boilerplate.
    static let minItems: UInt32 = 10
    /// Share of the feed's items holding a term (one pseudo-item added to the feed) at which the discount starts,
    /// and at which the term counts for nothing. A news outlet's beat (a country it covers daily) stays well
    /// below the start; a show's name, in every episode, is at the end.
    static let commonShare: Float = 0.5
    static let boilerplateShare: Float = 0.95
    /// Terms counted per feed, at most: above it the rarest are forgotten (`forgetRareTerms`). Bounds memory over
    /// years of a feed's items and keeps each feed's table small enough to stay in cache: most of a feed's words
    /// are seen once, and the benchmark's 500 feeds (120k items) held 131 MB of tables; capped, its peak memory
    /// fell by 112 MiB with the same decisions.
    static let maxTerms = 2048

    init() {}

    /// Counts one item's distinct terms for its feed.
    mutating func add(_ distinctTerms: [UInt64], feed: Int64) {
        feeds[feed, default: Feed()].add(distinctTerms)
    }

    /// `TermMap.touch` on the feed's table (before `add`).
    func touch(_ terms: [UInt64], feed: Int64) -> UInt64 { feeds[feed]?.counts.touch(terms) ?? 0 }

    /// A title lead (`TitleLead`) that opens this many of a feed's items names a series, a column or a kicker.
    /// Unlike boilerplate it needs no share of the feed: a feed of several shows ("Mac Power Users #330",
    /// "Katie's Week in Review: July 17") repeats each one's name in a fraction of its items. Two are enough:
    /// between two posts of one feed the lead is all the rule takes away, and two reports of one event still
    /// share the event's own words after it. Measured against three: 13 more one-feed groups of the corpus came
    /// apart ("Show HN: …", "iPhone XR: test results" and "…: sales start", a status page's "Up" and
    /// "Warning"), none that belonged together; the dev sets unchanged.
    static let seriesItems: UInt32 = 2

    /// Whether the item's feed opens at least `seriesItems` of its items with the item's title lead.
    func repeatsLead(_ profile: ItemProfile) -> Bool {
        guard let feed = profile.feed, let lead = profile.lead, let count = feeds[feed]?.counts[lead] else {
            return false
        }
        return count >= Self.seriesItems
    }

    /// Share of a feed's other items holding a term (one pseudo-item added) at which the term starts to count
    /// less between two posts of the feed, and at which it counts for nothing there: what the feed writes about
    /// (an anime site's "main cast", "staff"; a hardware site's "CPU review benchmarks"; a club's own name and its
    /// "matchday", "livestream") rather than what one of its posts reports. Two posts of one feed sharing only such
    /// words are two posts on its beat. Other items only: the two being compared always hold their shared terms.
    /// Measured: the 227-feed corpus through `feedd --once`, 27 one-feed groups changed, among them six anime
    /// cast announcements, five CPU reviews, four "How to Move Your Podcast from …" posts and a club's 12 posts
    /// of three matches (now one story per match); 4 pairs of one developing topic of one feed came apart (two
    /// commentary pairs on one blog's running Apple-FBI dispute, two pairs on one news service's US-Pakistan aid
    /// story). Headlines-dev (8 shuffles) mean F1 0.8456 -> 0.8457, stories-dev unchanged: a wire service's many
    /// reports of one event share its names in a few hundredths of its items. A range from 0.05 or to 0.5 moved
    /// the corpus little either way. It is also where a feed's `recurring` list starts, so it must not exceed
    /// `commonShare`: the boilerplate is read from that list too.
    static let topicShare: Float = 0.1
    static let habitShare: Float = 0.35

    /// A feed's recurring words among an item's terms, by index in the terms (ascending):
    /// - `boilerplate`: (index, factor) for each term the item's query discounts against every candidate. The
    ///   factor falls linearly from 1 to 0 as the share of the feed's items holding the term goes from
    ///   `commonShare` to `boilerplateShare`.
    /// - `ownFeed`: (index, share of the pair's product kept) for each term above `topicShare` of the feed's
    ///   other items, against another post of the feed. The kept share falls linearly from 1 to 0 as the term's
    ///   share goes to `habitShare`.
    struct Habits {
        var boilerplate: [(index: Int, factor: Float)] = []
        var ownFeed: [(index: Int, keep: Float)] = []
    }

    /// The feed's recurring words among `terms` (ascending, an item's profile): one merge of the two sorted lists
    /// (a look-up per term instead costs a cache miss each: the feed's table was warmed when the batch was
    /// counted, long before the item is placed; measured 1.8x the time of the merge in the benchmark).
    func habits(_ terms: [UInt64], feed: Int64) -> Habits {
        var out = Habits()
        guard let state = feeds[feed], state.items >= Self.minItems, !state.recurring.isEmpty else { return out }
        let n = Float(state.items + 1)
        var i = 0, k = 0
        func record(_ index: Int, _ count: UInt32) {
            let share = Float(count) / n
            if share > Self.commonShare {
                let factor = max(0, (Self.boilerplateShare - share) / (Self.boilerplateShare - Self.commonShare))
                if factor < 1 { out.boilerplate.append((index, factor)) }
            }
            let others = Float(count > 2 ? count - 2 : 0) / n
            if others > Self.topicShare {
                out.ownFeed.append((index, max(0, (Self.habitShare - others) / (Self.habitShare - Self.topicShare))))
            }
        }
        while i < terms.count && k < state.recurring.count {
            let term = terms[i], recurring = state.recurring[k]
            if term < recurring {
                i += 1
            } else if term > recurring {
                k += 1
            } else {
                if let count = state.counts[term] { record(i, count) }
                i += 1
                k += 1
            }
        }
        return out
    }
}

/// Equal feeds hold equal counts: which terms are listed as recurring, and when the list was last pruned, follow
/// from the counts' history, not from what the counts are.
extension FeedVocabulary.Feed: Hashable {
    static func == (a: Self, b: Self) -> Bool { a.items == b.items && a.counts == b.counts }
    func hash(into hasher: inout Hasher) {
        hasher.combine(items)
        hasher.combine(counts)
    }
}

extension FeedVocabulary: Codable {
    // Compact, in `TermStatistics`' packed format (sorted (key, count) pairs: equal vocabularies encode to equal
    // bytes): the feed table keyed by the feed id's bits, and one packed table per feed in ascending feed order.
    // Snapshots from before the per-feed tables held one table keyed by (feed, term) hashes (`counts`), whose
    // terms cannot be recovered: they load without it, and each feed relearns its boilerplate from its next items.
    private enum CodingKeys: String, CodingKey { case feeds, vocabularies }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func corrupt(_ key: CodingKeys) -> (String) -> Error {
            { DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: $0) }
        }
        guard let tables = try c.decodeIfPresent([Data].self, forKey: .vocabularies) else { return }
        // Feed ids as pairs, not through a `TermMap` (which keeps key 0 for its empty slots).
        var items: [Int64: UInt32] = [:]
        for (feed, n) in try TermStatistics.unpackPairs(c.decode(Data.self, forKey: .feeds), corrupt(.feeds)) {
            items[Int64(bitPattern: feed)] = n
        }
        let ids = items.keys.sorted()
        guard tables.count == ids.count else {
            throw corrupt(.vocabularies)("\(tables.count) vocabularies for \(ids.count) feeds")
        }
        for (id, table) in zip(ids, tables) {
            var feed = Feed(items: items[id]!, counts: try TermStatistics.unpack(table, corrupt(.vocabularies)))
            feed.counts.forEach { term, count in if feed.isRecurring(count) { feed.recurring.append(term) } }
            feed.recurring.sort()
            feed.pruneRecurring()
            feeds[id] = feed
        }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(TermStatistics.pack(feeds.map { (UInt64(bitPattern: $0.key), $0.value.items) }), forKey: .feeds)
        try c.encode(feeds.keys.sorted().map { TermStatistics.pack(feeds[$0]!.counts) }, forKey: .vocabularies)
    }
}
