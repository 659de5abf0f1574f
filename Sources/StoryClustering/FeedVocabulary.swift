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
    /// Items counted per feed.
    private(set) var items: [Int64: UInt32] = [:]
    /// Per (feed, term) key (`key`): the feed's items holding the term.
    private var counts = TermMap<UInt32>()

    /// A feed needs this many items before any of its terms counts as boilerplate.
    static let minItems: UInt32 = 10
    /// Share of the feed's items holding a term (one pseudo-item added to the feed) at which the discount starts,
    /// and at which the term counts for nothing. A news outlet's beat (a country it covers daily) stays well
    /// below the start; a show's name, in every episode, is at the end.
    static let commonShare: Float = 0.5
    static let boilerplateShare: Float = 0.95
    /// Above this many (feed, term) counts, those of one item are forgotten (bounded memory over years): a
    /// boilerplate term of a feed with `minItems` or more items has a count above 1.
    static let maxCounts = 3_000_000

    init() {}

    /// Counts one item's distinct terms for its feed.
    mutating func add(_ distinctTerms: [UInt64], feed: Int64) {
        items[feed, default: 0] &+= 1
        for term in distinctTerms { counts.update(Self.key(feed, term), initial: 0) { $0 &+= 1 } }
        if counts.count > Self.maxCounts { counts = counts.filter { $0 > 1 } }
    }

    /// The weight multiplier for `term` in an item of `feed`: 1 for terms most of its items lack, falling
    /// linearly to 0 as the share of its items holding the term goes from `commonShare` to `boilerplateShare`.
    @inline(__always)
    func factor(_ term: UInt64, feed: Int64, feedItems: UInt32) -> Float {
        guard feedItems >= Self.minItems, let count = counts[Self.key(feed, term)] else { return 1 }
        let share = Float(count) / Float(feedItems + 1)
        guard share > Self.commonShare else { return 1 }
        return max(0, (Self.boilerplateShare - share) / (Self.boilerplateShare - Self.commonShare))
    }

    /// The feed's boilerplate among `terms`: (index, factor) for each term it discounts.
    func discounts(_ terms: [UInt64], feed: Int64) -> [(index: Int, factor: Float)] {
        guard let n = items[feed], n >= Self.minItems else { return [] }
        var out: [(index: Int, factor: Float)] = []
        for i in terms.indices {
            let f = factor(terms[i], feed: feed, feedItems: n)
            if f < 1 { out.append((i, f)) }
        }
        return out
    }

    @inline(__always)
    static func key(_ feed: Int64, _ term: UInt64) -> UInt64 {
        TermHash.pair(TermHash.finalize(UInt64(bitPattern: feed) ^ 0xFEED_FEED_FEED_FEED), term)
    }
}

extension FeedVocabulary: Codable {
    // Compact, in `TermStatistics`' packed format (sorted (key, count) pairs: equal vocabularies encode to equal
    // bytes); the feed table is keyed by the feed id's bits.
    private enum CodingKeys: String, CodingKey { case feeds, counts }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func corrupt(_ key: CodingKeys) -> (String) -> Error {
            { DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: $0) }
        }
        try TermStatistics.unpack(c.decode(Data.self, forKey: .feeds), corrupt(.feeds)).forEach { feed, n in
            items[Int64(bitPattern: feed)] = n
        }
        counts = try TermStatistics.unpack(c.decode(Data.self, forKey: .counts), corrupt(.counts))
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        var feeds = TermMap<UInt32>(capacity: items.count)
        for (feed, n) in items { feeds[UInt64(bitPattern: feed)] = n }
        try c.encode(TermStatistics.pack(feeds), forKey: .feeds)
        try c.encode(TermStatistics.pack(counts), forKey: .counts)
    }
}
