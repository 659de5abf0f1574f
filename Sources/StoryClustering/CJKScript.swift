/// The characters of Chinese and Japanese text, which is written without spaces between words, and the full-width
/// forms East Asian text uses. Read as a European word, a Chinese headline is one token (its whole run of
/// ideographs up to a punctuation mark), and two reports of one event share nothing unless their wording is
/// identical; the tokenizer reads such runs as overlapping character pairs instead (`EventTokenizer`), as search
/// engines index these scripts without a dictionary. Korean puts spaces between its words: Hangul stays a letter.
enum CJKScript {
    enum Kind: Equatable {
        /// Neither: read as the tokenizer reads any other non-ASCII letter.
        case other
        /// A Han ideograph or a kana: a character of a run read in pairs.
        case ideograph
        /// Punctuation (、，「」（）…) separating words; `sentenceEnd` for 。！？：, which end a sentence as . ! ? : do.
        case separator(sentenceEnd: Bool)
        /// A full-width digit or Latin letter (２０２０, ＡＢＣ): the same word as its ASCII form.
        case ascii(UInt8)
    }

    /// The character encoded by the three bytes of a UTF-8 sequence with lead `a` (0xE0...0xEF).
    @inline(__always)
    static func classify(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Kind {
        let code = UInt32(a & 0x0F) << 12 | UInt32(b & 0x3F) << 6 | UInt32(c & 0x3F)
        switch code {
        case 0x3005, 0x3007:  // 々 (repeats the ideograph before it), 〇 (zero)
            return .ideograph
        case 0x3002:  // 。
            return .separator(sentenceEnd: true)
        case 0x3000 ... 0x303F, 0x30FB:  // ideographic space, 、「」《》【】…, the katakana middle dot ・
            return .separator(sentenceEnd: false)
        case 0x3040 ... 0x30FF, 0x31F0 ... 0x31FF:  // hiragana, katakana (the long vowel mark ー among them)
            return .ideograph
        case 0x3400 ... 0x4DBF, 0x4E00 ... 0x9FFF, 0xF900 ... 0xFAFF:  // Han ideographs
            return .ideograph
        case 0xFF10 ... 0xFF19, 0xFF21 ... 0xFF3A, 0xFF41 ... 0xFF5A:
            return .ascii(UInt8(truncatingIfNeeded: code - 0xFEE0))
        case 0xFF01, 0xFF1A, 0xFF1F:  // ！ ： ？
            return .separator(sentenceEnd: true)
        case 0xFF66 ... 0xFF9F:  // half-width katakana
            return .ideograph
        case 0xFF00 ... 0xFF65:  // full-width punctuation (，（）｜…) and half-width CJK punctuation
            return .separator(sentenceEnd: false)
        default:
            return .other
        }
    }
}
