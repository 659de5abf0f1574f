/// UTF-16/UTF-32 documents become UTF-8 before anything else looks at them (the rest of the pipeline is byte-based
/// and ASCII-compatible). Unpaired surrogates and invalid scalars become U+FFFD rather than failing.
enum WideTranscoder {
    static func utf8(from b: UnsafeBufferPointer<UInt8>, encoding: DocumentEncoding) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        switch encoding {
        case .utf16LE, .utf16BE:
            let big = encoding == .utf16BE
            var units: [UInt16] = []
            units.reserveCapacity(b.count / 2)
            var i = 0
            while i + 1 < b.count {
                units.append(big ? UInt16(b[i]) << 8 | UInt16(b[i + 1]) : UInt16(b[i + 1]) << 8 | UInt16(b[i]))
                i += 2
            }
            var iterator = units.makeIterator()
            var decoder = UTF16()
            loop: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let s): UTF8Bytes.append(s.value, to: &out)
                case .error: UTF8Bytes.append(0xFFFD, to: &out)
                case .emptyInput: break loop
                }
            }
        case .utf32LE, .utf32BE:
            let big = encoding == .utf32BE
            var i = 0
            while i + 3 < b.count {
                let v = big
                    ? UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3])
                    : UInt32(b[i + 3]) << 24 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 1]) << 8 | UInt32(b[i])
                UTF8Bytes.append(Unicode.Scalar(v) != nil ? v : 0xFFFD, to: &out)
                i += 4
            }
        default:
            out.append(contentsOf: b)
        }
        return out
    }
}
