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
        let run = String(repeating: "การเลือกตั้ง", count: 24)  // Thai, 864 bytes, no separator
        let (hashes, words) = tokens("\(run)s, then 37,000 and 1.8")
        #expect(words == [run, "then", "37000", "and", "1.8"])
        #expect(hashes == [run, "then", "37000", "and", "1.8"].map(hash))
    }

    @Test func chineseAndJapaneseAreReadAsOverlappingCharacterPairs() {
        let (hashes, words) = tokens("北海道发生地震")
        #expect(words == ["北海", "海道", "道发", "发生", "生地", "地震"])
        #expect(hashes == words.map(hash))
        // Kana and kanji pair alike; a Latin word or a figure glued to a run ends it, and a character left alone
        // between other scripts or punctuation is a token of its own.
        #expect(tokens("東京都の知事選挙").words == ["東京", "京都", "都の", "の知", "知事", "事選", "選挙"])
        #expect(tokens("苹果iPhone销量下滑3.5%").words == ["苹果", "iphone", "销量", "量下", "下滑", "3.5"])
        #expect(tokens("收：一轮羊，猴，狗，兔").words == ["收", "一轮", "轮羊", "猴", "狗", "兔"])
        // Korean keeps its spaces: pairs within each word, so a name meets itself whatever particle follows it.
        #expect(tokens("서울시는 요금을 올린다").words == ["서울", "울시", "시는", "요금", "금을", "올린", "린다"])
        #expect(tokens("서울시가 밝혔다").words == ["서울", "울시", "시가", "밝혔", "혔다"])
        // Pairs are tokens: a limit counts them.
        #expect(tokens("北海道发生地震").words.count == 6)
        var tokenizer = EventTokenizer()
        var limited = 0
        tokenizer.tokenize("北海道发生地震", limit: 4) { _ in limited += 1 }
        #expect(limited == 4)
    }

    @Test func fullWidthFormsReadAsTheirASCIIWordsAndPunctuationSeparates() {
        #expect(tokens("ＯＰＰＯ发布Ｅｎｃｏ Ｘ耳机，售价９９９元（约１５０美元）").words
                == ["oppo", "发布", "enco", "耳机", "售价", "999", "元", "约", "150", "美元"])
        #expect(tokens("ＯＰＰＯ").hashes == [hash("oppo")])
        // 。！？： end a sentence, as . ! ? : do: a capital after them marks no name; 、 and ， do not.
        var tokenizer = EventTokenizer()
        var capitalised: [Bool] = []
        tokenizer.tokenize("新品。Apple发布，Apple发布") { if !$0.isCharacterPair { capitalised.append($0.isCapitalised) } }
        #expect(capitalised == [false, true])
    }

    /// Random text over every script and habit the tokenizer folds: each word it reads hashes as the tables'
    /// `termHash(of:)` hashes the same word written alone, so statistics, stop words and explanations agree with
    /// the scan (a folding done in one place and not the other would split a word in two).
    @Test func everyWordOfMixedScriptTextHashesAsTheSameWordReadAlone() {
        var state: UInt64 = 0x5EED
        func next(_ n: Int) -> Int {  // SplitMix64: the same text on every run
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(n))
        }
        let pieces = ["a", "B", "s", "ies", "7", "1.5", " ", " ", ", ", ". ", ": ", "-", "Ü", "é", "e\u{301}", "ß",
                      "Ł", "Ά", "Σ", "ς", "ΐ", "Ё", "ж", "Ї", "İ", "ı", "Ș", "ş", "Ấ", "ở", "إ", "ي", "ك", "ة", "ہ",
                      "\u{64E}", "ـ", "٣", "۵", "،", "۔", "ש", "־", "क", "।", "北", "海", "の", "カ", "ー", "한",
                      "국", "\u{1112}\u{1161}", "Ｏ", "２", "，", "。", "ก", "\u{2014}", "«", "$", "%", "o", "U", "à",
                      "Ả", "ỹ", "Ý", "ẽ"]
        for _ in 0 ..< 2000 {
            let text = (0 ..< 1 + next(40)).map { _ in pieces[next(pieces.count)] }.joined()
            var tokenizer = EventTokenizer(keepText: true)
            var hashes: [UInt64] = []
            tokenizer.tokenize(text) { hashes.append($0.hash) }
            #expect(tokenizer.words.map(\.hash) == hashes)
            for (hash, word) in tokenizer.words {
                #expect(EventTokenizer.termHash(of: word) == hash, "\(word) in \(text)")
            }
        }
    }

    @Test func stemsOnlyPluralsAndPossessives() {
        // The apostrophe separates words; the "s" left alone is a single letter, which carries nothing.
        let (_, words) = tokens("guarantees bus class is its Paris's countries")
        #expect(words == ["guarantee", "bus", "class", "is", "its", "pari", "country"])
    }

    @Test func capitalsOfEuropeanAlphabetsFoldToLowerCase() {
        let pairs = [("Über", "über"), ("ÉTAT", "état"), ("Łódź", "łódź"), ("ŒUVRE", "œuvre"), ("ŸVE", "ÿve"),
                     ("ΑΘΗΝΑ", "αθηνα"), ("Ώρα", "ωρα"), ("МОСКВА", "москва"), ("Ёлка", "елка"), ("Škoda", "škoda")]
        for (upper, lower) in pairs {
            let (hashes, words) = tokens("\(upper) \(lower)")
            #expect(words == [lower, lower], "\(upper)")
            #expect(hashes == [hash(lower), hash(lower)], "\(upper)")
            #expect(EventTokenizer.termHash(of: upper) == hash(lower), "\(upper)")
        }
        #expect(tokens("İstanbul").words == ["istanbul"])
        // Turkish dotless ı reads as i: an ASCII capital I cannot tell them apart.
        #expect(tokens("IŞIK ışık Işık").words == ["işik", "işik", "işik"])
        // Vietnamese letters of Latin Extended Additional, three bytes each.
        #expect(tokens("Ở ở ẤN ĐỘ ấn độ Ữ").words == ["ở", "ở", "ấn", "độ", "ấn", "độ", "ữ"])
        #expect(EventTokenizer.termHash(of: "Ấn") == hash("ấn"))
        // Already lower case, or without case: unchanged.
        #expect(tokens("straße ĸĸ ßß 東京").words == ["straße", "ĸĸ", "ßß", "東京"])
    }

    @Test func vietnameseToneMarksReadTheSameInBothStyles() {
        // Older style (mark on the second vowel of oa, oe, uy) and newer (on the first): one word either way,
        // capitals included. uỹ and oẽ are a byte longer than ũy and õe.
        let pairs = [("Hoá", "Hóa"), ("hoà", "hòa"), ("HOẢ", "hỏa"), ("khoẻ", "khỏe"), ("thuỷ", "thủy"),
                     ("Thuý", "Thúy"), ("luỹ", "lũy"), ("xoè", "xòe"), ("toạ", "tọa"), ("khoẽ", "khõe"),
                     ("tuỳ", "tùy"), ("thuỵ", "thụy")]
        for (older, newer) in pairs {
            let (hashes, words) = tokens("\(older) \(newer)")
            #expect(words.count == 2 && words[0] == words[1], "\(older) \(newer): \(words)")
            #expect(hashes.count == 2 && hashes[0] == hashes[1], "\(older)")
            #expect(EventTokenizer.termHash(of: older) == EventTokenizer.termHash(of: newer), "\(older)")
            #expect(hashes.first == EventTokenizer.termHash(of: newer), "\(older)")
        }
        // Where both styles agree (closed syllables), every writer still reads one word; the rest of a word stays,
        // and pairs other than oa, oe and uy keep their mark where it is.
        #expect(tokens("hoàn hoàn toàn").words == ["hòan", "hòan", "tòan"])
        #expect(tokens("luỹ kế của quả").words == ["lũy", "kế", "của", "quả"])
        #expect(tokens("hoặc thuế").words == ["hoặc", "thuế"])
    }

    @Test func twoOutletsWritingTonesInTheirOwnStyleReportInTheSameWords() {
        // One report, two outlets, each with its house style: the profiles are the same.
        func item(_ id: Int64, _ title: String) -> StoryItem {
            StoryItem(id: id, title: title, text: "", published: .init(timeIntervalSince1970: Double(id) * 600))
        }
        let older = item(1, "Bão đổ bộ Khánh Hoà, thuỷ điện Sông Hinh xả lũ, Thanh Hoá mưa lớn")
        let newer = item(2, "Bão đổ bộ Khánh Hòa, thủy điện Sông Hinh xả lũ, Thanh Hóa mưa lớn")
        let (a, b) = StoryClusterer().profiles(older, newer)
        #expect(a.terms == b.terms)
        #expect(abs(a.dot(b) - 1) < 1e-5)
    }

    @Test func aCapitalOutsideASCIIMarksAName() {
        var tokenizer = EventTokenizer(keepText: true)
        var capitalised: [Bool] = []
        tokenizer.tokenize("le président Édouard Philippe à Évry, в Москве, tại Ấn Độ") {
            capitalised.append($0.isCapitalised)
        }
        #expect(tokenizer.words.map(\.word) == ["le", "président", "édouard", "philippe", "évry", "москве", "tại",
                                                "ấn", "độ"])
        #expect(capitalised == [false, false, true, true, true, true, false, true, true])
    }

    @Test func latinOnePunctuationSeparatesWords() {
        #expect(tokens("«Bonjour» dit-il. ¿Qué pasa? ¡Hola! 5×3 cm² 40°C a·b").words
                == ["bonjour", "dit", "il", "qué", "pasa", "hola", "5", "3", "cm", "40"])
        // Letters of the block stay in their word: ordinal indicators, the micro sign.
        #expect(tokens("1ª 2º 5µm").words == ["1ª", "2º", "5µm"])
    }

    @Test func arabicUrduHebrewAndIndicPunctuationSeparatesWords() {
        // Urdu's full stop, the Arabic comma and question mark, the Hebrew maqaf (a hyphen).
        #expect(tokens("شامل ہیں۔ اور، کیا؟").words == ["شامل", "هیں", "اور", "کیا"])  // ہ read as ه (below)
        #expect(tokens("בית־ספר").words == ["בית", "ספר"])
        // The danda of Hindi and other Indic scripts ends a sentence against the word before it.
        #expect(tokens("लागू होगी। अगले॥ दिन").words == ["लागू", "होगी", "अगले", "दिन"])
    }

    @Test func greekReadsWithoutAccentsAndWithOneSigmaAndRussianWithoutYo() {
        // Capitals carry no accents: a headline in capitals shares its words with the same words in lower case.
        for (a, b) in [("ΑΘΗΝΑΣ", "Αθήνας"), ("ΕΚΛΟΓΕΣ", "εκλογές"), ("Ώρα", "ώρα"), ("ΪΔΡΥΜΑ", "ϊδρυμα"),
                       ("προϋπόθεση", "ΠΡΟΫΠΟΘΕΣΗ")] {
            #expect(tokens(a).hashes == tokens(b).hashes && tokens(a).hashes.count == 1, "\(a) \(b)")
            #expect(EventTokenizer.termHash(of: a) == tokens(b).hashes.first, "\(a)")
        }
        #expect(tokens("Αθήνας").words == ["αθηνασ"])
        // Russian ё, printed as е as often as not.
        #expect(tokens("Хрущёв Хрущев ЁЛКА её").words == ["хрущев", "хрущев", "елка", "ее"])
    }

    @Test func decomposedTextReadsAsTheComposedTextItStandsFor() {
        // é as e + U+0301; Việt with its two marks apart; 한국 as conjoining jamo.
        for (decomposed, composed) in [("Cafe\u{301} de\u{301}ja\u{300}", "Café déjà"),
                                       ("Vie\u{323}\u{302}t Nam", "Việt Nam"),
                                       ("\u{1112}\u{1161}\u{11AB}\u{1100}\u{116E}\u{11A8}", "한국")] {
            #expect(Array(decomposed.utf8) != Array(composed.utf8))
            #expect(tokens(decomposed).hashes == tokens(composed).hashes && !tokens(composed).hashes.isEmpty,
                    "\(composed)")
        }
    }

    @Test func decomposedTextIsFoundAtEveryOffsetOfAChunk() {
        for k in 0 ..< 24 {
            let padding = String(repeating: "a", count: k)
            for mark in ["e\u{301}", "\u{1112}\u{1161}"] {
                var text = padding + mark + String(repeating: "b", count: 20)
                #expect(EventTokenizer.hasDecomposedCharacters(&text), "\(k)")
            }
            // Composed letters whose bytes include a candidate (Vietnamese ấ is E1 BA A5) are no decomposed text.
            var composed = padding + "ấ é Ì" + String(repeating: "b", count: k)
            #expect(!EventTokenizer.hasDecomposedCharacters(&composed), "\(k)")
        }
    }

    @Test func arabicAndPersianDigitsReadAsASCIIDigits() {
        #expect(tokens("٢٠١٤ ۲۰۱۴ 2014 ٥").words == ["2014", "2014", "2014", "5"])
        #expect(EventTokenizer.termHash(of: "۱۴۰۲") == hash("1402"))
        // A figure: it gets a figure's weight, and a single digit is a token as an ASCII one is.
        var tokenizer = EventTokenizer()
        var digits: [Bool] = []
        tokenizer.tokenize("٥ ۷") { digits.append($0.hasDigit) }
        #expect(digits == [true, true])
    }

    @Test func writtenFormsOfOneArabicLetterReadAsOne() {
        // Alef with or without hamza, Arabic's yeh and kaf as Urdu writes them, teh marbuta; vowel signs and the
        // tatweel dropped.
        for (a, b) in [("إسرائيل", "اسرائیل"), ("أمريكا", "امریکا"), ("کي", "کی"), ("كتاب", "کتاب"), ("مدينة", "مدینه"),
                       ("مُحَمَّد", "محمد"), ("الـعـراق", "العراق"), ("کہا", "كها")] {
            #expect(tokens(a).hashes == tokens(b).hashes && tokens(a).hashes.count == 1, "\(a) \(b)")
            #expect(EventTokenizer.termHash(of: a) == tokens(b).hashes.first, "\(a)")
        }
    }

    @Test func aSingleLetterIsNoWordInAnyAlphabet() {
        // Russian "в" and "и", French "à", Greek "ο" are one letter in two bytes; a CJK character is often a word.
        #expect(tokens("в Москве и à Paris ο δήμος 9 東 a").words == ["москве", "pari", "δημοσ", "9", "東"])
    }
}
