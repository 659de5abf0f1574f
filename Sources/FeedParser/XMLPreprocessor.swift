import FeedModel

/// One pass over the bytes before libxml2 sees them, fixing what its recover mode would silently lose:
/// - HTML named entities (`&eacute;`, `&nbsp;`...) become numeric references; a bare `&` becomes `&amp;`;
///   numeric references to windows-1252 code points (`&#146;`) become the characters browsers show for them.
/// - Bytes that are not valid UTF-8 are read as windows-1252 (or all high bytes, for a windows-1252 document).
/// - Control characters XML forbids are dropped.
/// - The DOCTYPE is removed, with its internal subset: no entity a document declares is ever expanded
///   (no XXE, no entity bombs); references to such entities are dropped.
/// CDATA sections, comments and processing instructions are copied untouched apart from the byte repairs.
struct XMLPreprocessor {
    enum Mode {
        /// Validate UTF-8; invalid sequences are windows-1252 bytes.
        case utf8Repair
        /// Every byte >= 0x80 is windows-1252.
        case windows1252
        /// Another ASCII-compatible encoding that libxml2 decodes: high bytes are left alone.
        case passthrough
    }

    private enum State { case text, cdata, comment, processingInstruction }

    /// The repaired bytes, or nil when nothing needed repair (the input can be parsed as it is).
    static func process(_ p: UnsafeBufferPointer<UInt8>, mode: Mode) -> [UInt8]? {
        var out: [UInt8] = []
        let n = p.count
        var i = 0
        var run = 0  // start of the bytes not yet copied to `out`
        var state = State.text

        @inline(__always) func flush(_ upTo: Int) {
            if out.capacity == 0 { out.reserveCapacity(n + n / 32 + 16) }
            if upTo > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[run..<upTo])) }
        }

        let repairsUTF8 = mode == .utf8Repair
        guard let base = p.baseAddress else { return nil }
        while i < n {
            // Tight loop over ordinary bytes, valid UTF-8 sequences included; eight ASCII bytes at a time when
            // none of them is special (SWAR: high bit, below 0x20, or the state's own delimiters).
            let (s1, s2): (UInt8, UInt8)
            switch state {
            case .text: (s1, s2) = (0x26, 0x3C)  // & <
            case .cdata: (s1, s2) = (0x5D, 0x5D)  // ]
            case .comment: (s1, s2) = (0x2D, 0x2D)  // -
            case .processingInstruction: (s1, s2) = (0x3F, 0x3F)  // ?
            }
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            let m1 = ones &* UInt64(s1), m2 = ones &* UInt64(s2)
            while i < n {
                if i + 8 <= n {
                    // Zero-byte tests with rare false positives (they only send a chunk to the byte loop below).
                    let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    let control = (x &- ones &* 0x20) & ~x & highs
                    let a = x ^ m1, b = x ^ m2
                    let special = (x & highs) | control | ((a &- ones) & ~a & highs) | ((b &- ones) & ~b & highs)
                    if special == 0 { i += 8; continue }
                }
                let c = p[i]
                if c >= 0x20, c < 0x80, c != s1, c != s2 { i += 1; continue }
                if c == 0x09 || c == 0x0A || c == 0x0D { i += 1; continue }
                if c >= 0x80, repairsUTF8 {
                    let len = UTF8Bytes.validSequenceLength(p, i)
                    if len > 0 { i += len; continue }
                }
                break
            }
            if i == n { break }
            let b = p[i]
            if b >= 0x80 {
                switch mode {
                case .passthrough:
                    i += 1
                case .utf8Repair:
                    let len = UTF8Bytes.validSequenceLength(p, i)
                    if len > 0 { i += len; continue }
                    flush(i)
                    Windows1252.appendUTF8(of: b, to: &out)
                    i += 1
                    run = i
                case .windows1252:
                    flush(i)
                    Windows1252.appendUTF8(of: b, to: &out)
                    i += 1
                    run = i
                }
                continue
            }
            if b < 0x20 {
                if b == 0x09 || b == 0x0A || b == 0x0D { i += 1; continue }
                flush(i)
                i += 1
                run = i
                continue
            }
            switch state {
            case .text:
                if b == UInt8(ascii: "&") {
                    // `&lt;`, `&amp;`, `&#8217;`...: fine as they are, and very common in escaped HTML.
                    if let length = keptReferenceLength(p, at: i) { i += length; continue }
                    flush(i)
                    i = rewriteReference(p, at: i, into: &out)
                    run = i
                } else if b == UInt8(ascii: "<") {
                    if matches(p, i, "<![CDATA[") {
                        state = .cdata
                        i += 9
                    } else if matches(p, i, "<!--") {
                        state = .comment
                        i += 4
                    } else if i + 1 < n, p[i + 1] == UInt8(ascii: "?") {
                        state = .processingInstruction
                        i += 2
                    } else if matchesCaseInsensitive(p, i, "<!DOCTYPE") {
                        flush(i)
                        i = endOfDoctype(p, from: i + 9)
                        run = i
                    } else {
                        i += 1
                    }
                } else {
                    i += 1
                }
            case .cdata:
                if b == UInt8(ascii: "]"), matches(p, i, "]]>") { state = .text; i += 3 } else { i += 1 }
            case .comment:
                if b == UInt8(ascii: "-"), matches(p, i, "-->") { state = .text; i += 3 } else { i += 1 }
            case .processingInstruction:
                if b == UInt8(ascii: "?"), i + 1 < n, p[i + 1] == UInt8(ascii: ">") { state = .text; i += 2 } else { i += 1 }
            }
        }
        if run == 0, out.isEmpty { return nil }
        flush(n)
        return out
    }

    /// Length of the reference at `p[i]` (`&`) when libxml2 can take it unchanged: one of XML's five named entities,
    /// or a numeric reference to an XML character outside windows-1252's remapped range.
    @inline(__always)
    private static func keptReferenceLength(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let n = p.count
        guard i + 3 < n else { return nil }
        let c1 = p[i + 1]
        if c1 == UInt8(ascii: "#") {
            var j = i + 2
            var value: UInt32 = 0
            let hex = j < n && p[j] | 0x20 == UInt8(ascii: "x")
            if hex { j += 1 }
            let start = j
            while j < n, j - start < 7 {
                let c = p[j]
                if c >= 0x30 && c <= 0x39 { value = value &* (hex ? 16 : 10) &+ UInt32(c - 0x30) }
                else if hex, c | 0x20 >= 0x61, c | 0x20 <= 0x66 { value = value &* 16 &+ UInt32(c | 0x20) - 0x61 + 10 }
                else { break }
                j += 1
            }
            guard j > start, j < n, p[j] == UInt8(ascii: ";"), !(value >= 0x80 && value < 0xA0), isXMLChar(value)
            else { return nil }
            return j + 1 - i
        }
        let end = min(n, i + 6)
        var j = i + 1
        while j < end, p[j] != UInt8(ascii: ";") { j += 1 }
        guard j < end, p[j] == UInt8(ascii: ";"), j > i + 1 else { return nil }
        return isXMLPredefined(UnsafeBufferPointer(rebasing: p[(i + 1)..<j])) ? j + 1 - i : nil
    }

    /// `p[i]` is `&`: writes what the reference should be and returns the index after what was consumed.
    private static func rewriteReference(_ p: UnsafeBufferPointer<UInt8>, at i: Int, into out: inout [UInt8]) -> Int {
        let n = p.count
        var j = i + 1
        if j < n, p[j] == UInt8(ascii: "#") {
            j += 1
            var hex = false
            if j < n, p[j] | 0x20 == UInt8(ascii: "x") { hex = true; j += 1 }
            let digitsStart = j
            var value: UInt32 = 0
            while j < n, j - digitsStart < 8 {
                let c = p[j]
                let digit: UInt32
                if c >= 0x30 && c <= 0x39 { digit = UInt32(c - 0x30) }
                else if hex, c | 0x20 >= 0x61, c | 0x20 <= 0x66 { digit = UInt32(c | 0x20) - 0x61 + 10 }
                else { break }
                value = value * (hex ? 16 : 10) + digit
                j += 1
            }
            guard j > digitsStart, j < n, p[j] == UInt8(ascii: ";") else {
                appendASCII("&amp;", to: &out)
                return i + 1
            }
            if value >= 0x80 && value < 0xA0 { value = Windows1252.scalar(UInt8(value)) }
            if isXMLChar(value) { appendNumericReference(value, to: &out) }
            return j + 1  // a reference to a character XML forbids is dropped
        }
        let nameStart = j
        while j < n, j - nameStart < 40, isNameByte(p[j]) { j += 1 }
        guard j > nameStart, j < n, p[j] == UInt8(ascii: ";"), isLetter(p[nameStart]) else {
            appendASCII("&amp;", to: &out)
            return i + 1
        }
        let name = UnsafeBufferPointer(rebasing: p[nameStart..<j])
        if isXMLPredefined(name) {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: p[i...j]))
        } else if let scalars = HTMLEntities.lookup(name) {
            for s in scalars { appendNumericReference(s, to: &out) }
        }
        // Unknown names (and entities a stripped DOCTYPE declared) mean nothing: dropped, as libxml2 would.
        return j + 1
    }

    /// Skips `<!DOCTYPE ...>` including an internal subset `[...]` with its quoted strings and comments.
    private static func endOfDoctype(_ p: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        var bracket = 0
        var quote: UInt8 = 0
        while i < p.count {
            let c = p[i]
            if quote != 0 {
                if c == quote { quote = 0 }
            } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                quote = c
            } else if c == UInt8(ascii: "<"), matches(p, i, "<!--") {
                var k = i + 4
                while k < p.count, !matches(p, k, "-->") { k += 1 }
                i = k + 2
            } else if c == UInt8(ascii: "[") {
                bracket += 1
            } else if c == UInt8(ascii: "]") {
                bracket = max(0, bracket - 1)
            } else if c == UInt8(ascii: ">"), bracket == 0 {
                return i + 1
            }
            i += 1
        }
        return p.count
    }

    @inline(__always) private static func isXMLChar(_ v: UInt32) -> Bool {
        v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD)
            || (v >= 0x10000 && v <= 0x10FFFF)
    }

    @inline(__always) private static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    @inline(__always) private static func isNameByte(_ c: UInt8) -> Bool { isLetter(c) || (c >= 0x30 && c <= 0x39) }

    private static func isXMLPredefined(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        switch name.count {
        case 2: return (name[0] == UInt8(ascii: "l") || name[0] == UInt8(ascii: "g")) && name[1] == UInt8(ascii: "t")
        case 3: return name[0] == UInt8(ascii: "a") && name[1] == UInt8(ascii: "m") && name[2] == UInt8(ascii: "p")
        case 4:
            return (name[0] == UInt8(ascii: "q") && name[1] == UInt8(ascii: "u") && name[2] == UInt8(ascii: "o") && name[3] == UInt8(ascii: "t"))
                || (name[0] == UInt8(ascii: "a") && name[1] == UInt8(ascii: "p") && name[2] == UInt8(ascii: "o") && name[3] == UInt8(ascii: "s"))
        default: return false
        }
    }

    private static func appendNumericReference(_ v: UInt32, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "&"))
        out.append(UInt8(ascii: "#"))
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = v
        withUnsafeMutableBytes(of: &digits) { d in
            repeat { d[count] = UInt8(48 + rest % 10); rest /= 10; count += 1 } while rest > 0
            while count > 0 { count -= 1; out.append(d[count]) }
        }
        out.append(UInt8(ascii: ";"))
    }

    private static func appendASCII(_ s: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    @inline(__always) static func matches(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ s: StaticString) -> Bool {
        let count = s.utf8CodeUnitCount
        guard i + count <= p.count else { return false }
        let base = s.utf8Start
        for k in 0..<count where p[i + k] != base[k] { return false }
        return true
    }

    private static func matchesCaseInsensitive(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ s: StaticString) -> Bool {
        let count = s.utf8CodeUnitCount
        guard i + count <= p.count else { return false }
        let base = s.utf8Start
        for k in 0..<count where p[i + k] | 0x20 != base[k] | 0x20 { return false }
        return true
    }
}
