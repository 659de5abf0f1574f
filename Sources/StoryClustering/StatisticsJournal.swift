import Foundation

/// What changed the term statistics since they were last saved, in order: each item counted (its distinct terms
/// and feed) and each refresh of the weighting table. A daemon cycle counts a few dozen items into statistics of
/// hundreds of thousands of terms; saving this record (a few hundred bytes an item) instead of the whole snapshot
/// keeps a cycle's write small, and replaying it on a saved snapshot (`TermStatistics.replay`) repeats exactly the
/// operations the running engine made, so a restarted engine holds the same statistics.
///
/// Bytes, little-endian: per operation a tag (0 an item without feed, 1 an item with its feed as 8 bytes, 2 a
/// refresh), then for an item its term count (4 bytes) and its terms (8 bytes each).
public struct StatisticsJournal: Sendable, Hashable {
    public private(set) var data = Data()
    /// Items recorded.
    public private(set) var itemCount = 0
    /// The operations `init(data:)` parsed while checking the bytes, kept for `replay`: a restart parses each saved
    /// entry once. Nil for a journal being recorded.
    private var parsed: [Operation]? = nil

    enum Operation: Equatable {
        case add(terms: [UInt64], feed: Int64?)
        case refresh
    }

    private enum Tag: UInt8 {
        case item = 0, itemOfFeed = 1, refresh = 2
    }

    public init() {}

    /// A journal read back from `data`; throws `StatisticsJournal.Malformed` naming the offset where it breaks.
    public init(data: Data) throws {
        self.data = data
        let operations = try Self.operations(in: data)
        itemCount = operations.count { if case .add = $0 { true } else { false } }
        parsed = operations
    }

    /// Equal journals record the same bytes (what was parsed from them follows).
    public static func == (a: Self, b: Self) -> Bool { a.data == b.data }
    public func hash(into hasher: inout Hasher) { hasher.combine(data) }

    public struct Malformed: Error, CustomStringConvertible {
        public var offset: Int
        public var reason: String
        public var description: String { "statistics journal malformed at byte \(offset): \(reason)" }
    }

    public var isEmpty: Bool { data.isEmpty }

    mutating func recordAdd(_ terms: [UInt64], feed: Int64?) {
        parsed = nil
        if let feed {
            data.append(Tag.itemOfFeed.rawValue)
            append(UInt64(bitPattern: feed))
        } else {
            data.append(Tag.item.rawValue)
        }
        withUnsafeBytes(of: UInt32(terms.count).littleEndian) { data.append(contentsOf: $0) }
        for term in terms { append(term) }
        itemCount += 1
    }

    mutating func recordRefresh() {
        parsed = nil
        data.append(Tag.refresh.rawValue)
    }

    private mutating func append(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }

    /// The recorded operations in order.
    func operations() throws -> [Operation] { try parsed ?? Self.operations(in: data) }

    private static func operations(in data: Data) throws -> [Operation] {
        var out: [Operation] = []
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var offset = 0
            func read<T: FixedWidthInteger>(_: T.Type, _ what: String) throws -> T {
                guard offset + MemoryLayout<T>.size <= raw.count else {
                    throw Malformed(offset: offset, reason: "cut short in \(what)")
                }
                defer { offset += MemoryLayout<T>.size }
                return T(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: T.self))
            }
            while offset < raw.count {
                let at = offset
                guard let tag = Tag(rawValue: try read(UInt8.self, "a tag")) else {
                    throw Malformed(offset: at, reason: "unknown operation \(raw[at])")
                }
                switch tag {
                case .refresh:
                    out.append(.refresh)
                case .item, .itemOfFeed:
                    let feed = tag == .itemOfFeed ? Int64(bitPattern: try read(UInt64.self, "a feed")) : nil
                    let count = Int(try read(UInt32.self, "a term count"))
                    guard count * 8 <= raw.count - offset else {
                        throw Malformed(offset: offset, reason: "\(count) terms announced, fewer present")
                    }
                    var terms: [UInt64] = []
                    terms.reserveCapacity(count)
                    for _ in 0..<count { terms.append(try read(UInt64.self, "a term")) }
                    out.append(.add(terms: terms, feed: feed))
                }
            }
        }
        return out
    }
}
