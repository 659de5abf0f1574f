/// The window's items by sequence number. Sequence numbers only grow and items leave roughly oldest first, so an
/// array with a moving base replaces a hash map: lookups are an index, and iteration is in sequence order.
/// What the candidate filter reads of every item it touches, kept in flat columns beside the items: reading it
/// never copies an item (which would retain each of its arrays).
protocol SlotItem {
    var time: Double { get }
    var storyID: Int64 { get }
}

struct ItemSlots<Item: SlotItem> {
    private var slots: [Item?] = []
    /// Per slot: whether it holds an item, and its time and story (valid only where it does). One flat column
    /// read together (one cache miss, not one per field); testing the slot itself would read a line of the item.
    private struct Meta {
        var time: Double
        var storyID: Int64
        var live: Bool
    }
    private var metas: [Meta] = []
    private var base = 0
    private(set) var count = 0

    /// The item, or nil. Reads borrow the slot (no copy of the item's arrays for a field look-up).
    subscript(_ seq: Int) -> Item? {
        _read {
            let i = seq - base
            yield i >= 0 && i < slots.count ? slots[i] : nil
        }
        set {
            let i = seq - base
            precondition(i >= 0, "sequence number below the window")
            while slots.count <= i { slots.append(nil); metas.append(Meta(time: 0, storyID: 0, live: false)) }
            if slots[i] == nil, newValue != nil { count += 1 } else if slots[i] != nil, newValue == nil { count -= 1 }
            slots[i] = newValue
            metas[i].live = newValue != nil
            if let newValue { metas[i].time = newValue.time; metas[i].storyID = newValue.storyID }
        }
    }

    /// Mutates an item in place.
    mutating func modify(_ seq: Int, _ body: (inout Item) -> Void) {
        let i = seq - base
        guard i >= 0, i < slots.count, slots[i] != nil else { return }
        body(&slots[i]!)
        metas[i].time = slots[i]!.time
        metas[i].storyID = slots[i]!.storyID
    }

    /// Calls `body` with the item borrowed in place, nil when the slot is empty: binding `items[seq]!` to a
    /// constant copies the item (a retain and release of each of its arrays and strings), which the hot loops
    /// of `decide` cannot afford.
    @inline(__always)
    func read<R>(_ seq: Int, _ body: (borrowing Item) -> R) -> R? {
        let i = seq - base
        guard i >= 0 && i < slots.count else { return nil }
        return slots.withUnsafeBufferPointer { buffer -> R? in
            guard metas[i].live else { return nil }
            return body(buffer[i].unsafelyUnwrapped)
        }
    }

    /// Sequence numbers the slots cover (live or not): `firstSequenceNumber ..< endSequenceNumber`.
    var firstSequenceNumber: Int { base }
    var endSequenceNumber: Int { base + slots.count }

    /// The item's time and story without touching the item, nil when the slot is empty.
    @inline(__always)
    func meta(_ seq: Int) -> (time: Double, storyID: Int64)? {
        let i = seq - base
        guard i >= 0 && i < slots.count else { return nil }
        return metas.withUnsafeBufferPointer { metas in metas[i].live ? (metas[i].time, metas[i].storyID) : nil }
    }

    mutating func remove(_ seq: Int) -> Item? {
        let item = self[seq]
        if item != nil { self[seq] = nil }
        return item
    }

    /// Live sequence numbers, ascending.
    var sequenceNumbers: [Int] {
        metas.indices.compactMap { metas[$0].live ? base + $0 : nil }
    }

    /// Drops the evicted prefix so memory follows the window, not the history.
    mutating func compact() {
        guard let first = metas.firstIndex(where: { $0.live }) else {
            base += slots.count
            slots.removeAll(keepingCapacity: true)
            metas.removeAll(keepingCapacity: true)
            return
        }
        if first > 0 {
            slots.removeFirst(first)
            metas.removeFirst(first)
            base += first
        }
    }
}
