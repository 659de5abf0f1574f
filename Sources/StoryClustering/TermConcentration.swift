import Foundation

/// How concentrated each term is in the window: the window items that hold it per open story that holds it.
/// A story's own names recur across many items of that one story (a high ratio); a topic's words (a festival's
/// name, "stocks", "review") are spread over many stories (a ratio near 1). IDF cannot tell the two apart: both
/// are frequent. Emphasizing concentrated terms on the item being assigned makes it meet the story whose names it
/// carries rather than a neighbouring story that shares its topic word ("Snowden speaks at SXSW" joins Snowden,
/// not the festival). Both counts are functions of the window's items and their stories only, so a clusterer
/// restored after a restart has the same counts as the uninterrupted one.
struct TermConcentration {
    struct Counts {
        /// Window items holding the term.
        var items: Int32 = 0
        /// Open stories whose centroid holds the term.
        var stories: Int32 = 0
    }

    /// Both counts side by side: one probe per term when weighing a query.
    private var counts = TermMap<Counts>()

    /// Power of the ratio in the query weights (in full when a batch is refined; see `StoryClusterer.place` for
    /// placement). Measured together with the centroid guard, threshold 0.23 and that placement rule, against
    /// none of them: headlines-dev shuffled (8 seeds) mean F1 0.825 -> 0.841, stories-dev F1 0.898 -> 0.900;
    /// 0.35 and above trade too much precision for recall.
    static let exponent: Float = 0.2

    /// Every term with a count, and its counts (the self-check's recount compares them).
    func forEachCount(_ body: (UInt64, Counts) -> Void) { counts.forEach(body) }

    /// `TermMap.touch` on the counts (before weighing a query by them).
    func touch(_ terms: [UInt64]) -> UInt64 { counts.touch(terms) }

    mutating func addItem(_ terms: [UInt64]) {
        for term in terms { counts.update(term, initial: Counts()) { $0.items += 1 } }
    }

    mutating func removeItem(_ terms: [UInt64]) {
        for term in terms { change(term) { $0.items -= 1 } }
    }

    mutating func storyGained(_ term: UInt64) { counts.update(term, initial: Counts()) { $0.stories += 1 } }
    mutating func storyLost(_ term: UInt64) { change(term) { $0.stories -= 1 } }

    /// A story left the window, or was folded into another: its terms have one holder fewer.
    mutating func forgetStory(_ centroid: TermMap<Float>) {
        centroid.forEach { term, _ in storyLost(term) }
    }

    /// Drops a term no item or story holds, so the map holds only the window's vocabulary.
    @inline(__always) private mutating func change(_ term: UInt64, _ body: (inout Counts) -> Void) {
        var left = Counts()
        counts.update(term, initial: Counts()) { body(&$0); left = $0 }
        if left.items <= 0 && left.stories <= 0 { counts[term] = nil }
    }

    /// Items per story for `term` (at least 1), raised to `exponent`. `ownStory`: 1 to leave out one story
    /// holding the term (the query's own, when it is scored as if gone).
    @inline(__always)
    func factor(_ term: UInt64, exponent: Float = Self.exponent, ownStory: Int32 = 0) -> Float {
        guard let c = counts[term] else { return 1 }
        let stories = c.stories - ownStory
        guard stories > 0, c.items > stories else { return 1 }
        return powf(Float(c.items) / Float(stories), exponent)
    }

    /// Cosine of two centroids with each term weighted by its factor, as a query's terms are: what the two share
    /// counts by how much it names one story rather than many (`StoryClusterer.merge`). Fixed-point sums: exact and
    /// independent of the maps' (per-process) iteration order.
    func cosine(_ a: TermMap<Float>, _ b: TermMap<Float>) -> Double {
        func fixed(_ x: Float) -> Int64 { Int64((Double(x) * 0x1p32).rounded()) }
        var dot: Int64 = 0, normA: Int64 = 0, normB: Int64 = 0
        a.forEach { term, x in
            let f = factor(term)
            normA &+= fixed(x * f * x * f)
            if let y = b[term] { dot &+= fixed(x * f * y * f) }
        }
        b.forEach { term, y in
            let f = factor(term)
            normB &+= fixed(y * f * y * f)
        }
        guard normA > 0, normB > 0 else { return 0 }
        return Double(dot) / (Double(normA) * Double(normB)).squareRoot()
    }

    /// `profile` as a query: each weight times its term's factor, scaled back to unit length, and its strongest
    /// terms re-picked (they choose the candidates). The stored profile (what others are compared with) is not
    /// changed: it would go stale as the window moves. `withoutOwnStory`: the item is alone in its story and is
    /// weighed as if that story were gone (its centroid holds exactly the item's terms).
    /// `discounts`: further (term index, factor) multipliers (the item's feed boilerplate, `FeedVocabulary`).
    func emphasize(_ profile: ItemProfile, exponent: Float = Self.exponent, withoutOwnStory: Bool = false,
                   discounts: [(index: Int, factor: Float)] = []) -> ItemProfile {
        let own: Int32 = withoutOwnStory ? 1 : 0
        var query = profile
        var norm: Float = 0
        query.weights.withUnsafeMutableBufferPointer { weights in
            for i in weights.indices {
                weights[i] *= factor(profile.terms[i], exponent: exponent, ownStory: own)
            }
            for (i, f) in discounts { weights[i] *= f }
            for i in weights.indices { norm += weights[i] * weights[i] }
            if norm > 0 {
                let scale = 1 / norm.squareRoot()
                for i in weights.indices { weights[i] *= scale }
            }
        }
        ItemProfile.strongest(query.terms, query.weights, ItemProfile.indexedTerms, into: &query.strongestPositions)
        return query
    }
}

extension TermMap where Value == Float {
    /// Below this a value left by subtracting an item is rounding residue: the term's last holder has left.
    static let residue: Float = 1e-6

    /// Adds `sign x weights[i]` to each `terms[i]` (absent terms start at 0), in order, and keeps `normSquared`
    /// (the sum of the squared values) up to date term by term, in the same order: one call per item instead of a
    /// closure per term through a class's property. A term whose value an item's removal leaves at rounding
    /// residue is dropped, so a centroid holds exactly its items' terms (a restored story has the same keys), and
    /// `concentration` learns of every term the centroid gains or drops (unless `countingHolders` is false: a
    /// deferred or stale story's sum, whose terms were counted when its items joined).
    mutating func add(_ terms: [UInt64], _ weights: [Float], sign: Float, normSquared: inout Double,
                      concentration: inout TermConcentration, countingHolders: Bool = true) {
        for i in terms.indices {
            let delta = sign * weights[i]
            let before = count
            var left: Float = 0
            update(terms[i], initial: 0) { value in
                let new = value + delta
                normSquared += Double(new * new - value * value)
                value = new
                left = new
            }
            if countingHolders && count != before { concentration.storyGained(terms[i]) }
            if sign < 0 && abs(left) < Self.residue {
                normSquared -= Double(left * left)
                self[terms[i]] = nil
                concentration.storyLost(terms[i])
            }
        }
    }
}
