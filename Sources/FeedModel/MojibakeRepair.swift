/// Repairs UTF-8 text that was decoded as windows-1252 and encoded again somewhere upstream ("fÃ¥r" for "får",
/// "itâ€™s" for "it’s", "Â©" for "©"): common in real feeds, since a CMS stored one and its template declared
/// the other. A document-wide mislabel is caught before parsing (`EncodingSniffer`); this mends the text that
/// reached the parser already double-encoded, field by field.
///
/// It restores only sequences that decode to what such text is made of (Latin letters and symbols, Romanian
/// comma letters, Greek, Russian and Ukrainian, the punctuation block, emoji) and that real text does not
/// otherwise contain: a capital such as Ä or Ó followed straight by a symbol. Two things real text does contain
/// stay: German "ß“" and French "é »" (with its no-break space) keep their letters, which are no leads here.
public enum MojibakeRepair {
    /// Raise it when what the repair mends changes: a store re-keys its entries keyed by title (`FeedStore`).
    public static let revision = 1

    /// Whether `bytes` hold what every repair starts with: a lead character (U+00C2...U+00C6, U+00C8, U+00CB,
    /// U+00CE...U+00D1, U+00E2, U+00F0: 0xC3 and one byte) followed by a character that windows-1252 can have
    /// decoded (U+0080...U+00BF: 0xC2; its other characters: 0xC4...0xEF). Accented text ("é", "ü": 0xC3 and one
    /// byte, then mostly ASCII) fails it in one scan, without the repair's pass and allocation.
    public static func mayNeedRepair(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 4 else { return false }
        var i = 0
        let end = bytes.count - 3  // a lead's two bytes and a two-byte character at the least
        while i <= end {
            if bytes[i] == 0xC3, continuations(lead: bytes[i + 1] &+ 0x40) != nil {
                let next = bytes[i + 2]
                if next == 0xC2 || next >= 0xC4 && next < 0xF0 { return true }
            }
            i += 1
        }
        return false
    }

    /// Repairs `bytes` (valid UTF-8) in place; a text encoded twice over is repaired twice.
    public static func repair(_ bytes: inout [UInt8]) {
        for _ in 0 ..< 3 {
            guard bytes.withUnsafeBufferPointer(mayNeedRepair) else { return }
            guard let repaired = bytes.withUnsafeBufferPointer(repairedOnce) else { return }
            bytes = repaired
        }
    }

    public static func repair(_ text: String) -> String {
        // No copy for the text that needs nothing.
        guard text.utf8.withContiguousStorageIfAvailable(mayNeedRepair) ?? text.utf8.contains(0xC3) else {
            return text
        }
        var bytes = Array(text.utf8)
        let before = bytes.count
        repair(&bytes)
        return bytes.count == before ? text : String(decoding: bytes, as: UTF8.self)
    }

    /// One pass, nil when nothing was repaired.
    private static func repairedOnce(_ p: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var out: [UInt8]? = nil
        var copied = 0  // bytes of `p` before this are in `out`
        var i = 0
        var original = [UInt8](repeating: 0, count: 4)
        while i < p.count {
            guard p[i] == 0xC3, i + 1 < p.count, let needed = continuations(lead: p[i + 1] &+ 0x40) else {
                i += 1
                continue
            }
            // The characters after the lead, read back as the windows-1252 bytes they were decoded from.
            original[0] = p[i + 1] &+ 0x40
            var j = i + 2
            var ok = true
            for k in 1 ... needed {
                guard let (byte, length) = windows1252Byte(p, j), byte >= 0x80, byte < 0xC0 else { ok = false; break }
                original[k] = byte
                j += length
            }
            guard ok, isPlausible(original[0], original[1]) else {
                i += 1
                continue
            }
            if out == nil { out = []; out!.reserveCapacity(p.count) }
            out!.append(contentsOf: UnsafeBufferPointer(rebasing: p[copied ..< i]))
            out!.append(contentsOf: original[0 ... needed])
            copied = j
            i = j
        }
        guard var out else { return nil }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: p[copied...]))
        return out
    }

    /// How many continuation bytes follow a lead byte that mojibake is made of, nil for any other.
    private static func continuations(lead: UInt8) -> Int? {
        switch lead {
        case 0xC2 ... 0xC6, 0xC8, 0xCB, 0xCE, 0xCF, 0xD0, 0xD1: return 1
        case 0xE2: return 2
        case 0xF0: return 3
        default: return nil
        }
    }

    /// Whether the restored character is one that double-encoded text is made of.
    private static func isPlausible(_ lead: UInt8, _ second: UInt8) -> Bool {
        switch lead {
        // U+00A0...U+00BF (©, °, £, «, no-break space), and the C1 controls standing for the five bytes
        // windows-1252 leaves undefined: a text encoded twice over holds them encoded once more.
        case 0xC2: return second >= 0xA0 || [0x81, 0x8D, 0x8F, 0x90, 0x9D].contains(second)
        // ƒ, ˆ and ˜: windows-1252 characters themselves, met in a text encoded twice over once it is repaired once.
        case 0xC6: return second == 0x92
        case 0xCB: return second == 0x86 || second == 0x9C
        case 0xC8: return (0x98 ... 0x9B).contains(second)    // Romanian Ș ș Ț ț
        case 0xCE: return second >= 0x84                      // Greek
        case 0xD1: return second <= 0x9F                      // Cyrillic р...я, ё, є, і, ї, ў
        case 0xE2: return second <= 0x84                      // U+2000...U+213F: ’ “ ” – — … • € ™
        case 0xF0: return second == 0x9F                      // U+1F000...: emoji
        default: return true                                  // Latin-1 letters, Latin Extended-A, Greek, Cyrillic
        }
    }

    /// The windows-1252 byte whose decoding is the scalar at `i` (C1 controls stand for the five bytes
    /// windows-1252 leaves undefined), with the scalar's UTF-8 length; nil for a scalar windows-1252 cannot give.
    private static func windows1252Byte(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt8, Int)? {
        guard i < p.count else { return nil }
        let b0 = p[i]
        if b0 == 0xC2, i + 1 < p.count { return (p[i + 1], 2) }  // U+0080...U+00BF
        let length = b0 >= 0xE0 ? 3 : 2
        guard b0 >= 0xC4, b0 < 0xF0, i + length <= p.count else { return nil }
        var scalar = UInt32(b0 & (length == 3 ? 0x0F : 0x1F))
        for k in 1 ..< length { scalar = scalar << 6 | UInt32(p[i + k] & 0x3F) }
        guard let byte = Windows1252.byte(for: scalar) else { return nil }
        return (byte, length)
    }
}
