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
    /// Per slot: the item's time and story (valid only where the slot holds an item).
    private var times: [Double] = []
    private var storyIDs: [Int64] = []
    /// Per slot: whether it holds an item. A flat column: testing the slot itself reads a cache line of the item.
    private var live: [Bool] = []
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
            while slots.count <= i { slots.append(nil); times.append(0); storyIDs.append(0); live.append(false) }
            if slots[i] == nil, newValue != nil { count += 1 } else if slots[i] != nil, newValue == nil { count -= 1 }
            slots[i] = newValue
            live[i] = newValue != nil
            if let newValue { times[i] = newValue.time; storyIDs[i] = newValue.storyID }
        }
    }

    /// Mutates an item in place.
    mutating func modify(_ seq: Int, _ body: (inout Item) -> Void) {
        let i = seq - base
        guard i >= 0, i < slots.count, slots[i] != nil else { return }
        body(&slots[i]!)
        times[i] = slots[i]!.time
        storyIDs[i] = slots[i]!.storyID
    }

    /// Calls `body` with the item borrowed in place, nil when the slot is empty: binding `items[seq]!` to a
    /// constant copies the item (a retain and release of each of its arrays and strings), which the hot loops
    /// of `decide` cannot afford.
    @inline(__always)
    func read<R>(_ seq: Int, _ body: (borrowing Item) -> R) -> R? {
        let i = seq - base
        guard i >= 0 && i < slots.count else { return nil }
        return slots.withUnsafeBufferPointer { buffer -> R? in
            guard buffer[i] != nil else { return nil }
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
        return live[i] ? (times[i], storyIDs[i]) : nil
    }

    mutating func remove(_ seq: Int) -> Item? {
        let item = self[seq]
        if item != nil { self[seq] = nil }
        return item
    }

    /// Live sequence numbers, ascending.
    var sequenceNumbers: [Int] {
        slots.indices.compactMap { slots[$0] == nil ? nil : base + $0 }
    }

    /// Drops the evicted prefix so memory follows the window, not the history.
    mutating func compact() {
        guard let first = slots.firstIndex(where: { $0 != nil }) else {
            base += slots.count
            slots.removeAll(keepingCapacity: true)
            times.removeAll(keepingCapacity: true)
            storyIDs.removeAll(keepingCapacity: true)
            live.removeAll(keepingCapacity: true)
            return
        }
        if first > 0 {
            slots.removeFirst(first)
            times.removeFirst(first)
            storyIDs.removeFirst(first)
            live.removeFirst(first)
            base += first
        }
    }
}
