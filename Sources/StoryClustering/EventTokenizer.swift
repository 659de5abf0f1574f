import Foundation

/// Splits text into word tokens without allocating a string per word: works on UTF-8 bytes, lowercases the
/// alphabets of European news (ASCII, Latin-1, Latin Extended-A, Greek, Cyrillic: `CaseFolding`), keeps digits
/// with their decimal separators, and notes the cues that mark a name or a figure. Chinese, Japanese and Korean are
/// read as overlapping pairs of characters (`ThreeByteCharacter`).
struct EventTokenizer {
    struct Token {
        /// Stable hash of the (lowercased, lightly stemmed) word.
        var hash: UInt64
        /// The languages the word is a function word of (`Stopwords`), and those it is evidence of.
        var stopwordLanguages: Stopwords.LanguageMask
        var languageEvidence: Stopwords.LanguageMask
        /// Written with a capital where a sentence does not start: a name, place or organisation.
        var isCapitalised: Bool
        var sentenceStart: Bool
        /// Starts with a capital letter (wherever it stands).
        var upper: Bool
        var hasDigit: Bool
        /// Two characters of a run of Chinese, Japanese or Korean: pairs overlap, so two of them hold about one word.
        var isCharacterPair = false
    }

    /// Whether to keep each token's normalised word in `words` (explanations name the shared terms). Off on the
    /// engine's path: a token stays a plain value, copied without reference counting.
    var keepText = false
    /// Each token's hash and normalised word since the last `tokenize` began (only with `keepText`).
    private(set) var words: [(hash: UInt64, word: String)] = []
    /// Buffers `ItemProfile.init` borrows for each item and hands back (the tokenizer travels with the clusterer),
    /// so that building a profile allocates only the profile's own arrays.
    var tokenScratch: [Token] = []
    var textTokenScratch: [Token] = []
    var entryScratch: [(term: UInt64, weight: Float, boost: Float)] = []
    var wordScratch: [UInt64] = []
    var tally = TermTally()

    init(keepText: Bool = false) {
        self.keepText = keepText
    }

    /// Bytes of a word the scan keeps; a longer word pours its earlier bytes into its hash as it goes.
    static let wordWindow = 64

    /// The scan's whole state in one value, its word in scratch memory: every step works on locals (no buffer
    /// array to check and grow per byte, no variables captured by a nested function and checked at run time).
    private struct Scan {
        /// The word being read: its last `kept` bytes (at least its last three, all a stem changes), its whole
        /// length, and FNV-1a over the bytes that left the window, so its hash is `TermHash.of` the whole word.
        let window: UnsafeMutablePointer<UInt8>
        var kept = 0
        var length = 0
        var spilled = TermHash.offset
        var count = 0
        var sentenceStart = true
        var capitalised = false
        var hasDigit = false
        /// The word holds a letter that may be a Vietnamese toned a, e or y (`VietnameseTone`): a Latin-1 small
        /// letter (à … ý) or one of Latin Extended Additional. Only such words are looked at for a tone to move.
        var mayMoveTone = false
        /// The whole word, only when its text is kept (explanations), and the last one `flush` finished.
        var whole: [UInt8]? = nil
        var finished = ""
        /// The run of Chinese, Japanese or Korean characters being read: how many it has had, and the last one's bytes.
        var run = 0
        var runLast: (UInt8, UInt8, UInt8) = (0, 0, 0)

        @inline(__always) mutating func append(_ byte: UInt8) {
            if kept == EventTokenizer.wordWindow {
                for k in 0 ..< kept - 3 { spilled = TermHash.step(spilled, window[k]) }
                window[0] = window[kept - 3]
                window[1] = window[kept - 2]
                window[2] = window[kept - 1]
                kept = 3
            }
            window[kept] = byte
            kept += 1
            length += 1
            whole?.append(byte)
        }

        /// Appends the ASCII letters from `start` on, lowercased, while the window has room; returns where they
        /// end. Most of a text is such runs, and each of their bytes needs only this (the scan's general step
        /// tests every kind of byte first). Kept text (explanations) takes the general step.
        @inline(__always) mutating func appendASCIILetters(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int)
            -> Int {
            var j = start
            guard whole == nil else { return j }
            while j < bytes.count && kept < EventTokenizer.wordWindow {
                let lower = bytes[j] | 0x20
                guard lower >= 0x61 && lower <= 0x7A else { break }
                window[kept] = lower
                kept += 1
                length += 1
                j += 1
            }
            return j
        }

        /// Starts a new word where a letter, digit or other character follows a separator.
        @inline(__always) mutating func begin(capitalised: Bool) {
            if length == 0 { self.capitalised = capitalised; hasDigit = false }
        }

        @inline(__always) mutating func clear() {
            kept = 0
            length = 0
            spilled = TermHash.offset
            mayMoveTone = false
            if whole != nil { whole!.removeAll(keepingCapacity: true) }
        }

        /// Ends the word: its token, or nil when there is none (no word, or a single letter of an alphabet,
        /// which carries nothing; a single digit can: a count, a score; so can a CJK character, often a word).
        mutating func flush() -> Token? {
            guard length > 0 else { return nil }
            defer { clear() }
            // One letter: an ASCII byte, or a two-byte character (в, à: a lead byte starts the window).
            if !hasDigit && (length == 1 || length == 2 && window[0] >= 0xC2) { return nil }
            // A word too long to be held whole is no Vietnamese syllable.
            if mayMoveTone && kept == length {
                kept = VietnameseTone.moveOntoFirstVowel(window, count: kept)
                length = kept
                if whole != nil { whole = Array(UnsafeBufferPointer(start: window, count: kept)) }
            }
            if !hasDigit {
                let window = window, kept = kept
                let stem = EventTokenizer.stem(length: length) { window[kept - 1 - $0] }
                self.kept -= stem.drop
                length -= stem.drop
                whole?.removeLast(stem.drop)
                if stem.appendY {
                    window[self.kept] = 0x79
                    self.kept += 1
                    length += 1
                    whole?.append(0x79)
                }
            }
            var h = spilled
            for k in 0 ..< kept { h = TermHash.step(h, window[k]) }
            let hash = TermHash.finalize(h)
            if let whole { finished = String(decoding: whole, as: UTF8.self) }
            let (languages, evidence) = Stopwords.lookup(hash)
            let token = Token(hash: hash, stopwordLanguages: languages, languageEvidence: evidence,
                              isCapitalised: capitalised && !sentenceStart, sentenceStart: sentenceStart,
                              upper: capitalised, hasDigit: hasDigit)
            count += 1
            sentenceStart = false
            return token
        }

        /// The next character of a run: the token of the pair it ends, none for the run's first character.
        mutating func character(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Token? {
            defer { run += 1; runLast = (a, b, c) }
            return run > 0 ? runToken(runLast, (a, b, c)) : nil
        }

        /// Ends the run: a character alone between punctuation or other scripts is often a word of its own
        /// (猴, 狗, 兔 in a list), so it is a token; a longer run's pairs are out already.
        mutating func endRun() -> Token? {
            defer { run = 0 }
            return run == 1 ? runToken(runLast, nil) : nil
        }

        /// The token of one character or a pair, hashed as `TermHash.of` their bytes.
        private mutating func runToken(_ first: (UInt8, UInt8, UInt8), _ second: (UInt8, UInt8, UInt8)?) -> Token {
            var h = TermHash.step(TermHash.step(TermHash.step(TermHash.offset, first.0), first.1), first.2)
            if let second { h = TermHash.step(TermHash.step(TermHash.step(h, second.0), second.1), second.2) }
            if whole != nil {
                var bytes = [first.0, first.1, first.2]
                if let second { bytes += [second.0, second.1, second.2] }
                finished = String(decoding: bytes, as: UTF8.self)
            }
            let hash = TermHash.finalize(h)
            let (languages, evidence) = Stopwords.lookup(hash)
            let token = Token(hash: hash, stopwordLanguages: languages, languageEvidence: evidence,
                              isCapitalised: false, sentenceStart: sentenceStart, upper: false, hasDigit: false,
                              isCharacterPair: second != nil)
            count += 1
            sentenceStart = false
            return token
        }
    }

    /// Calls `body` with each token of `text`, at most `limit` tokens.
    mutating func tokenize(_ text: String, limit: Int = .max, _ body: (Token) -> Void) {
        if keepText { words.removeAll(keepingCapacity: true) }
        var text = text
        Self.compose(&text)
        text.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.wordWindow) { window in
                var state = Scan(window: window.baseAddress!, whole: keepText ? [] : nil)
                scan(bytes, &state, limit: limit, body)
            }
        }
    }

    /// Decomposed text (é as e and a combining accent, Việt with its two marks apart, Korean as separate jamo: how
    /// macOS and some CMSs write it) is read as the composed text it stands for: otherwise its words differ, byte for
    /// byte, from the same words written composed.
    static func compose(_ text: inout String) {
        if hasDecomposedCharacters(&text) { text = text.precomposedStringWithCanonicalMapping }
    }

    /// Whether `text` holds combining diacritics (U+0300–U+036F: UTF-8 lead bytes CC and CD) or conjoining Hangul
    /// jamo (U+1100–U+11FF: E1 84–87): text that composes to other bytes. Every text entering the engine is
    /// checked, a long article whole, so it reads eight bytes at a time and looks closer only at a chunk holding a
    /// candidate byte (CC, CD or E1).
    static func hasDecomposedCharacters(_ text: inout String) -> Bool {
        text.withUTF8 { bytes in
            let n = bytes.count
            func decomposed(from start: Int, to end: Int) -> Bool {
                for i in start ..< end {
                    let byte = bytes[i]
                    if byte == 0xCC || byte == 0xCD { return true }
                    if byte == 0xE1 && i + 1 < n && bytes[i + 1] >= 0x84 && bytes[i + 1] <= 0x87 { return true }
                }
                return false
            }
            // A byte of `x` is zero (exact: no false positives).
            @inline(__always) func hasZeroByte(_ x: UInt64) -> Bool {
                (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
            }
            let raw = UnsafeRawBufferPointer(bytes)
            var i = 0
            while i + 8 <= n {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let candidate = hasZeroByte((word & 0xFEFE_FEFE_FEFE_FEFE) ^ 0xCCCC_CCCC_CCCC_CCCC)
                    || hasZeroByte(word ^ 0xE1E1_E1E1_E1E1_E1E1)
                if candidate && decomposed(from: i, to: i + 8) { return true }
                i += 8
            }
            return decomposed(from: i, to: n)
        }
    }

    private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ s: inout Scan, limit: Int,
                               _ body: (Token) -> Void) {
        @inline(__always) func emit(_ token: Token?, _ s: Scan, _ me: inout EventTokenizer) {
            guard let token else { return }
            if s.whole != nil { me.words.append((token.hash, s.finished)) }
            body(token)
        }
        var i = 0
        let n = bytes.count
        while i < n && s.count < limit {
            var byte = bytes[i]
            var width = 1
            if byte >= 0xE0 && i + 2 < n && bytes[i + 1] & 0xC0 == 0x80 && bytes[i + 2] & 0xC0 == 0x80 {
                switch ThreeByteCharacter.classify(byte, bytes[i + 1], bytes[i + 2]) {
                case .ideograph:
                    emit(s.flush(), s, &self)
                    emit(s.character(byte, bytes[i + 1], bytes[i + 2]), s, &self)
                    i += 3
                    continue
                case let .separator(sentenceEnd):
                    emit(s.endRun(), s, &self)
                    emit(s.flush(), s, &self)
                    if sentenceEnd { s.sentenceStart = true }
                    i += 3
                    continue
                case let .ascii(folded):
                    byte = folded
                    width = 3
                case let .letter(last, upper):
                    emit(s.endRun(), s, &self)
                    s.begin(capitalised: upper)
                    s.mayMoveTone = true
                    s.append(byte)
                    s.append(bytes[i + 1])
                    s.append(last)
                    i += 3
                    continue
                case .other:
                    break
                }
            }
            if s.run > 0 { emit(s.endRun(), s, &self) }
            if byte >= 0x30 && byte <= 0x39 {
                s.begin(capitalised: false)
                s.hasDigit = true
                s.append(byte)
            } else if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A {
                s.begin(capitalised: byte < 0x61)
                s.append(byte | 0x20)
                i = s.appendASCIILetters(bytes, from: i + width)
                continue
            } else if byte >= 0x80 {
                // U+2000–U+206F (dashes, curly quotes, ellipsis) and no-break space separate words;
                // other non-ASCII letters are part of the word as they are.
                if byte == 0xE2 && i + 1 < n && bytes[i + 1] == 0x80 {
                    emit(s.flush(), s, &self)
                    if i + 2 < n && bytes[i + 2] == 0xA6 { s.sentenceStart = true }
                    i += 3
                    continue
                }
                if byte >= 0xC2 && byte < 0xE0 && i + 1 < n && bytes[i + 1] & 0xC0 == 0x80 {
                    // A two-byte character: a letter of one of the folded alphabets is lowercased (so "Über" at
                    // a sentence's start is "über") and its capital counts as one; Latin-1 punctuation (no-break
                    // space, « », ¿, ¡, ·, ×, ÷) separates words.
                    switch CaseFolding.fold(byte, bytes[i + 1]) {
                    case .separator:
                        emit(s.flush(), s, &self)
                    case let .letter(lower, upper):
                        s.begin(capitalised: upper)
                        if lower >= 0xE0 && lower <= 0xFD { s.mayMoveTone = true }
                        CaseFolding.encode(lower) { s.append($0) }
                    case .ignored:
                        break
                    case let .digit(ascii):
                        s.begin(capitalised: false)
                        s.hasDigit = true
                        s.append(ascii)
                    }
                    i += 2
                    continue
                }
                s.begin(capitalised: false)
                s.append(byte)
            } else if (byte == 0x2F || byte == 0x2D) && s.hasDigit && s.length <= 4,
                      let end = Self.numericDateEnd(bytes, separatorAt: i, firstPartLength: s.length) {
                // A written-out date (01/07/2014, 2014-01-07) dates the item, which its publication time already
                // does: a weekly show's "Podcast 01/14/2014" would otherwise match the week before on "01" and
                // "2014". Dropped whole; a score or a range (3-2, 9/11) has two parts and stays.
                s.clear()
                s.hasDigit = false
                i = end
                continue
            } else if byte == 0x3A && s.hasDigit && s.length <= 2,
                      let end = Self.clockTimeEnd(bytes, colonAt: i, firstPartLength: s.length) {
                // A time of day or a running time (10:30, 01:02:03): a show's chapter marks would otherwise
                // match every other episode's on their numbers.
                s.clear()
                s.hasDigit = false
                i = end
                continue
            } else if (byte == 0x2E || byte == 0x2C) && s.hasDigit && s.length > 0
                        && i + 1 < n && bytes[i + 1] >= 0x30 && bytes[i + 1] <= 0x39 {
                // 1.8 and 37,000 stay one number; the thousands comma is dropped so 37,000 == 37000.
                if byte == 0x2E { s.append(byte) }
            } else {
                emit(s.flush(), s, &self)
                if byte == 0x2E || byte == 0x21 || byte == 0x3F || byte == 0x0A || byte == 0x3A {
                    s.sentenceStart = true
                }
            }
            i += width
        }
        if s.count < limit { emit(s.endRun(), s, &self) }
        if s.count < limit { emit(s.flush(), s, &self) }
    }

    /// Where a numeric date ends, when the digits before `separatorAt` (`firstPartLength` of them, nothing but
    /// digits) open one: three runs of digits joined by the same `/` or `-`, day and month of one or two digits
    /// and the year of two or four, either end (01/07/2014, 1-7-14, 2014-01-07), not followed by a letter or digit.
    static func numericDateEnd(_ bytes: UnsafeBufferPointer<UInt8>, separatorAt i: Int, firstPartLength: Int)
        -> Int? {
        func isDigit(_ k: Int) -> Bool { Self.isDigit(bytes, k) }
        guard firstPartLength >= 1, (i - firstPartLength ..< i).allSatisfy(isDigit) else { return nil }
        let separator = bytes[i]
        // The tail of a longer run (555-12-34-56) is no date.
        if i - firstPartLength >= 1, bytes[i - firstPartLength - 1] == separator { return nil }
        var values: [Int] = []
        var parts = [firstPartLength]
        var k = i
        while parts.count < 3 {
            guard k < bytes.count, bytes[k] == separator else { return nil }
            k += 1
            let start = k
            while isDigit(k) { k += 1 }
            guard k > start else { return nil }
            parts.append(k - start)
        }
        // Day and month values: the parts of one or two digits (a two-digit year is taken as either).
        var start = i - firstPartLength
        for length in parts {
            values.append((start ..< start + length).reduce(0) { $0 * 10 + Int(bytes[$1] - 0x30) })
            start += length + 1
        }
        if Self.isLetter(bytes, k) { return nil }
        if k < bytes.count, bytes[k] == separator || bytes[k] == 0x2E && isDigit(k + 1) { return nil }
        let dayMonth = { (n: Int) in n == 1 || n == 2 }
        let year = { (n: Int) in n == 2 || n == 4 }
        let yearLast = dayMonth(parts[0]) && dayMonth(parts[1]) && year(parts[2])
        let yearFirst = parts[0] == 4 && dayMonth(parts[1]) && dayMonth(parts[2])
        // One of day and month is a month (1-12), the other a day (1-31).
        let (a, b) = yearLast ? (values[0], values[1]) : (values[1], values[2])
        let plausible = (1...31).contains(a) && (1...31).contains(b) && (a <= 12 || b <= 12)
        return (yearLast || yearFirst) && plausible ? k : nil
    }

    /// Where a clock time ends, when the digits before `colonAt` (one or two, nothing but digits) open one:
    /// h:mm or hh:mm:ss, minutes and seconds of two digits below 60, not followed by a letter, digit or colon.
    static func clockTimeEnd(_ bytes: UnsafeBufferPointer<UInt8>, colonAt i: Int, firstPartLength: Int) -> Int? {
        func isDigit(_ k: Int) -> Bool { Self.isDigit(bytes, k) }
        guard (i - firstPartLength ..< i).allSatisfy(isDigit) else { return nil }
        var k = i
        var parts = 0
        while parts < 2, k < bytes.count, bytes[k] == 0x3A, isDigit(k + 1), isDigit(k + 2), !isDigit(k + 3),
              bytes[k + 1] < 0x36 {
            k += 3
            parts += 1
        }
        guard parts > 0 else { return nil }
        if k < bytes.count && bytes[k] == 0x3A || Self.isLetter(bytes, k) { return nil }
        return k
    }

    @inline(__always) private static func isDigit(_ bytes: UnsafeBufferPointer<UInt8>, _ k: Int) -> Bool {
        k < bytes.count && bytes[k] >= 0x30 && bytes[k] <= 0x39
    }

    /// An ASCII letter at `k` (a date or time glued to a word is part of that word).
    @inline(__always) private static func isLetter(_ bytes: UnsafeBufferPointer<UInt8>, _ k: Int) -> Bool {
        k < bytes.count && (bytes[k] | 0x20) >= 0x61 && (bytes[k] | 0x20) <= 0x7A
    }

    /// The hash the tokenizer gives `word` read alone (lowercased, stemmed), for tables of known words.
    static func termHash(of word: String) -> UInt64 {
        var word = word
        compose(&word)
        var bytes = CaseFolding.lowercased(Array(word.utf8))
        if !bytes.isEmpty && bytes.count <= wordWindow {
            let count = bytes.withUnsafeMutableBufferPointer {
                VietnameseTone.moveOntoFirstVowel($0.baseAddress!, count: $0.count)
            }
            bytes.removeLast(bytes.count - count)
        }
        // A word with a figure in it is not stemmed, as the scan leaves it ("1990s", "737s").
        if bytes.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { return TermHash.of(bytes) }
        let stem = stem(length: bytes.count) { bytes[bytes.count - 1 - $0] }
        bytes.removeLast(stem.drop)
        if stem.appendY { bytes.append(0x79) }
        return TermHash.of(bytes)
    }

    /// How a stem changes a word's end: bytes dropped, then whether a "y" is added.
    struct Stem {
        var drop = 0
        var appendY = false
    }

    /// Plural and possessive endings only: enough to match "guarantees" with "guarantee" without an aggressive
    /// stemmer's collisions between distinct names. `fromEnd(k)`: the word's `k`-th byte from its end (k < 3).
    @inline(__always)
    static func stem(length n: Int, _ fromEnd: (Int) -> UInt8) -> Stem {
        guard n > 3, fromEnd(0) == 0x73 else { return Stem() }  // s
        let before = fromEnd(1)
        if before == 0x73 || before == 0x75 || before == 0x69 && n <= 4 { return Stem() }  // ss, us, short "is"
        if n > 4 && before == 0x65 && fromEnd(2) == 0x69 { return Stem(drop: 3, appendY: true) }  // ies -> y
        return Stem(drop: 1)
    }
}
