/// Where the XML really begins: real feeds put whitespace, a byte order mark, PHP warnings or comments before
/// `<?xml`, which makes the declaration illegal. The document is read from the declaration on, else from the first `<`.
enum XMLStart {
    /// Offset of `<?xml` followed by white space, within the first bytes.
    static func declarationOffset(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        let limit = min(b.count, ParseLimits.maxLeadingJunk)
        var i = 0
        while i + 5 < limit {
            if b[i] == UInt8(ascii: "<"), b[i + 1] == UInt8(ascii: "?"), b[i + 2] | 0x20 == UInt8(ascii: "x"),
               b[i + 3] | 0x20 == UInt8(ascii: "m"), b[i + 4] | 0x20 == UInt8(ascii: "l") {
                let next = b[i + 5]
                if next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D { return i }
            }
            i += 1
        }
        return nil
    }

    /// Offset to start reading at (UTF-8 or ASCII-compatible bytes), or nil when there is no markup at all.
    static func offset(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        if let decl = declarationOffset(b) { return decl }
        let limit = min(b.count, ParseLimits.maxLeadingJunk)
        var i = 0
        while i < limit {
            if b[i] == UInt8(ascii: "<") { return i }
            i += 1
        }
        return nil
    }
}
