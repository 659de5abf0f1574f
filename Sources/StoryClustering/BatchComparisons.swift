/// The full comparisons (`StoryClusterer.storyScores`) made while one batch is placed, kept for the batch's
/// refinement pass. Refining an item looks at mostly the same candidates as placing it did, and a comparison is a
/// function of the two items' weighted profiles only, so its similarity can be reused: the pass then compares
/// only the candidates that are new (items placed later in the batch). Likewise its candidate scan: while no
/// postings list of the query's terms has outgrown the scanned length (`postingsPerTerm`) and the placement's
/// candidates are all still in the window, the candidates are the placement's plus the items filed since.
///
/// A reuse is exact: it is allowed only when the query's term and weight arrays equal those it was recorded with
/// (the very same buffers, unless something re-weighed), and the cache is emptied whenever the window is
/// re-weighed. Candidates' stories are not cached (they change as items move); their ids are (they never do).
struct BatchComparisons {
    struct Found {
        var seq: Int
        var similarity: Float
        var itemID: Int64
    }

    /// What the placement's candidate scan saw: its query terms' postings counts, and its top candidates by
    /// partial score (all of which passed the window test, so any item it left out ranks below them all), at a
    /// postings `generation` (a rebuild moves and drops postings).
    struct Scan {
        var lengths: [Int]
        var candidates: [(score: Float, seq: Int)]
        var generation: Int
    }

    struct Recorded {
        var found: ArraySlice<Found>
        var scan: Scan?
    }

    private struct Query {
        var terms: [UInt64]
        var weights: [Float]
        var found: Range<Int>
        var scan: Scan?
    }

    /// Queries by sequence number less `firstSeq` (the batch's first item).
    private var firstSeq = 0
    private var queries: [Query?] = []
    private var found: [Found] = []

    /// Forgets everything; later records are for the batch whose first item gets `firstSeq`.
    mutating func reset(firstSeq: Int) {
        self.firstSeq = firstSeq
        queries.removeAll(keepingCapacity: true)
        found.removeAll(keepingCapacity: true)
    }

    /// Records the comparisons of the query item that has (or is about to get) sequence number `seq`.
    mutating func record(_ seq: Int, terms: [UInt64], weights: [Float], _ comparisons: some Collection<Found>,
                         scan: Scan?) {
        let i = seq - firstSeq
        guard i >= 0 else { return }
        if queries.count <= i { queries.append(contentsOf: repeatElement(nil, count: i + 1 - queries.count)) }
        let start = found.count
        found.append(contentsOf: comparisons)
        queries[i] = Query(terms: terms, weights: weights, found: start ..< found.count, scan: scan)
    }

    /// What was recorded for query `seq` when its terms and weights are still `terms` and `weights`.
    func recorded(_ seq: Int, terms: [UInt64], weights: [Float]) -> Recorded? {
        let i = seq - firstSeq
        guard i >= 0, i < queries.count, let query = queries[i],
              query.terms == terms, query.weights == weights else { return nil }
        return Recorded(found: found[query.found], scan: query.scan)
    }
}
