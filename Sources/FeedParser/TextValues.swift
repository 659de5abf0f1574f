import FeedHTML
import FeedModel

/// Field values as the output contract wants them.
enum TextValues {
    /// A title as plain text: HTML titles lose their tags and entities; white space is collapsed.
    static func title(_ raw: String, kind: TextKind) -> String? {
        let text: String
        if kind == .text || !raw.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }) {
            text = collapseWhitespace(raw)
        } else {
            text = HTMLText.plainText(fromHTML: raw)
        }
        return text.isEmpty ? nil : text
    }

    /// An RSS `<author>`: "jane@example.com (Jane Doe)", "Jane Doe <jane@example.com>", a bare address or a name.
    static func person(_ raw: String) -> (name: String?, email: String?) {
        let text = TextNormalization.collapseWhitespace(raw)
        guard !text.isEmpty else { return (nil, nil) }
        if let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close {
            let inner = text[text.index(after: open)..<close].trimmingASCIISpaces()
            let outer = text[..<open].trimmingASCIISpaces()
            if outer.contains("@") { return (inner.isEmpty ? nil : inner, outer) }
        }
        if let open = text.firstIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close {
            let inner = text[text.index(after: open)..<close].trimmingASCIISpaces()
            let outer = text[..<open].trimmingASCIISpaces().trimmingCharacters(in: ["\""])
            if inner.contains("@") { return (outer.isEmpty ? nil : outer, inner) }
        }
        if text.contains("@"), !text.contains(" ") { return (nil, text.hasPrefix("mailto:") ? String(text.dropFirst(7)) : text) }
        return (text, nil)
    }

    static func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : s }

    /// `TextNormalization.collapseWhitespace` (Unicode white space, ZWSP and BOM count as space), over UTF-8 bytes:
    /// clean ASCII text comes back as it is, and Unicode properties are looked up only for the few lead bytes that
    /// can start a white-space scalar.
    static func collapseWhitespace(_ s: String) -> String {
        var previousSpace = true
        var clean = true
        for b in s.utf8 {
            if b >= 0x80 || b < 0x20 || (b == 0x20 && previousSpace) { clean = false; break }
            previousSpace = b == 0x20
        }
        if clean, !previousSpace || s.isEmpty { return s }
        var s = s
        let bytes: [UInt8] = s.withUTF8 { p in
            var out: [UInt8] = []
            out.reserveCapacity(p.count)
            var pending = false
            var i = 0
            let n = p.count
            while i < n {
                let b = p[i]
                var length = 1
                var isSpace = false
                if b < 0x80 {
                    isSpace = b == 0x20 || (b >= 0x09 && b <= 0x0D) || (b >= 0x1C && b <= 0x1F)
                } else {
                    length = min(b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2, n - i)
                    // U+0085, U+00A0, U+1680, U+2000...U+3000, U+FEFF start with one of these bytes.
                    if b == 0xC2 || b == 0xE1 || b == 0xE2 || b == 0xE3 || b == 0xEF {
                        var decoder = UTF8()
                        var iterator = UnsafeBufferPointer(rebasing: p[i..<(i + length)]).makeIterator()
                        if case .scalarValue(let scalar) = decoder.decode(&iterator) {
                            isSpace = scalar.properties.isWhitespace || scalar == "\u{200B}" || scalar == "\u{FEFF}"
                        }
                    }
                }
                if isSpace {
                    pending = !out.isEmpty
                } else {
                    if pending { out.append(0x20); pending = false }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: p[i..<(i + length)]))
                }
                i += length
            }
            return out
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
