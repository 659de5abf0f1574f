/// Per-term totals of an item's term occurrences (summed weight, highest boost) in a small open-addressing table,
/// so that building a profile sorts its distinct terms rather than every occurrence: sorting the occurrences was
/// the costliest step of `ItemProfile.init`. Each term's weights are summed in occurrence order, as the stable sort
/// left them before (and today's weights, multiples of 0.5, sum exactly in any order anyway).
struct TermTally {
    private var keys: [UInt64] = []
    private var weights: [Float] = []
    private var boosts: [Float] = []
    private var used: [Int] = []
    private var mask = 0
    /// Term hash 0 marks an empty slot, so term 0 (astronomically rare) is kept apart.
    private var zero: (weight: Float, boost: Float)? = nil

    /// Empties the table, sized for `count` occurrences.
    mutating func reset(for count: Int) {
        for i in used { keys[i] = 0 }
        used.removeAll(keepingCapacity: true)
        zero = nil
        var size = 64
        while size < count * 2 { size <<= 1 }
        if keys.count < size {
            keys = [UInt64](repeating: 0, count: size)
            weights = [Float](repeating: 0, count: size)
            boosts = [Float](repeating: 0, count: size)
        }
        mask = size - 1
    }

    /// Adds each occurrence in order: the totals start at weight 0 and boost 1, as `ItemProfile.init` always did.
    mutating func add(_ entries: [(term: UInt64, weight: Float, boost: Float)]) {
        let mask = mask
        var zero = zero
        keys.withUnsafeMutableBufferPointer { keys in
            weights.withUnsafeMutableBufferPointer { weights in
                boosts.withUnsafeMutableBufferPointer { boosts in
                    for (term, weight, boost) in entries {
                        if term == 0 {
                            let z = zero ?? (0, 1)
                            zero = (z.weight + weight, max(z.boost, boost))
                            continue
                        }
                        var i = Int(truncatingIfNeeded: term) & mask
                        while keys[i] != 0 && keys[i] != term { i = (i + 1) & mask }
                        if keys[i] == 0 {
                            keys[i] = term
                            weights[i] = 0
                            boosts[i] = 1
                            used.append(i)
                        }
                        weights[i] += weight
                        boosts[i] = max(boosts[i], boost)
                    }
                }
            }
        }
        self.zero = zero
    }

    /// The distinct terms, ascending, each with its totals.
    func forEachAscending(_ body: (UInt64, _ weight: Float, _ boost: Float) -> Void) {
        var order = used.map { keys[$0] }
        order.sort()
        if let zero { body(0, zero.weight, zero.boost) }
        for term in order {
            var i = Int(truncatingIfNeeded: term) & mask
            while keys[i] != term { i = (i + 1) & mask }
            body(term, weights[i], boosts[i])
        }
    }
}
