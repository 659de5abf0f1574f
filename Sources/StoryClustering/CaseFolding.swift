/// How the tokenizer reads the letters beyond ASCII, so that one word written two ways is one word. A table of a few
/// ranges over UTF-8 bytes, not `String.lowercased()`: the tokenizer allocates nothing per word.
///
/// - Lower case for the two-byte characters of European news: Latin-1 (German, French, Spanish, Portuguese,
///   Nordic), Latin Extended-A (Polish, Czech, Hungarian, Turkish…), Greek and Cyrillic; and for the three-byte
///   letters of Vietnamese (Latin Extended Additional). Without it "Über" opening a sentence and "über" inside one
///   are two words, and a capital outside ASCII marks no name.
/// - The variants a language's own search engines fold: Greek without accents and with one sigma, Russian ё as е,
///   Turkish ı as i, Romanian ș and ț with a comma as with a cedilla.
/// - Arabic script has no case, but one letter has several written forms that news sites mix (إسرائيل, اسرائيل;
///   Urdu's کی written with Arabic's ي as کي): they fold to one, and the optional vowel signs and the tatweel (a
///   stretch of the line) are dropped. Its digits read as ASCII digits.
enum CaseFolding {
    enum Folded: Equatable {
        /// Separates words: Latin-1 punctuation and symbols (no-break space, « », ¿, ¡, ·, °, ×, ÷…), and the
        /// punctuation of Arabic, Urdu and Hebrew (، ؟ ۔ ־).
        case separator
        /// Part of a word: its lower-case code point, and whether it was a capital.
        case letter(lower: UInt16, upper: Bool)
        /// No part of the word's identity: dropped (Arabic vowel signs, the tatweel).
        case ignored
        /// A digit of another script (Arabic-Indic ٢, Persian ۲): the ASCII digit, so ٢٠١٤ and ۲۰۱۴ read as 2014.
        case digit(UInt8)
    }

    /// The character encoded by `lead` (0xC2...0xDF) and its continuation byte.
    @inline(__always)
    static func fold(_ lead: UInt8, _ next: UInt8) -> Folded {
        let c = UInt16(lead & 0x1F) << 6 | UInt16(next & 0x3F)
        switch c {
        case 0xA0...0xBF:
            // ª, µ and º are letters; the rest of the block is punctuation and symbols.
            return c == 0xAA || c == 0xB5 || c == 0xBA ? .letter(lower: c, upper: false) : .separator
        case 0xD7, 0xF7:  // × ÷
            return .separator
        case 0xC0...0xDE:
            return .letter(lower: c + 0x20, upper: true)
        case 0x130:  // İ: Turkish capital dotted I, lower case the ASCII i
            return .letter(lower: 0x69, upper: true)
        case 0x131:  // ı: Turkish dotless i, read as i: "IŞIK" (an ASCII capital I) and "ışık" are one word
            return .letter(lower: 0x69, upper: false)
        case 0x100...0x137, 0x14A...0x177:
            return c & 1 == 0 ? .letter(lower: c + 1, upper: true) : .letter(lower: c, upper: false)
        case 0x139...0x148, 0x179...0x17E:
            return c & 1 == 1 ? .letter(lower: c + 1, upper: true) : .letter(lower: c, upper: false)
        // Romanian writes ș and ț with a comma below or, from older keyboards, with a cedilla (ş, ţ): one letter.
        case 0x218, 0x219:  // Ș ș
            return .letter(lower: 0x15F, upper: c == 0x218)
        case 0x21A, 0x21B:  // Ț ț
            return .letter(lower: 0x163, upper: c == 0x21A)
        case 0x178:  // Ÿ
            return .letter(lower: 0xFF, upper: true)
        // Greek drops its accents (tonos, dialytika) and writes final sigma as σ: capitals carry no accents
        // ("ΑΘΗΝΑΣ" is "Αθήνας"), so headlines in capitals would otherwise share no word with the same words in
        // lower case, as Greek search engines normalise them.
        case 0x386:  // Ά
            return .letter(lower: 0x3B1, upper: true)
        case 0x388:  // Έ
            return .letter(lower: 0x3B5, upper: true)
        case 0x389:  // Ή
            return .letter(lower: 0x3B7, upper: true)
        case 0x38A, 0x3AA:  // Ί Ϊ
            return .letter(lower: 0x3B9, upper: true)
        case 0x38C:  // Ό
            return .letter(lower: 0x3BF, upper: true)
        case 0x38E, 0x3AB:  // Ύ Ϋ
            return .letter(lower: 0x3C5, upper: true)
        case 0x38F:  // Ώ
            return .letter(lower: 0x3C9, upper: true)
        case 0x391...0x3A9 where c != 0x3A2:  // Α…Ω
            return .letter(lower: c + 32, upper: true)
        case 0x3AC:  // ά
            return .letter(lower: 0x3B1, upper: false)
        case 0x3AD:  // έ
            return .letter(lower: 0x3B5, upper: false)
        case 0x3AE:  // ή
            return .letter(lower: 0x3B7, upper: false)
        case 0x3AF, 0x3CA, 0x390:  // ί ϊ ΐ
            return .letter(lower: 0x3B9, upper: false)
        case 0x3CC:  // ό
            return .letter(lower: 0x3BF, upper: false)
        case 0x3CD, 0x3CB, 0x3B0:  // ύ ϋ ΰ
            return .letter(lower: 0x3C5, upper: false)
        case 0x3CE:  // ώ
            return .letter(lower: 0x3C9, upper: false)
        case 0x3C2:  // ς
            return .letter(lower: 0x3C3, upper: false)
        // Russian prints ё as е more often than not (Хрущёв, Хрущев; её, ее): both read as е, as Russian search
        // engines read them.
        case 0x401:  // Ё
            return .letter(lower: 0x435, upper: true)
        case 0x451:  // ё
            return .letter(lower: 0x435, upper: false)
        case 0x400...0x40F:  // Ѐ…Џ
            return .letter(lower: c + 80, upper: true)
        case 0x410...0x42F:  // А…Я
            return .letter(lower: c + 32, upper: true)
        case 0x60C, 0x61B, 0x61F, 0x66A, 0x66C, 0x66D, 0x6D4:  // Arabic-script ، ؛ ؟ ٪ ٬ ٭ and Urdu's full stop ۔
            return .separator
        case 0x622, 0x623, 0x625, 0x671:  // آ أ إ ٱ: alef with madda, hamza or wasla
            return .letter(lower: 0x627, upper: false)
        case 0x649, 0x64A:  // ى ي: Arabic's yeh and alef maksura, Urdu and Persian's ی
            return .letter(lower: 0x6CC, upper: false)
        case 0x643:  // ك: Arabic's kaf, Urdu and Persian's ک
            return .letter(lower: 0x6A9, upper: false)
        case 0x629, 0x6C1:  // ة ہ: teh marbuta, Urdu's heh goal
            return .letter(lower: 0x647, upper: false)
        case 0x640, 0x64B ... 0x652, 0x670:  // tatweel, vowel signs (fatha, damma, kasra, shadda, sukun…)
            return .ignored
        case 0x660 ... 0x669:  // Arabic-Indic digits
            return .digit(UInt8(truncatingIfNeeded: c - 0x660) + 0x30)
        case 0x6F0 ... 0x6F9:  // Persian and Urdu digits
            return .digit(UInt8(truncatingIfNeeded: c - 0x6F0) + 0x30)
        case 0x5BE, 0x5C0, 0x5C3, 0x5C6:  // Hebrew maqaf (a hyphen), paseq, sof pasuq, nun hafukha
            return .separator
        default:
            return .letter(lower: c, upper: false)
        }
    }

    /// The last byte of the lower-case form of a letter of Latin Extended Additional (U+1E00–U+1EFF: Vietnamese
    /// Ấ, Ở, Ữ…), written E1 `b` `c` with `b` in B8...BB, and whether it was a capital. Capitals are the even code
    /// points of the block (but U+1E96–U+1E9F), each followed by its small letter; both share their first two bytes.
    @inline(__always)
    static func foldLatinExtendedAdditional(_ b: UInt8, _ c: UInt8) -> (last: UInt8, upper: Bool) {
        let code = 0x1E00 | UInt16(b & 0x03) << 6 | UInt16(c & 0x3F)
        let upper = code & 1 == 0 && (code <= 0x1E94 || code >= 0x1EA0)
        return upper ? (c + 1, true) : (c, false)
    }

    /// Passes the UTF-8 bytes of `c` (a folded letter: below U+0800) to `put`.
    @inline(__always)
    static func encode(_ c: UInt16, _ put: (UInt8) -> Void) {
        if c < 0x80 {
            put(UInt8(c))
        } else {
            put(0xC0 | UInt8(c >> 6))
            put(0x80 | UInt8(c & 0x3F))
        }
    }

    /// `bytes` (UTF-8) with ASCII and the folded two-byte letters in lower case, as the tokenizer reads them
    /// (separators left in place: for single words of known tables, which hold none).
    static func lowercased(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte >= 0x41 && byte <= 0x5A {
                out.append(byte | 0x20)
            } else if byte >= 0xE0 && i + 2 < bytes.count && bytes[i + 1] & 0xC0 == 0x80
                        && bytes[i + 2] & 0xC0 == 0x80,
                      case let .letter(last, _) = ThreeByteCharacter.classify(byte, bytes[i + 1], bytes[i + 2]) {
                out += [byte, bytes[i + 1], last]
                i += 3
                continue
            } else if byte >= 0xC2 && byte < 0xE0 && i + 1 < bytes.count && bytes[i + 1] & 0xC0 == 0x80 {
                let folded = fold(byte, bytes[i + 1])
                switch folded {
                case let .letter(lower, _): encode(lower) { out.append($0) }
                case let .digit(ascii): out.append(ascii)
                case .ignored: break
                case .separator: out += [byte, bytes[i + 1]]
                }
                i += 2
                continue
            } else {
                out.append(byte)
            }
            i += 1
        }
        return out
    }
}
