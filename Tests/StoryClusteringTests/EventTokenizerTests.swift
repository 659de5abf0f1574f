import Testing
@testable import StoryClustering

/// Every word, however long, hashes as its whole lowercased, stemmed bytes do (`TermHash.of`), the hash the
/// statistics and stop words are keyed by.
@Suite struct EventTokenizerTests {
    private func tokens(_ text: String) -> (hashes: [UInt64], words: [String]) {
        var tokenizer = EventTokenizer(keepText: true)
        var hashes: [UInt64] = []
        tokenizer.tokenize(text) { hashes.append($0.hash) }
        return (hashes, tokenizer.words.map(\.word))
    }

    private func hash(_ word: String) -> UInt64 { TermHash.of(Array(word.utf8)) }

    @Test func wordsOfEveryLengthHashAsTheirWholeStemmedBytes() {
        for length in [2, 3, 4, 5, 60, 63, 64, 65, 66, 67, 125, 128, 327] {
            let stem = String(repeating: "k", count: length)
            for (written, expected) in [(stem, stem), (stem + "s", length > 2 ? stem : stem + "s"),
                                        (stem + "ies", stem + "y"), (stem.uppercased() + "ES", stem + "e")] {
                let (hashes, words) = tokens("a \(written) b")
                #expect(words == [expected], "\(written.count) bytes")
                #expect(hashes == [hash(expected)], "\(written.count) bytes")
            }
        }
    }

    @Test func longRunsOfOtherScriptsAreOneWordHashedWhole() {
        let run = String(repeating: "東京都知事選挙", count: 40)  // 840 bytes, no separator
        let (hashes, words) = tokens("\(run)s, then 37,000 and 1.8")
        #expect(words == [run, "then", "37000", "and", "1.8"])
        #expect(hashes == [run, "then", "37000", "and", "1.8"].map(hash))
    }

    @Test func stemsOnlyPluralsAndPossessives() {
        // The apostrophe separates words; the "s" left alone is a single letter, which carries nothing.
        let (_, words) = tokens("guarantees bus class is its Paris's countries")
        #expect(words == ["guarantee", "bus", "class", "is", "its", "pari", "country"])
    }
}
