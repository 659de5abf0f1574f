import FeedModel
import Testing

@Suite struct TextNormalizationTests {
    /// The plain definition the byte-level implementation must agree with.
    static func reference(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pending = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{200B}" || scalar == "\u{FEFF}" {
                pending = !out.isEmpty
                continue
            }
            if pending { out.append(" "); pending = false }
            out.append(scalar)
        }
        return String(out)
    }

    @Test func collapsesEveryKindOfSpace() {
        #expect(TextNormalization.collapseWhitespace("  a\t\n b\u{00A0}\u{00A0}c\u{2009}d\u{3000}e\u{200B}f\u{FEFF} ") == "a b c d e f")
        #expect(TextNormalization.collapseWhitespace("") == "")
        #expect(TextNormalization.collapseWhitespace(" \u{2028} ") == "")
        #expect(TextNormalization.collapseWhitespace("é — 東京\u{1680}x") == "é — 東京 x")
    }

    @Test func agreesWithTheUnicodeDefinition() {
        let alphabet: [Unicode.Scalar] = [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "a", "Z", "\u{85}", "\u{A0}",
                                          "\u{1680}", "\u{2000}", "\u{200A}", "\u{200B}", "\u{200C}", "\u{2028}",
                                          "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{FEFF}", "é", "\u{2019}",
                                          "\u{1F600}", "\u{E2}", "\u{80}", "\u{1C}", "\u{1F}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...24, using: &generator) {
                text.append(alphabet.randomElement(using: &generator)!)
            }
            let string = String(text)
            #expect(TextNormalization.collapseWhitespace(string) == Self.reference(string), "\(string.debugDescription)")
        }
    }

    @Test func exceedsCountsCharactersNotBytes() {
        // Five characters in 5, 10 and 13 bytes (a flag is two scalars, one character).
        for text in ["abcde", "ééééé", "🇩🇪é🇫🇷a"] {
            #expect(!TextNormalization.exceeds(text, characters: text.count), "\(text)")
            #expect(TextNormalization.exceeds(text, characters: text.count - 1), "\(text)")
            #expect(!TextNormalization.exceeds(text, characters: 100))
        }
        #expect(!TextNormalization.exceeds("", characters: 0))
        #expect(TextNormalization.exceeds("a", characters: 0))
        #expect(TextNormalization.truncate("🇩🇪 🇫🇷 🇮🇹", to: 4) == "🇩🇪 🇫🇷…")
    }

    @Test func truncatesAtAWordBoundary() {
        #expect(TextNormalization.truncate("one two three four", to: 10) == "one two…")
        #expect(TextNormalization.truncate("short", to: 10) == "short")
    }
}
