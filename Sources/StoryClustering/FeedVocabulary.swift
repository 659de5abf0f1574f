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
    /// Per feed, per term: the feed's items holding the term. A table per feed, not one keyed by (feed, term):
    /// an item's counts and discounts then probe its own feed's table, small enough to stay in cache across a
    /// batch, instead of missing the cache once per term in a table of millions.
    private var vocabularies: [Int64: TermMap<UInt32>] = [:]
    /// (feed, term) counts over all feeds (the vocabularies' sizes).
    private var totalCounts = 0

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
        totalCounts += Self.count(distinctTerms, into: &vocabularies[feed, default: TermMap()])
        if totalCounts > Self.maxCounts {
            totalCounts = 0
            for feed in vocabularies.keys {
                vocabularies[feed] = vocabularies[feed]!.filter { $0 > 1 }
                totalCounts += vocabularies[feed]!.count
            }
        }
    }

    /// Adds one to each term's count; returns how many terms were new to the table.
    private static func count(_ terms: [UInt64], into table: inout TermMap<UInt32>) -> Int {
        let before = table.count
        for term in terms { table.update(term, initial: 0) { $0 &+= 1 } }
        return table.count - before
    }

    /// The weight multiplier for a term `count` of the feed's `feedItems` items hold: 1 for terms most of its
    /// items lack, falling linearly to 0 as that share goes from `commonShare` to `boilerplateShare`.
    @inline(__always)
    static func factor(count: UInt32, feedItems: UInt32) -> Float {
        let share = Float(count) / Float(feedItems + 1)
        guard share > Self.commonShare else { return 1 }
        return max(0, (Self.boilerplateShare - share) / (Self.boilerplateShare - Self.commonShare))
    }

    /// The feed's boilerplate among `terms`: (index, factor) for each term it discounts.
    func discounts(_ terms: [UInt64], feed: Int64) -> [(index: Int, factor: Float)] {
        guard let n = items[feed], n >= Self.minItems, let vocabulary = vocabularies[feed] else { return [] }
        var out: [(index: Int, factor: Float)] = []
        for i in terms.indices {
            guard let count = vocabulary[terms[i]] else { continue }
            let f = Self.factor(count: count, feedItems: n)
            if f < 1 { out.append((i, f)) }
        }
        return out
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
        var feeds: [Int64] = []
        try TermStatistics.unpack(c.decode(Data.self, forKey: .feeds), corrupt(.feeds)).forEach { feed, n in
            items[Int64(bitPattern: feed)] = n
            feeds.append(Int64(bitPattern: feed))
        }
        feeds.sort()
        guard tables.count == feeds.count else {
            throw corrupt(.vocabularies)("\(tables.count) vocabularies for \(feeds.count) feeds")
        }
        for (feed, table) in zip(feeds, tables) {
            let vocabulary = try TermStatistics.unpack(table, corrupt(.vocabularies))
            vocabularies[feed] = vocabulary
            totalCounts += vocabulary.count
        }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        var feeds = TermMap<UInt32>(capacity: items.count)
        for (feed, n) in items { feeds[UInt64(bitPattern: feed)] = n }
        try c.encode(TermStatistics.pack(feeds), forKey: .feeds)
        try c.encode(items.keys.sorted().map { TermStatistics.pack(vocabularies[$0] ?? TermMap()) },
                     forKey: .vocabularies)
    }
}
