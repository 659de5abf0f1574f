/// An open-addressing hash map from term hashes to values. Term hashes are already uniformly mixed (see
/// `TermHash`), so the map uses their low bits directly instead of paying for `Hasher` (SipHash) on every lookup:
/// the hot paths look up every term of every item. Iteration order is a function of the contents only.
///
/// Keys and values share one array of entries, so a probe of a large table (the term statistics) touches one cache
/// line, not two; each operation works through one buffer pointer (a single uniqueness check, no bounds checks).
struct TermMap<Value> {
    fileprivate struct Entry {
        /// 0 marks an empty slot.
        var key: UInt64
        var value: Value?
    }

    private var entries: [Entry]
    private(set) var count = 0
    private var mask: Int

    init(capacity: Int = 8) {
        var size = 8
        while size < capacity * 2 { size <<= 1 }
        entries = [Entry](repeating: Entry(key: 0, value: nil), count: size)
        mask = size - 1
    }

    /// Sized as growing from empty to `count` entries would leave it (no larger: memory follows the contents).
    init(expectedCount count: Int) {
        var size = 8
        while count * 4 > size * 3 { size <<= 1 }
        self.init(capacity: size / 2)
    }

    /// 0 marks an empty slot; the (astronomically rare) term hash 0 is stored as 1.
    @inline(__always) private static func key(_ k: UInt64) -> UInt64 { k == 0 ? 1 : k }

    @inline(__always)
    private static func slot(_ key: UInt64, _ entries: UnsafeMutablePointer<Entry>, _ mask: Int) -> Int {
        var i = Int(truncatingIfNeeded: key) & mask
        while true {
            let k = entries[i].key
            if k == key || k == 0 { return i }
            i = (i + 1) & mask
        }
    }

    /// Reads through the entries without copying them (a const pointer view of the array's storage).
    @inline(__always)
    private func withEntries<R>(_ body: (UnsafeMutablePointer<Entry>) -> R) -> R {
        entries.withUnsafeBufferPointer { body(UnsafeMutablePointer(mutating: $0.baseAddress!)) }
    }

    subscript(_ term: UInt64) -> Value? {
        get {
            let key = Self.key(term), mask = mask
            return withEntries { e in
                let i = Self.slot(key, e, mask)
                return e[i].key == 0 ? nil : e[i].value
            }
        }
        set {
            let key = Self.key(term), mask = mask
            var inserted = false
            var removeAt: Int? = nil
            entries.withUnsafeMutableBufferPointer { buffer in
                let e = buffer.baseAddress!
                let i = Self.slot(key, e, mask)
                if e[i].key == 0 {
                    guard let newValue else { return }
                    e[i].key = key
                    e[i].value = newValue
                    inserted = true
                } else if let newValue {
                    e[i].value = newValue
                } else {
                    removeAt = i
                }
            }
            if inserted { didInsert() }
            if let removeAt { remove(at: removeAt) }
        }
    }

    /// Calls `body` with the value borrowed in place (no copy of a large value such as a postings list).
    @inline(__always)
    func read(_ term: UInt64, _ body: (borrowing Value) -> Void) {
        let key = Self.key(term), mask = mask
        withEntries { e in
            let i = Self.slot(key, e, mask)
            guard e[i].key != 0, let value = e[i].value else { return }
            body(value)
        }
    }

    /// Loads the home slot of each term and returns a value made of them. The loads are independent, so their
    /// cache misses overlap; the look-ups that follow (each waiting on its own probe) then mostly hit the cache.
    /// A large table (the statistics) or one cold in cache (a story's centroid) costs a miss per term otherwise.
    @inline(__always)
    func touch(_ terms: [UInt64]) -> UInt64 {
        let mask = mask
        return withEntries { e in
            var sum: UInt64 = 0
            for term in terms { sum ^= e[Int(truncatingIfNeeded: Self.key(term)) & mask].key }
            return sum
        }
    }

    /// Adds `delta` to the value (starting from `zero`).
    @inline(__always)
    mutating func add(_ term: UInt64, _ delta: Value, zero: Value, _ plus: (Value, Value) -> Value) {
        update(term, initial: zero) { $0 = plus($0, delta) }
    }

    /// Mutates the value in place (starting from `initial` when absent): no copy of a large value (a postings list).
    @inline(__always)
    mutating func update(_ term: UInt64, initial: @autoclosure () -> Value, _ body: (inout Value) -> Void) {
        let key = Self.key(term), mask = mask
        let inserted = entries.withUnsafeMutableBufferPointer { buffer -> Bool in
            let e = buffer.baseAddress!
            let i = Self.slot(key, e, mask)
            var inserted = false
            if e[i].key == 0 {
                e[i].key = key
                e[i].value = initial()
                inserted = true
            }
            body(&e[i].value!)
            return inserted
        }
        // Growing after the body rather than before it leaves the same entries in the same slots.
        if inserted { didInsert() }
    }

    @inline(__always)
    private mutating func didInsert() {
        count += 1
        if count * 4 > entries.count * 3 { grow() }
    }

    /// Backward-shift deletion keeps probe chains intact without tombstones.
    private mutating func remove(at index: Int) {
        let mask = mask
        entries.withUnsafeMutableBufferPointer { buffer in
            let e = buffer.baseAddress!
            var i = index
            var j = index
            e[i].key = 0
            e[i].value = nil
            while true {
                j = (j + 1) & mask
                if e[j].key == 0 { return }
                let home = Int(truncatingIfNeeded: e[j].key) & mask
                // Move e[j] into the hole at i unless its home lies cyclically in (i, j].
                let between = i <= j ? (home > i && home <= j) : (home > i || home <= j)
                if between { continue }
                e[i].key = e[j].key
                e[i].value = e[j].value.take()
                e[j].key = 0
                i = j
            }
        }
        count -= 1
    }

    /// Re-inserts the entries in slot order into a table twice the size (moving, not copying, the values).
    private mutating func grow() {
        var old = [Entry](repeating: Entry(key: 0, value: nil), count: entries.count * 2)
        swap(&old, &entries)
        mask = entries.count - 1
        let mask = mask
        entries.withUnsafeMutableBufferPointer { buffer in
            let e = buffer.baseAddress!
            old.withUnsafeMutableBufferPointer { from in
                for j in from.indices where from[j].key != 0 {
                    let i = Self.slot(from[j].key, e, mask)
                    e[i].key = from[j].key
                    e[i].value = from[j].value.take()
                }
            }
        }
    }

    /// Entries in slot order (deterministic for given contents and insertion history).
    func forEach(_ body: (UInt64, Value) -> Void) {
        let size = entries.count
        withEntries { e in
            for i in 0..<size where e[i].key != 0 { body(e[i].key, e[i].value!) }
        }
    }

    /// Mutates every value in place, in slot order.
    mutating func modifyEach(_ body: (inout Value) -> Void) {
        entries.withUnsafeMutableBufferPointer { e in
            for i in e.indices where e[i].key != 0 { body(&e[i].value!) }
        }
    }

    /// The entries whose value `keep` accepts, in a table sized for them (a pruned table gives its memory back).
    func filter(_ keep: (Value) -> Bool) -> TermMap {
        var kept = 0
        forEach { _, v in if keep(v) { kept += 1 } }
        var out = TermMap(expectedCount: kept)
        forEach { k, v in if keep(v) { out[k] = v } }
        return out
    }
}

extension TermMap: Sendable where Value: Sendable {}
extension TermMap.Entry: Sendable where Value: Sendable {}
extension TermMap: Equatable where Value: Equatable {
    static func == (a: TermMap, b: TermMap) -> Bool {
        guard a.count == b.count else { return false }
        var equal = true
        a.forEach { k, v in if equal && b[k] != v { equal = false } }
        return equal
    }
}
extension TermMap: Hashable where Value: Hashable {
    func hash(into hasher: inout Hasher) { hasher.combine(count) }
}
