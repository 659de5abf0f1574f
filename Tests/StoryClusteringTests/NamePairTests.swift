import Testing
@testable import StoryClustering

/// Two adjacent capitalised words count as one name besides their words ("Mt Gox", "Mark Carney"), but a name
/// never runs across a sentence end or a colon: "Carney: Sterling" and "Putin. Merkel" are two names each.
@Suite struct NamePairTests {
    private func terms(_ title: String, _ text: String = "") -> Set<UInt64> {
        var tokenizer = EventTokenizer()
        return Set(ItemProfile(title: title, text: text, fingerprintMinWords: 25, tokenizer: &tokenizer).terms)
    }

    private func pair(_ a: String, _ b: String) -> UInt64 {
        TermHash.pair(TermHash.of(Array(a.utf8)), TermHash.of(Array(b.utf8)))
    }

    @Test func adjacentCapitalisedWordsAreAName() {
        #expect(terms("Bitcoin exchange Mt Gox seeks bankruptcy protection").contains(pair("mt", "gox")))
        #expect(terms("", "Yesterday Mark Carney spoke in London.").contains(pair("mark", "carney")))
    }

    @Test func aNameDoesNotRunAcrossAColonOrASentenceEnd() {
        let headline = terms("Mark Carney: Sterling Strength Worries Exporters")
        #expect(headline.contains(pair("mark", "carney")))
        #expect(!headline.contains(pair("carney", "sterling")))
        let text = terms("", "The talks were held with Putin. Merkel said they would go on.")
        #expect(!text.contains(pair("putin", "merkel")))
    }
}
