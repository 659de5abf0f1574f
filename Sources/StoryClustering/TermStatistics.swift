import Foundation

/// Document frequencies learned online from every item seen: the IDF that tells an event's rare names and figures
/// from a feed's everyday vocabulary, fitted to the user's own feeds. A Codable snapshot lets the store persist it
/// across restarts. Counts are order-free (a sum over items), so the statistics after N items do not depend on the
/// order they came in.
///
/// Weights use a frozen copy of the counts (the weighting table), refreshed when the live counts have doubled:
/// items indexed at different times then share one IDF, re-weighting the window stays rare (geometric), and a
/// clusterer restored from a snapshot weighs exactly as the uninterrupted one did.
public struct TermStatistics: Sendable, Hashable, Codable {
    /// The rules the counts were made under (`termRules` when made by this version).
    public private(set) var rules = TermStatistics.termRules
    /// Which words an item is counted as: raise it when the tokenizer or the profile's counted terms change, so
    /// statistics saved under other rules (other words' hashes: a Chinese headline counted as one word, not as its
    /// character pairs) are counted afresh from the store instead of weighing today's words as never seen.
    /// `TermRulesTests` pins the current reading of a probe text to it. Snapshots without it were made under 1.
    public static let termRules = 5
    /// Whether the counts were made under this version's rules.
    public var countsCurrentTerms: Bool { rules == Self.termRules }

    /// Items counted.
    public private(set) var documentCount: Int = 0
    private(set) var frequencies = TermMap<UInt32>()
    /// Items counted in the weighting table.
    public private(set) var weightingCount: Int = 0
    private var weighting = TermMap<UInt32>()
    /// Each feed's own recurring words (its boilerplate), counted from the same items.
    private(set) var feeds = FeedVocabulary()
    /// `idf` of the common (small) document frequencies, computed once per refresh instead of a logarithm per term
    /// per item. A function of `weightingCount` alone, so it never makes equal statistics unequal; not encoded.
    private var idfByFrequency: [Float] = []
    /// The same raised to `ItemProfile.idfExponent`, the power most items are weighed with: a table read
    /// instead of a `powf` per term (the same function of the same values, so the same weights).
    private var poweredIDFByFrequency: [Float] = []
    static let tabulatedFrequencies = 1024

    /// Pseudo-documents added to the count (never to a term's frequency): keeps IDF positive and finite. Small
    /// on purpose: in a fresh store's first batch, which words recur across its items (a town's name in every
    /// local report) is the only evidence of topic vocabulary; a large prior would flatten IDF towards equal
    /// weights and let two events in one place merge on the place name.
    static let prior: Double = 2
    /// Above this many distinct terms, terms seen once are forgotten (bounded memory over years of feeds).
    static let maxTerms = 4_000_000

    public init() { tabulateIDF() }

    /// Distinct terms known.
    public var termCount: Int { frequencies.count }

    /// Counts one item's distinct terms (also for its feed, when known).
    mutating func add(_ distinctTerms: [UInt64], feed: Int64? = nil) {
        if let feed { feeds.add(distinctTerms, feed: feed) }
        documentCount += 1
        for term in distinctTerms { frequencies.update(term, initial: 0) { $0 &+= 1 } }
        if frequencies.count > Self.maxTerms { forgetTermsSeenOnce() }
    }

    /// Forgets every count of 1, live or frozen: a term seen once is dropped, and one frozen at 1 weighs as unseen.
    mutating func forgetTermsSeenOnce() {
        frequencies = frequencies.filter { $0 > 1 }
        weighting = weighting.filter { $0 > 1 }
    }

    func frequency(_ term: UInt64) -> Int { Int(frequencies[term] ?? 0) }

    /// `TermMap.touch` on the counts and the feed's (before `add`), and on the weighting table (before weighing).
    func touchFrequencies(_ terms: [UInt64], feed: Int64? = nil) -> UInt64 {
        frequencies.touch(terms) ^ (feed.map { feeds.touch(terms, feed: $0) } ?? 0)
    }
    func touchWeighting(_ terms: [UInt64]) -> UInt64 { weighting.touch(terms) }

    /// Whether the live counts have outgrown the weighting table (doubled since it was frozen). A fresh store's
    /// first batch therefore gets a table of its own counts before any item is weighed: an empty table would
    /// give every word the same weight, so that two items sharing a place name look as alike as two sharing the
    /// event's own words.
    var weightingIsStale: Bool { documentCount > weightingCount && documentCount >= weightingCount * 2 }

    /// Freezes the live counts as the weighting table.
    mutating func refreshWeighting() {
        weighting = frequencies
        weightingCount = documentCount
        tabulateIDF()
    }

    /// Repeats what `journal` recorded, in order: the statistics a running engine reached from these ones.
    public mutating func replay(_ journal: StatisticsJournal) throws {
        for operation in try journal.operations() {
            switch operation {
            case .add(let terms, let feed): add(terms, feed: feed)
            case .refresh: refreshWeighting()
            }
        }
    }

    /// Smoothed inverse document frequency from the weighting table, > 0.
    @inline(__always)
    func idf(_ term: UInt64) -> Float {
        let df = Int(weighting[term] ?? 0)
        return df < idfByFrequency.count ? idfByFrequency[df] : Self.idf(frequency: df, count: weightingCount)
    }

    /// `idf(term)` raised to `power`.
    @inline(__always)
    func idf(_ term: UInt64, power: Float) -> Float {
        let df = Int(weighting[term] ?? 0)
        guard df < idfByFrequency.count else { return powf(Self.idf(frequency: df, count: weightingCount), power) }
        return power == ItemProfile.idfExponent ? poweredIDFByFrequency[df] : powf(idfByFrequency[df], power)
    }

    private static func idf(frequency df: Int, count: Int) -> Float {
        Float(log((Double(count) + prior) / (Double(df) + 0.5)))
    }

    private mutating func tabulateIDF() {
        let count = weightingCount
        idfByFrequency = (0..<Self.tabulatedFrequencies).map { Self.idf(frequency: $0, count: count) }
        // Frequencies above the count (negative IDF, a NaN power) cannot occur; 0 keeps equal tables equal.
        poweredIDFByFrequency = idfByFrequency.map { powf(max(0, $0), ItemProfile.idfExponent) }
    }

    // Compact snapshot: packed (term, count) pairs sorted by term, so equal statistics encode to equal bytes.
    private enum CodingKeys: String, CodingKey { case rules, documentCount, terms, weightingCount, weighting, feeds }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        rules = try c.decodeIfPresent(Int.self, forKey: .rules) ?? 1
        documentCount = try c.decode(Int.self, forKey: .documentCount)
        func corrupt(_ key: CodingKeys) -> (String) -> Error {
            { DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: $0) }
        }
        frequencies = try Self.unpack(c.decode(Data.self, forKey: .terms), corrupt(.terms))
        weightingCount = try c.decodeIfPresent(Int.self, forKey: .weightingCount) ?? documentCount
        weighting = try c.decodeIfPresent(Data.self, forKey: .weighting).map { try Self.unpack($0, corrupt(.weighting)) }
            ?? frequencies
        // Snapshots from before feeds were counted: each feed's boilerplate is learned from its next items.
        feeds = try c.decodeIfPresent(FeedVocabulary.self, forKey: .feeds) ?? FeedVocabulary()
        tabulateIDF()
    }

    /// A table packed by `pack`; `corrupt` makes the error for a malformed one.
    static func unpack(_ data: Data, _ corrupt: (String) -> Error) throws -> TermMap<UInt32> {
        let pairs = try unpackPairs(data, corrupt)
        var table = TermMap<UInt32>(capacity: pairs.count)
        for (term, count) in pairs { table[term] = count }
        return table
    }

    /// The (key, count) pairs of packed data, in order.
    static func unpackPairs(_ data: Data, _ corrupt: (String) -> Error) throws -> [(key: UInt64, count: UInt32)] {
        guard data.count % 12 == 0 else { throw corrupt("term table length \(data.count) is not a multiple of 12") }
        var pairs: [(key: UInt64, count: UInt32)] = []
        pairs.reserveCapacity(data.count / 12)
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let key = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                let count = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self))
                pairs.append((key, count))
                offset += 12
            }
        }
        return pairs
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rules, forKey: .rules)
        try c.encode(documentCount, forKey: .documentCount)
        try c.encode(Self.pack(frequencies), forKey: .terms)
        try c.encode(weightingCount, forKey: .weightingCount)
        try c.encode(Self.pack(weighting), forKey: .weighting)
        try c.encode(feeds, forKey: .feeds)
    }

    static func pack(_ table: TermMap<UInt32>) -> Data {
        var entries: [(key: UInt64, count: UInt32)] = []
        entries.reserveCapacity(table.count)
        table.forEach { entries.append(($0, $1)) }
        return pack(entries)
    }

    /// (key, count) pairs packed in ascending key order.
    static func pack(_ pairs: [(key: UInt64, count: UInt32)]) -> Data {
        var data = Data(capacity: pairs.count * 12)
        for (key, count) in pairs.sorted(by: { $0.key < $1.key }) {
            withUnsafeBytes(of: key.littleEndian) { data.append(contentsOf: $0) }
            withUnsafeBytes(of: count.littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }
}
