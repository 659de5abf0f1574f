/// HTML5 named character references, looked up by the bytes of the name (without `&` and `;`).
enum HTMLEntities {
    private static let table: [[UInt8]: [UInt32]] = {
        var table: [[UInt8]: [UInt32]] = [:]
        table.reserveCapacity(2200)
        for line in HTMLEntityTable.source.utf8.split(separator: UInt8(ascii: "\n")) {
            let parts = line.split(separator: UInt8(ascii: " "), maxSplits: 1)
            guard parts.count == 2 else { continue }
            let scalars = parts[1].split(separator: UInt8(ascii: ",")).compactMap {
                UInt32(String(decoding: $0, as: UTF8.self), radix: 16)
            }
            table[Array(parts[0])] = scalars
        }
        return table
    }()

    static func lookup(_ name: UnsafeBufferPointer<UInt8>) -> [UInt32]? {
        table[Array(name)]
    }

    /// For tests and callers holding a String.
    static func lookup(_ name: String) -> [UInt32]? {
        table[Array(name.utf8)]
    }
}
