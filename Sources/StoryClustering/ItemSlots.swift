/// The window's items by sequence number. Sequence numbers only grow and items leave roughly oldest first, so an
/// array with a moving base replaces a hash map: lookups are an index, and iteration is in sequence order.
struct ItemSlots<Item> {
    private var slots: [Item?] = []
    private var base = 0
    private(set) var count = 0

    subscript(_ seq: Int) -> Item? {
        get {
            let i = seq - base
            return i >= 0 && i < slots.count ? slots[i] : nil
        }
        set {
            let i = seq - base
            precondition(i >= 0, "sequence number below the window")
            while slots.count <= i { slots.append(nil) }
            if slots[i] == nil, newValue != nil { count += 1 } else if slots[i] != nil, newValue == nil { count -= 1 }
            slots[i] = newValue
        }
    }

    /// Mutates an item in place.
    mutating func modify(_ seq: Int, _ body: (inout Item) -> Void) {
        let i = seq - base
        guard i >= 0, i < slots.count, slots[i] != nil else { return }
        body(&slots[i]!)
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
            return
        }
        if first > 0 {
            slots.removeFirst(first)
            base += first
        }
    }
}
