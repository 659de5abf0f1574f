/// An open-addressing hash map from term hashes to values. Term hashes are already uniformly mixed (see
/// `TermHash`), so the map uses their low bits directly instead of paying for `Hasher` (SipHash) on every lookup:
/// the hot paths look up every term of every item. Iteration order is a function of the contents only.
struct TermMap<Value> {
    private var keys: [UInt64]
    private var values: [Value?]
    private(set) var count = 0
    private var mask: Int

    init(capacity: Int = 8) {
        var size = 8
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Value?](repeating: nil, count: size)
        mask = size - 1
    }

    /// 0 marks an empty slot; the (astronomically rare) term hash 0 is stored as 1.
    @inline(__always) private static func key(_ k: UInt64) -> UInt64 { k == 0 ? 1 : k }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        var i = Int(truncatingIfNeeded: key) & mask
        while true {
            let k = keys[i]
            if k == key || k == 0 { return i }
            i = (i + 1) & mask
        }
    }

    subscript(_ term: UInt64) -> Value? {
        get {
            let i = slot(Self.key(term))
            return keys[i] == 0 ? nil : values[i]
        }
        set {
            let key = Self.key(term)
            let i = slot(key)
            if keys[i] == 0 {
                guard let newValue else { return }
                keys[i] = key
                values[i] = newValue
                count += 1
                if count * 4 > keys.count * 3 { grow() }
            } else if let newValue {
                values[i] = newValue
            } else {
                remove(at: i)
            }
        }
    }

    /// Calls `body` with the value borrowed in place (no copy of a large value such as a postings list).
    @inline(__always)
    func read(_ term: UInt64, _ body: (borrowing Value) -> Void) {
        let i = slot(Self.key(term))
        guard keys[i] != 0 else { return }
        values.withUnsafeBufferPointer { buffer in
            if let value = buffer[i] { body(value) }
        }
    }

    /// Adds `delta` to the value (starting from `zero`).
    @inline(__always)
    mutating func add(_ term: UInt64, _ delta: Value, zero: Value, _ plus: (Value, Value) -> Value) {
        let key = Self.key(term)
        let i = slot(key)
        if keys[i] == 0 {
            keys[i] = key
            values[i] = plus(zero, delta)
            count += 1
            if count * 4 > keys.count * 3 { grow() }
        } else {
            values[i] = plus(values[i]!, delta)
        }
    }

    /// Mutates the value in place (starting from `initial` when absent): no copy of a large value (a postings list).
    @inline(__always)
    mutating func update(_ term: UInt64, initial: @autoclosure () -> Value, _ body: (inout Value) -> Void) {
        let key = Self.key(term)
        var i = slot(key)
        if keys[i] == 0 {
            keys[i] = key
            values[i] = initial()
            count += 1
            if count * 4 > keys.count * 3 { grow(); i = slot(key) }
        }
        body(&values[i]!)
    }

    /// Backward-shift deletion keeps probe chains intact without tombstones.
    private mutating func remove(at index: Int) {
        var i = index
        var j = index
        keys[i] = 0
        values[i] = nil
        count -= 1
        while true {
            j = (j + 1) & mask
            if keys[j] == 0 { return }
            let home = Int(truncatingIfNeeded: keys[j]) & mask
            // Move keys[j] into the hole at i unless its home lies cyclically in (i, j].
            let between = i <= j ? (home > i && home <= j) : (home > i || home <= j)
            if between { continue }
            keys[i] = keys[j]
            values[i] = values[j]
            keys[j] = 0
            values[j] = nil
            i = j
        }
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Value?](repeating: nil, count: oldKeys.count * 2)
        mask = keys.count - 1
        count = 0
        for i in oldKeys.indices where oldKeys[i] != 0 { self[oldKeys[i]] = oldValues[i] }
    }

    /// Entries in slot order (deterministic for given contents and insertion history).
    func forEach(_ body: (UInt64, Value) -> Void) {
        for i in keys.indices where keys[i] != 0 { body(keys[i], values[i]!) }
    }

    func filter(_ keep: (Value) -> Bool) -> TermMap {
        var out = TermMap(capacity: count)
        forEach { k, v in if keep(v) { out[k] = v } }
        return out
    }
}

extension TermMap: Sendable where Value: Sendable {}
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
