/// Vietnamese places the tone mark of the vowel pairs oa, oe and uy two ways: the older style on the second vowel
/// (Thanh Hoá, Khánh Hoà, thuỷ điện), the newer on the first (Thanh Hóa, Khánh Hòa, thủy điện). Outlets, and often
/// one outlet's writers, mix them, so one place name was two words. The tokenizer reads every such pair with the
/// mark on its first vowel, whichever style the word was written in (`moveOntoFirstVowel`).
///
/// Where both styles agree on the second vowel (a closed syllable: hoàn, quý) the mark moves too: all writers then
/// read the same bytes, and no Vietnamese syllable writes the mark on the first vowel there, so no two words meet.
enum VietnameseTone {
    /// Works on a word's folded (lower-case) UTF-8 bytes `p[0 ..< count]`, in place; returns the new count (one less
    /// when uỹ becomes ũy: ũ takes two bytes, ỹ three).
    static func moveOntoFirstVowel(_ p: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        var n = count
        var i = 0
        while i + 3 <= n {
            let first = p[i]
            guard first == 0x6F || first == 0x75,  // o, u
                  let (tone, plain, width) = tonedSecondVowel(p + i + 1, available: n - i - 1, afterO: first == 0x6F)
            else {
                i += 1
                continue
            }
            // The toned first vowel, then the plain second one, in place of the pair.
            var out = i
            func put(_ byte: UInt8) { p[out] = byte; out += 1 }
            switch (first == 0x6F, tone) {
            case (true, 0): put(0xC3); put(0xB2)  // ò
            case (true, 1): put(0xC3); put(0xB3)  // ó
            case (true, 2): put(0xE1); put(0xBB); put(0x8F)  // ỏ
            case (true, 3): put(0xC3); put(0xB5)  // õ
            case (true, _): put(0xE1); put(0xBB); put(0x8D)  // ọ
            case (false, 0): put(0xC3); put(0xB9)  // ù
            case (false, 1): put(0xC3); put(0xBA)  // ú
            case (false, 2): put(0xE1); put(0xBB); put(0xA7)  // ủ
            case (false, 3): put(0xC5); put(0xA9)  // ũ
            case (false, _): put(0xE1); put(0xBB); put(0xA5)  // ụ
            }
            put(plain)
            let end = i + 1 + width
            if out < end {  // one byte shorter: move the rest of the word down
                for k in end ..< n { p[k - 1] = p[k] }
                n -= 1
            }
            i = out
        }
        return n
    }

    /// The tone (0 grave, 1 acute, 2 hook, 3 tilde, 4 dot below), plain letter and byte width of the toned a or e
    /// (after o) or y (after u) that `p` starts with; nil when it starts with none.
    @inline(__always)
    private static func tonedSecondVowel(_ p: UnsafeMutablePointer<UInt8>, available: Int, afterO: Bool)
        -> (tone: Int, plain: UInt8, width: Int)? {
        guard available >= 2 else { return nil }
        let a: UInt8 = 0x61, e: UInt8 = 0x65, y: UInt8 = 0x79
        if p[0] == 0xC3 {
            switch (afterO, p[1]) {
            case (true, 0xA0): return (0, a, 2)  // à
            case (true, 0xA1): return (1, a, 2)  // á
            case (true, 0xA3): return (3, a, 2)  // ã
            case (true, 0xA8): return (0, e, 2)  // è
            case (true, 0xA9): return (1, e, 2)  // é
            case (false, 0xBD): return (1, y, 2)  // ý
            default: return nil
            }
        }
        guard available >= 3, p[0] == 0xE1 else { return nil }
        switch (afterO, UInt16(p[1]) << 8 | UInt16(p[2])) {
        case (true, 0xBAA3): return (2, a, 3)  // ả
        case (true, 0xBAA1): return (4, a, 3)  // ạ
        case (true, 0xBABB): return (2, e, 3)  // ẻ
        case (true, 0xBABD): return (3, e, 3)  // ẽ
        case (true, 0xBAB9): return (4, e, 3)  // ẹ
        case (false, 0xBBB3): return (0, y, 3)  // ỳ
        case (false, 0xBBB7): return (2, y, 3)  // ỷ
        case (false, 0xBBB9): return (3, y, 3)  // ỹ
        case (false, 0xBBB5): return (4, y, 3)  // ỵ
        default: return nil
        }
    }
}
