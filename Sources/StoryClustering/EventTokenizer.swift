/// Splits text into word tokens without allocating a string per word: works on UTF-8 bytes, lowercases ASCII,
/// keeps digits with their decimal separators, and notes the cues that mark a name or a figure.
struct EventTokenizer {
    struct Token {
        /// Stable hash of the (lowercased, lightly stemmed) word.
        var hash: UInt64
        var isStopword: Bool
        /// Written with a capital where a sentence does not start: a name, place or organisation.
        var isCapitalised: Bool
        var sentenceStart: Bool
        /// Starts with a capital letter (wherever it stands).
        var upper: Bool
        var hasDigit: Bool
        /// The normalised word, only when asked for (explanations).
        var text: String?
    }

    var keepText = false
    private var buffer: [UInt8] = []
    /// Buffers `ItemProfile.init` borrows for each item and hands back (the tokenizer travels with the clusterer),
    /// so that building a profile allocates only the profile's own arrays.
    var tokenScratch: [Token] = []
    var entryScratch: [(term: UInt64, weight: Float, boost: Float)] = []
    var wordScratch: [UInt64] = []
    var tally = TermTally()

    init(keepText: Bool = false) {
        self.keepText = keepText
        buffer.reserveCapacity(64)
    }

    /// Calls `body` with each token of `text`, at most `limit` tokens.
    mutating func tokenize(_ text: String, limit: Int = .max, _ body: (Token) -> Void) {
        var count = 0
        var sentenceStart = true
        var capitalised = false
        var hasDigit = false
        buffer.removeAll(keepingCapacity: true)
        var text = text
        text.withUTF8 { bytes in
            scan(bytes, limit: limit, count: &count, sentenceStart: &sentenceStart, capitalised: &capitalised,
                 hasDigit: &hasDigit, body)
        }
    }

    private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int, count: inout Int,
                               sentenceStart: inout Bool, capitalised: inout Bool, hasDigit: inout Bool,
                               _ body: (Token) -> Void) {
        var i = 0
        let n = bytes.count
        func flush(_ me: inout EventTokenizer) {
            guard !me.buffer.isEmpty else { return }
            defer { me.buffer.removeAll(keepingCapacity: true) }
            // Single letters carry nothing; single digits can (a count, a score).
            if me.buffer.count == 1 && !hasDigit { return }
            if !hasDigit { EventTokenizer.stem(&me.buffer) }
            let hash = TermHash.of(me.buffer)
            let token = Token(hash: hash, isStopword: Stopwords.contains(hash),
                              isCapitalised: capitalised && !sentenceStart, sentenceStart: sentenceStart,
                              upper: capitalised, hasDigit: hasDigit,
                              text: me.keepText ? String(decoding: me.buffer, as: UTF8.self) : nil)
            body(token)
            count += 1
            sentenceStart = false
        }
        while i < n && count < limit {
            let byte = bytes[i]
            if byte >= 0x30 && byte <= 0x39 {
                if buffer.isEmpty { capitalised = false; hasDigit = false }
                hasDigit = true
                buffer.append(byte)
            } else if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A {
                if buffer.isEmpty { capitalised = byte < 0x61; hasDigit = false }
                buffer.append(byte | 0x20)
            } else if byte >= 0x80 {
                // U+2000–U+206F (dashes, curly quotes, ellipsis) and no-break space separate words;
                // other non-ASCII letters are part of the word as they are.
                if byte == 0xE2 && i + 1 < n && bytes[i + 1] == 0x80 {
                    flush(&self)
                    if i + 2 < n && bytes[i + 2] == 0xA6 { sentenceStart = true }
                    i += 3
                    continue
                }
                if byte == 0xC2 && i + 1 < n && bytes[i + 1] == 0xA0 { flush(&self); i += 2; continue }
                if buffer.isEmpty { capitalised = false; hasDigit = false }
                buffer.append(byte)
            } else if (byte == 0x2E || byte == 0x2C) && hasDigit && !buffer.isEmpty
                        && i + 1 < n && bytes[i + 1] >= 0x30 && bytes[i + 1] <= 0x39 {
                // 1.8 and 37,000 stay one number; the thousands comma is dropped so 37,000 == 37000.
                if byte == 0x2E { buffer.append(byte) }
            } else {
                flush(&self)
                if byte == 0x2E || byte == 0x21 || byte == 0x3F || byte == 0x0A || byte == 0x3A {
                    sentenceStart = true
                }
            }
            i += 1
        }
        if count < limit { flush(&self) }
    }

    /// Plural and possessive endings only: enough to match "guarantees" with "guarantee" without an aggressive
    /// stemmer's collisions between distinct names.
    static func stem(_ word: inout [UInt8]) {
        let n = word.count
        guard n > 3, word[n - 1] == 0x73 else { return }  // s
        let before = word[n - 2]
        if before == 0x73 || before == 0x75 || before == 0x69 && n <= 4 { return }  // ss, us, short "is"
        if n > 4 && before == 0x65 && word[n - 3] == 0x69 {  // ies -> y
            word.removeLast(3)
            word.append(0x79)
            return
        }
        word.removeLast()
    }
}
