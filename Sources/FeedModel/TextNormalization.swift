/// Small text clean-ups every stage agrees on.
public enum TextNormalization {
    /// Runs of white space (including non-breaking and zero-width spaces) become one space; ends trimmed.
    /// Works on UTF-8 bytes: it runs over every entry's text, and Unicode property look-ups per scalar cost
    /// more than the rest of the pipeline together.
    public static func collapseWhitespace(_ text: String) -> String {
        // Most fields are clean ASCII already (single inner spaces, no control characters): returned as they are.
        var previousSpace = true
        var clean = true
        for byte in text.utf8 {
            if byte >= 0x80 || byte < 0x20 || (byte == 0x20 && previousSpace) { clean = false; break }
            previousSpace = byte == 0x20
        }
        if clean, !previousSpace || text.isEmpty { return text }
        var text = text
        return text.withUTF8 { bytes -> String in
            let count = bytes.count
            var out = [UInt8]()
            out.reserveCapacity(count)
            var pendingSpace = false
            var i = 0
            while i < count {
                let byte = bytes[i]
                let space = byte < 0x80
                    ? (byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) ? 1 : 0)
                    : whitespaceLength(bytes, at: i)
                if space > 0 {
                    pendingSpace = !out.isEmpty
                    i += space
                    continue
                }
                if pendingSpace {
                    out.append(0x20)
                    pendingSpace = false
                }
                out.append(byte)
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The byte length of the non-ASCII white-space character at `i` (Unicode White_Space, plus the zero-width
    /// space and the byte-order mark, which feeds use as spaces), or 0.
    private static func whitespaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b0 = bytes[i]
        guard i + 1 < bytes.count else { return 0 }
        let b1 = bytes[i + 1]
        if b0 == 0xC2 { return b1 == 0x85 || b1 == 0xA0 ? 2 : 0 }
        guard i + 2 < bytes.count else { return 0 }
        let b2 = bytes[i + 2]
        switch (b0, b1) {
        case (0xE1, 0x9A): return b2 == 0x80 ? 3 : 0                                      // U+1680
        case (0xE2, 0x80): return (0x80...0x8B).contains(b2) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF ? 3 : 0
        case (0xE2, 0x81): return b2 == 0x9F ? 3 : 0                                      // U+205F
        case (0xE3, 0x80): return b2 == 0x80 ? 3 : 0                                      // U+3000
        case (0xEF, 0xBB): return b2 == 0xBF ? 3 : 0                                      // U+FEFF
        default: return 0
        }
    }

    /// Whether `text` has more than `limit` characters, walking at most `limit` of them (`count` walks them all:
    /// grapheme by grapheme through a whole article).
    public static func exceeds(_ text: String, characters limit: Int) -> Bool {
        if text.utf8.count <= limit { return false }  // a character takes at least one byte
        return text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex).map { $0 != text.endIndex }
            ?? false
    }

    /// At most `limit` characters, cut at a word boundary with an ellipsis.
    public static func truncate(_ text: String, to limit: Int) -> String {
        guard exceeds(text, characters: limit) else { return text }
        let prefix = text.prefix(limit)
        let cut = prefix.lastIndex(of: " ").map { prefix[..<$0] } ?? prefix
        var trimmed = String(cut)
        while let last = trimmed.last, ",;:-–—".contains(last) { trimmed.removeLast() }
        return trimmed + ellipsis
    }

    /// What `truncate` ends a cut text with.
    public static let ellipsis = "…"
}
