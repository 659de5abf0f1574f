/// How the tokenizer reads the three-byte UTF-8 characters it treats specially: Chinese, Japanese and Korean text,
/// the full-width forms East Asian text uses, the Indic danda, and Vietnamese letters. Chinese and Japanese are
/// written without spaces between words: read as a European word, a Chinese headline is one token (its
/// whole run of ideographs up to a punctuation mark), and two reports of one event share nothing unless their
/// wording is identical. Korean puts spaces between words but joins its particles to them (서울시는, 서울시가: "Seoul
/// city" as topic and as subject), so two reports rarely write a name the same way. The tokenizer reads such runs
/// as overlapping character pairs instead (`EventTokenizer`), as search engines index these scripts without a
/// dictionary.
enum ThreeByteCharacter {
    enum Kind: Equatable {
        /// None of these: read as the tokenizer reads any other non-ASCII letter.
        case other
        /// A Han ideograph, a kana or a Hangul syllable: a character of a run read in pairs.
        case ideograph
        /// Punctuation (、，「」（）…) separating words; `sentenceEnd` for 。！？： and the danda । ॥ (the full stop of
        /// Hindi, Bengali and other Indic scripts, written against the word before it), which end a sentence as
        /// . ! ? : do.
        case separator(sentenceEnd: Bool)
        /// A full-width digit or Latin letter (２０２０, ＡＢＣ): the same word as its ASCII form.
        case ascii(UInt8)
        /// A letter of Latin Extended Additional (Vietnamese Ấ, Ở): its lower-case form differs in the last byte
        /// (`CaseFolding.foldLatinExtendedAdditional`), and a capital counts as one, as in the two-byte alphabets.
        case letter(last: UInt8, upper: Bool)
    }

    /// The character encoded by the three bytes of a UTF-8 sequence with lead `a` (0xE0...0xEF).
    @inline(__always)
    static func classify(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Kind {
        let code = UInt32(a & 0x0F) << 12 | UInt32(b & 0x3F) << 6 | UInt32(c & 0x3F)
        switch code {
        case 0x964, 0x965:  // । ॥
            return .separator(sentenceEnd: true)
        case 0x1E00 ... 0x1EFF:
            let (last, upper) = CaseFolding.foldLatinExtendedAdditional(b, c)
            return .letter(last: last, upper: upper)
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
        case 0xAC00 ... 0xD7A3:  // Hangul syllables
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
