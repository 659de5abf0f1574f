/// What the engine keeps of an item: its terms (content words of title and text, lightly stemmed) with their
/// term-frequency weights before IDF, the IDF-weighted unit vector, and the text fingerprint.
struct ItemProfile: Sendable {
    /// Distinct term hashes, ascending.
    var terms: [UInt64]
    /// Per term: (1 + ln tf) x cue boost, before IDF.
    var raw: [Float]
    /// Per term: raw x IDF, scaled to unit length.
    var weights: [Float] = []
    /// Positions in `terms` of the strongest terms (at most `indexedTerms`), by descending (weight, term): what the
    /// inverted index files the item under. Positions rather than (term, weight) pairs: every window item keeps
    /// them, and pairs took 48 MB of the benchmark's 120k items.
    var strongestPositions: [UInt16] = []
    /// The strongest terms with their weights, strongest first (`strongestPositions`).
    var topWeighted: LazyMapCollection<[UInt16], (term: UInt64, weight: Float)> {
        strongestPositions.lazy.map { [terms, weights] in (terms[Int($0)], weights[Int($0)]) }
    }
    /// SimHash of the text, nil when the text is too short for a reliable fingerprint.
    var fingerprint: UInt64?
    /// Content words read (title and text): how much evidence the item carries.
    var wordCount = 0
    /// The item's feed, nil when unknown: whose boilerplate (`FeedVocabulary`) its words are weighed against.
    var feed: Int64? = nil
    /// Its title's lead (`TitleLead`), when it has one of a few words and the feed is known: an identity of the
    /// lead's words (counted for the feed like a term, `countedTerms`), and the positions in `terms` of the
    /// lead's words and name pairs. A query counts them out against its own feed's posts only when the feed
    /// repeats the lead (`ownFeedDiscounts`).
    var lead: UInt64? = nil
    var leadPositions: [UInt16] = []
    /// A query's terms that count less against another post of its own feed, with the share of their product
    /// kept, by ascending position (`ownFeedShare`; set by `StoryClusterer.query`): its title lead's words when
    /// the feed repeats the lead (nothing kept), and the words the feed writes in many of its posts
    /// (`FeedVocabulary.habits`).
    var ownFeedDiscounts: [(position: UInt16, keep: Float)] = []

    /// Words a title's lead may have and still name a series ("Giant Bombcast Game of the Year"), and how many
    /// more than the rest of the title it may have.
    static let leadWords = 6
    static let leadSlack = 2

    /// A title word counts like this many words of text: headlines name the event.
    static let titleWeight: Float = 2
    /// A word of the link's slug counts like a word of text. Measured: headlines-dev (shuffled, seeds 7/3/11)
    /// F1 +0.01 to +0.03 with the short-text margin raised to keep precision; articles rarely differ.
    static let slugWeight: Float = 1
    /// Names and places (capitalised inside a sentence) and figures identify an event more than topic words do.
    static let entityBoost: Float = 1.5
    static let numberBoost: Float = 1.3
    /// Words of text read: the lead carries the event; bounding it bounds the cost of long articles.
    static let maxTextWords = 400
    static let indexedTerms = 24
    /// Weight of a name pair (two adjacent capitalised words) relative to a single word: half, so a shared name
    /// pair lifts a match without letting a shared two-word name alone carry it. Measured: stories-dev
    /// P 0.9345 -> 0.9475, F1 0.890 -> 0.895; headlines-dev about the same (0.783 -> 0.793 seed 7).
    static let bigramWeight: Float = 0.5
    /// Power of IDF in the weights, for items with text and for items of a few words (interpolated between).
    static let idfExponent: Float = 0.5
    static let shortIDFExponent: Float = 0.2

    /// `slug`: the words of the item's link (`URLSlug.words`), weighed like text but not fingerprinted.
    init(title: String, text: String, slug: String = "", feed: Int64? = nil, year: PublicationYear? = nil,
         fingerprintMinWords: Int, tokenizer: inout EventTokenizer) {
        self.feed = feed
        // Scratch buffers borrowed from the tokenizer (handed back at the end): no allocation per item for them.
        var entries: [(term: UInt64, weight: Float, boost: Float)] = []
        var textWords: [UInt64] = []
        var titleTokens: [EventTokenizer.Token] = []
        var textTokens: [EventTokenizer.Token] = []
        swap(&entries, &tokenizer.entryScratch)
        swap(&textWords, &tokenizer.wordScratch)
        swap(&titleTokens, &tokenizer.tokenScratch)
        swap(&textTokens, &tokenizer.textTokenScratch)
        entries.removeAll(keepingCapacity: true)
        textWords.removeAll(keepingCapacity: true)
        titleTokens.removeAll(keepingCapacity: true)
        textTokens.removeAll(keepingCapacity: true)
        defer {
            swap(&entries, &tokenizer.entryScratch)
            swap(&textWords, &tokenizer.wordScratch)
            swap(&titleTokens, &tokenizer.tokenScratch)
            swap(&textTokens, &tokenizer.textTokenScratch)
        }

        // Both texts first: their function words tell the item's language, which says which words to drop.
        tokenizer.tokenize(title, limit: 64) { titleTokens.append($0) }
        tokenizer.tokenize(text, limit: Self.maxTextWords) { token in
            textTokens.append(token)
            textWords.append(token.hash)
        }
        if let year {
            titleTokens.removeAll { $0.hasDigit && year.contains($0.hash) }
            textTokens.removeAll { $0.hasDigit && year.contains($0.hash) }
        }
        let stopwords = ItemLanguage.stopwordMask(titleTokens, textTokens)

        // Title: capitals only mark names when the headline is not Title Case.
        var titleWords = 0, capitalised = 0
        for token in titleTokens where token.stopwordLanguages & stopwords == 0 && !token.hasDigit {
            titleWords += 1
            if token.isCapitalised || token.sentenceStart { capitalised += 1 }
        }
        let capitalisedShare = titleWords == 0 ? 0 : Double(capitalised) / Double(titleWords)
        var words = 0
        let titleCase = capitalisedShare > 0.6
        // German writes every noun with a capital: there a capital marks no name.
        let capitalsMarkNames = stopwords & Stopwords.german == 0
        ItemProfile.collect(wordCount: &words, titleTokens, weight: Self.titleWeight,
                            trustCapitals: !titleCase && capitalsMarkNames, stopwords: stopwords, into: &entries)
        ItemProfile.collect(wordCount: &words, textTokens, weight: 1, trustCapitals: capitalsMarkNames,
                            stopwords: stopwords, into: &entries)

        if !slug.isEmpty {
            textTokens.removeAll(keepingCapacity: true)
            tokenizer.tokenize(slug, limit: 32) { textTokens.append($0) }
            var slugWords = 0  // not counted: a slug repeats the headline more than it adds evidence
            ItemProfile.collect(wordCount: &slugWords, textTokens, weight: Self.slugWeight, trustCapitals: false,
                                stopwords: stopwords, into: &entries)
        }

        // Per term: tf (summed weights) and the highest boost, terms ascending.
        var tally = TermTally()
        swap(&tally, &tokenizer.tally)
        defer { swap(&tally, &tokenizer.tally) }
        tally.reset(for: entries.count)
        tally.add(entries)
        var terms: [UInt64] = []
        var raw: [Float] = []
        terms.reserveCapacity(entries.count)
        raw.reserveCapacity(entries.count)
        tally.forEachAscending { term, tf, boost in
            terms.append(term)
            raw.append((1 + logf(tf)) * boost)
        }
        self.terms = terms
        if feed != nil, let lead = TitleLead.of(title) {
            let titleContent = Self.words(in: titleTokens.lazy.filter { $0.stopwordLanguages & stopwords == 0 })
            (self.lead, leadPositions) = Self.lead(lead, titleWords: titleContent, terms: terms,
                                                   trustCapitals: !titleCase && capitalsMarkNames,
                                                   stopwords: stopwords, tokenizer: &tokenizer)
        }
        wordCount = words
        self.raw = raw
        fingerprint = textWords.count >= fingerprintMinWords ? SimHash.fingerprint(textWords) : nil
    }

    /// The lead's identity and the positions in `terms` of its terms, read as the title's words are (the same
    /// words, pairs and function words dropped); nil when it holds no word or more than `leadWords`. Figures are
    /// left out of both unless the lead has nothing else: "#331" and "2017" tell a series' posts apart, and its
    /// name is the same without them.
    private static func lead(_ lead: Substring, titleWords: Int, terms: [UInt64], trustCapitals: Bool,
                             stopwords: Stopwords.LanguageMask, tokenizer: inout EventTokenizer)
        -> (UInt64?, [UInt16]) {
        var all: [EventTokenizer.Token] = []
        // Room for twice the words a lead may have: Chinese, Japanese or Korean pairs count two to a word.
        tokenizer.tokenize(String(lead), limit: 4 * Self.leadWords) { token in
            if token.stopwordLanguages & stopwords == 0 { all.append(token) }
        }
        // A name is not longer than what follows it (give or take two words): "Headline of the day - Outlet", an
        // aggregator's title with its source after it, has no series name, and two outlets' copies of one wire
        // headline in such a feed must still match on it. Measured on the corpus: Giant Bomb's five "Game of the
        // Year 2014: Day One … Five" podcasts (a six-word lead) group again, as one event's days.
        let leadWords = Self.words(in: all)
        guard leadWords <= titleWords - leadWords + Self.leadSlack else { return (nil, []) }
        // A lead of figures alone is a code name ("4FSOD: …", "E3: …"): then its figures are its name.
        let words = all.filter { !$0.hasDigit }
        let tokens = words.isEmpty ? all : words
        guard (1 ... Self.leadWords).contains(Self.words(in: tokens)) else { return (nil, []) }
        var entries: [(term: UInt64, weight: Float, boost: Float)] = []
        var count = 0
        collect(wordCount: &count, tokens, weight: titleWeight, trustCapitals: trustCapitals, stopwords: stopwords,
                into: &entries)
        let key = TermHash.finalize(tokens.reduce(Self.leadSalt) { TermHash.pair($0, $1.hash) })
        let positions = Set(entries.compactMap { position(of: $0.term, in: terms) }).sorted()
        return (key, positions.map { UInt16(truncatingIfNeeded: $0) })
    }

    /// Sets a lead's identity apart from every word's and pair's.
    static let leadSalt: UInt64 = 0x6C65_6164_2D6B_6579

    /// The terms counted for the item's feed and in the document frequencies: its terms, and its lead's identity
    /// (which no profile holds: its frequency is read only as the feed's count of the lead).
    var countedTerms: [UInt64] { lead.map { terms + [$0] } ?? terms }

    /// What a query's own-feed discounts (`ownFeedDiscounts`) take off its dot product with another post of its
    /// feed. The lead of a series counts for nothing between its own posts: two episodes of a show, two days of a
    /// column, two events of one status page share their name and nothing that says they report one event. Between
    /// outlets the words still count: another outlet does not write the feed's series name or its beat's words as
    /// its own, and a kicker one outlet repeats ("Snowden: …") names the event for the others (dropping the lead
    /// against every candidate cost headlines-dev 0.0013 of mean F1 through such kickers). Measured for the lead:
    /// the 227-feed corpus through `feedd --once`, one-feed stories of 3 or more items 74 -> 62 (361 -> 296
    /// items: shows' episodes, a newsletter's weekly reviews, a status page's events; no story of several outlets
    /// split); headlines-dev (8 shuffles) mean F1 0.8421 -> 0.8422, stories-dev and the benchmark unchanged.
    func ownFeedShare(with other: borrowing ItemProfile) -> Float {
        var sum: Float = 0
        for (p, keep) in ownFeedDiscounts(against: other) {
            if let j = other.index(of: terms[Int(p)]) { sum += weights[Int(p)] * other.weights[j] * (1 - keep) }
        }
        return sum
    }

    /// The discounts that apply against `other`: all of them when `other` is a post of the query's feed, none
    /// otherwise.
    func ownFeedDiscounts(against other: borrowing ItemProfile) -> [(position: UInt16, keep: Float)] {
        guard let feed, feed == other.feed else { return [] }
        return ownFeedDiscounts
    }

    /// Words `tokens` hold: overlapping character pairs of Chinese, Japanese or Korean count two to a word
    /// (`EventTokenizer`; a run of n characters makes n - 1 pairs, and most words there have two or three).
    static func words(in tokens: some Sequence<EventTokenizer.Token>) -> Int {
        var single = 0, pairs = 0
        for token in tokens { if token.isCharacterPair { pairs += 1 } else { single += 1 } }
        return words(single: single, pairs: pairs)
    }

    @inline(__always) static func words(single: Int, pairs: Int) -> Int { single + (pairs + 1) / 2 }

    /// `stopwords`: the languages whose function words are dropped (`ItemLanguage`).
    private static func collect(wordCount: inout Int, _ tokens: [EventTokenizer.Token], weight: Float,
                                trustCapitals: Bool, stopwords: Stopwords.LanguageMask,
                                into entries: inout [(term: UInt64, weight: Float, boost: Float)]) {
        var previous: EventTokenizer.Token? = nil
        var single = 0, pairs = 0
        defer { wordCount += words(single: single, pairs: pairs) }
        for token in tokens {
            defer { previous = token }
            if token.stopwordLanguages & stopwords != 0 { continue }
            // Adjacent capitalised words (Mt Gox, Neil Young, Jos Bank) also count as one name: sharing the
            // pair says more than sharing either word. Not across a sentence end or a colon ("Carney: Sterling",
            // "Review: July"): two names there. Measured: headlines-dev (8 shuffles) mean F1 0.8421 -> 0.8425,
            // stories-dev batches of 50 F1 0.8931 -> 0.8942; a newsletter's weekly "… Review: July 17" issues
            // of the corpus no longer chain on "Review July".
            if let p = previous, p.stopwordLanguages & stopwords == 0, p.upper, token.upper, !token.sentenceStart,
               !p.hasDigit, !token.hasDigit {
                entries.append((TermHash.pair(p.hash, token.hash), weight * Self.bigramWeight, entityBoost))
            }
            let boost: Float = token.hasDigit ? numberBoost : (trustCapitals && token.isCapitalised ? entityBoost : 1)
            entries.append((token.hash, weight, boost))
            if token.isCharacterPair { pairs += 1 } else { single += 1 }
        }
    }

    /// How short the item is, from 1 (no content words) falling linearly to 0 at `shortTextWords` content words:
    /// a headline alone carries little evidence, and several rules scale with it.
    func shortness(_ shortTextWords: Int) -> Double {
        max(0, 1 - Double(wordCount) / Double(max(1, shortTextWords)))
    }

    /// Applies IDF and scales to unit length; picks the terms to index. IDF enters damped (a power below 1): a big
    /// story's own names are repeated by many outlets and so grow common in the statistics; full IDF would rank
    /// them below incidental rare words, which mark nothing. Short items (a headline alone) damp it further:
    /// their few words leave no room for incidental rare words to be outweighed, and loosely worded headlines
    /// of one story meet on the story's (by then common) names. Measured: headlines-dev F1 0.765 -> 0.78-0.80,
    /// articles unchanged.
    mutating func weigh(_ statistics: TermStatistics, shortTextWords: Int) {
        // Re-weighing (the window, after a statistics refresh) overwrites the weights in place.
        if weights.count != terms.count { weights = [Float](repeating: 0, count: terms.count) }
        let shortness = Float(shortness(shortTextWords))
        let exponent = Self.idfExponent + (Self.shortIDFExponent - Self.idfExponent) * shortness
        var norm: Float = 0
        // Through buffer pointers: one uniqueness check for the array, not one per element written.
        weights.withUnsafeMutableBufferPointer { weights in
            for i in terms.indices {
                let w = raw[i] * statistics.idf(terms[i], power: exponent)
                weights[i] = w
                norm += w * w
            }
            if norm > 0 {
                let scale = 1 / norm.squareRoot()
                for i in weights.indices { weights[i] *= scale }
            }
        }
        Self.strongest(terms, weights, Self.indexedTerms, into: &strongestPositions)
    }

    /// Positions of the `k` terms of greatest (weight, term), in descending order: what sorting all terms by that
    /// key and taking the first `k` gives (the key is a strict order: terms are distinct), by insertion into a list
    /// of `k`, without sorting or allocating per term.
    /// Works in place in `k + 1` slots through buffer pointers (shifting the weaker entries up one, the last
    /// slot spare): no array insert and its checks per entrant. Runs for every item placed and re-weighed.
    static func strongest(_ terms: [UInt64], _ weights: [Float], _ k: Int, into top: inout [UInt16]) {
        precondition(terms.count <= Int(UInt16.max) + 1, "too many terms for 16-bit positions")
        top.removeAll(keepingCapacity: true)
        guard k > 0 else { return }
        top.append(contentsOf: repeatElement(0, count: k + 1))
        var count = 0
        terms.withUnsafeBufferPointer { terms in
            weights.withUnsafeBufferPointer { weights in
                top.withUnsafeMutableBufferPointer { top in
                    @inline(__always) func key(_ p: UInt16) -> (Float, UInt64) { (weights[Int(p)], terms[Int(p)]) }
                    for i in 0 ..< terms.count {
                        let entrant = (weights[i], terms[i])
                        if count == k, key(top[k - 1]) >= entrant { continue }
                        var at = count
                        while at > 0 && key(top[at - 1]) < entrant {
                            top[at] = top[at - 1]
                            at -= 1
                        }
                        top[at] = UInt16(truncatingIfNeeded: i)
                        if count < k { count += 1 }
                    }
                }
            }
        }
        top.removeLast(k + 1 - count)
    }

    /// Position of `term` in `terms` (binary search), nil when absent.
    func index(of term: UInt64) -> Int? { Self.position(of: term, in: terms) }

    /// Position of `term` in ascending `terms` (binary search), nil when absent.
    static func position(of term: UInt64, in terms: [UInt64]) -> Int? {
        let i = insertionPoint(of: term, in: terms)
        return i < terms.count && terms[i] == term ? i : nil
    }

    /// The first index of ascending `terms` whose term is not below `term`.
    static func insertionPoint(of term: UInt64, in terms: [UInt64]) -> Int {
        var lo = 0, hi = terms.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if terms[mid] < term { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Cosine of two weighted profiles (sorted-merge of their term lists).
    /// Through buffer pointers: no bounds checks or retains in the engine's innermost loop.
    func dot(_ other: borrowing ItemProfile) -> Float {
        terms.withUnsafeBufferPointer { a in
            other.terms.withUnsafeBufferPointer { b in
                weights.withUnsafeBufferPointer { wa in
                    other.weights.withUnsafeBufferPointer { wb in
                        var i = 0, j = 0, sum: Float = 0
                        let n = a.count, m = b.count
                        while i < n && j < m {
                            let x = a[i], y = b[j]
                            if x == y { sum += wa[i] * wb[j]; i += 1; j += 1 }
                            else if x < y { i += 1 } else { j += 1 }
                        }
                        return sum
                    }
                }
            }
        }
    }
}

import Foundation
