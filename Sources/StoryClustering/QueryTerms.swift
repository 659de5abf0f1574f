/// The item being assigned as a small hash table of its terms, for `decide`'s full comparisons: probing it with
/// each candidate's terms costs less than a sorted merge of the two term lists, whose branches the CPU cannot
/// predict. Shared terms are met in the candidate's (ascending) term order, the order `ItemProfile.dot` adds them
/// in, and each product is the query weight times the candidate weight as there: the result is the same float.
struct QueryTerms {
    private var keys: [UInt64] = []
    private var weights: [Float] = []
    private var mask = 0
    /// Term hash 0 marks an empty slot: a profile holding it (astronomically rare) is compared by merge instead.
    private var holdsZero = false
    private var profile: ItemProfile? = nil

    /// Tables the profile's terms at a load of at most a quarter (short probe chains; misses end at once).
    mutating func load(_ profile: ItemProfile) {
        var size = 64
        while size < profile.terms.count * 4 { size <<= 1 }
        if keys.count < size {
            keys = [UInt64](repeating: 0, count: size)
            weights = [Float](repeating: 0, count: size)
        } else {
            for i in 0..<mask + 1 { keys[i] = 0 }
        }
        mask = size - 1
        holdsZero = profile.terms.first == 0
        self.profile = holdsZero ? profile : nil
        let mask = mask
        keys.withUnsafeMutableBufferPointer { k in
            weights.withUnsafeMutableBufferPointer { w in
                for n in profile.terms.indices {
                    let term = profile.terms[n]
                    var i = Int(truncatingIfNeeded: term) & mask
                    while k[i] != 0 { i = (i + 1) & mask }
                    k[i] = term
                    w[i] = profile.weights[n]
                }
            }
        }
    }

    /// `query.dot(other)` for the loaded profile.
    func dot(_ other: borrowing ItemProfile) -> Float {
        if holdsZero, let profile { return profile.dot(other) }
        let mask = mask
        return keys.withUnsafeBufferPointer { k in
            weights.withUnsafeBufferPointer { w in
                other.terms.withUnsafeBufferPointer { terms in
                    other.weights.withUnsafeBufferPointer { otherWeights in
                        var sum: Float = 0
                        for j in 0..<terms.count {
                            let term = terms[j]
                            var i = Int(truncatingIfNeeded: term) & mask
                            while true {
                                let key = k[i]
                                if key == 0 { break }
                                if key == term { sum += w[i] * otherWeights[j]; break }
                                i = (i + 1) & mask
                            }
                        }
                        return sum
                    }
                }
            }
        }
    }
}
