/// Which function words to drop from an item: English ones, and those of the item's own language when its
/// function words show it is written in another (of each language tied for the most evidence, when close languages
/// share the words it holds). A language is chosen only on evidence that English text does not
/// give: at least two of its function words that are not also English words (`Stopwords.englishHomographs`),
/// written in lower case (a capital mid-sentence marks a name), outnumbering the English function words. Headlines
/// too short to tell keep the English list, as every item did before other languages were known.
enum ItemLanguage {
    /// The `Stopwords` language mask whose words `tokens` drop.
    static func stopwordMask(_ title: [EventTokenizer.Token], _ text: [EventTokenizer.Token]) -> Stopwords.LanguageMask {
        var english: Int32 = 0
        var evidence = SIMD32<Int32>()  // per language bit; no allocation per item
        func count(_ tokens: [EventTokenizer.Token]) {
            for token in tokens where token.stopwordLanguages != 0 {
                if token.stopwordLanguages & Stopwords.english != 0 { english += 1 }
                guard token.languageEvidence != 0, !token.isCapitalised else { continue }
                // Only the bits set: a word is evidence of one language or a few.
                var bits = token.languageEvidence & ~Stopwords.english
                while bits != 0 {
                    evidence[bits.trailingZeroBitCount] += 1
                    bits &= bits - 1
                }
            }
        }
        count(title)
        count(text)
        let bestCount = evidence.max()
        guard bestCount >= 2, bestCount > english else { return Stopwords.english }
        // Languages tied for the most evidence all drop their function words: close languages share many (Russian
        // and Ukrainian на, по, через; Danish and Norwegian), and a short item may hold only shared ones.
        var mask = Stopwords.english
        for bit in 1 ..< Stopwords.languageCount where evidence[bit] == bestCount { mask |= 1 << bit }
        return mask
    }
}
