/// The full comparisons (`StoryClusterer.storyScores`) made while one batch is placed, kept for the batch's
/// refinement pass. Refining an item looks at mostly the same candidates as placing it did, and a comparison is a
/// function of the two items' weighted profiles only, so its similarity can be reused: the pass then compares
/// only the candidates that are new (items placed later in the batch).
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

    private struct Query {
        var terms: [UInt64]
        var weights: [Float]
        var found: Range<Int>
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
    mutating func record(_ seq: Int, terms: [UInt64], weights: [Float], _ comparisons: some Collection<Found>) {
        let i = seq - firstSeq
        guard i >= 0 else { return }
        if queries.count <= i { queries.append(contentsOf: repeatElement(nil, count: i + 1 - queries.count)) }
        let start = found.count
        found.append(contentsOf: comparisons)
        queries[i] = Query(terms: terms, weights: weights, found: start ..< found.count)
    }

    /// The recorded comparisons of query `seq` when its terms and weights are still `terms` and `weights`.
    func recorded(_ seq: Int, terms: [UInt64], weights: [Float]) -> ArraySlice<Found>? {
        let i = seq - firstSeq
        guard i >= 0, i < queries.count, let query = queries[i],
              query.terms == terms, query.weights == weights else { return nil }
        return found[query.found]
    }
}
