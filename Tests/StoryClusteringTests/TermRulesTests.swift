import Testing
@testable import StoryClustering

/// Saved statistics count words by their hashes under the rules of the version that read them
/// (`TermStatistics.termRules`). This pins how the current rules read a probe of many scripts and habits: a change
/// to the tokenizer, the stop words or the counted terms fails it, and then `termRules` must be raised (stores
/// count their statistics afresh under the new rules) before the digest below is updated.
@Suite struct TermRulesTests {
    static let probes: [(title: String, text: String)] = [
        ("Governor's guarantees: Mt Gox files 37,000 claims on 01/07/2014 at 10:30",
         "The exchange's lawyers said in Tokyo that the countries' regulators would review it in 2015, as in 2011."),
        ("Über die Brücke: Der Landtag stimmt ab", "Die Abgeordneten haben sich für alle Schulen geeinigt."),
        ("В Москве открылась станция; У Києві відкрили станцію", "Мэр сказал, что это начало; Хрущёв. Мер сказав, що це лише початок."),
        ("北海道东部海域发生6.8级地震：钏路震感明显", "日本気象庁によると、釧路市で震度5強を観測した。ＯＰＰＯ发布Ｅｎｃｏ"),
        ("서울시는 지하철요금을 올린다", "서울시가 밝혔다"),
        ("إسرائيل والعراق: مُحَمَّد في الـعـراق", "حکومت نے بجٹ کا اعلان کر دیا۔ کي کتاب"),
        ("בית־ספר חדש נפתח", "השרים הצביעו בעד ההצעה."),
        ("Ở Hà Nội, ông Trump gặp lãnh đạo Ấn Độ", "Theo thông báo, các doanh nghiệp nhỏ ở Thanh Hoá sẽ được vay vốn thuỷ lợi."),
        ("ΕΚΛΟΓΕΣ ΣΤΗΝ ΑΘΗΝΑ: η κυβέρνηση", "Ο υπουργός είπε ότι τα μέτρα θα ισχύσουν. Cafe\u{301}"),
        ("دولت بسته جدیدی برای کسب‌وکارها اعلام کرد", "وزیر گفت که این بسته از ماه آینده اجرا می‌شود. ۱۴۰۲ ٢٠١٤"),
        ("IŞIK: Meclis yeni vergi yasasını kabul etti", "Milletvekilleri ışık tartışmanın ardından kabul etti."),
        ("सरकार ने नई योजना की घोषणा की", "मंत्री ने कहा कि यह योजना लागू होगी। Pemerintah mengumumkan paket yang baru."),
        ("Guvernul a aprobat legea și taxele ŞI ţara", "Vláda schválila zákon, že se týká. A kormány és hogy. Hallitus ja on."),
    ]

    /// A link whose slug is read too (`URLSlug.words`): a percent-encoded word, an ASCII one, a date.
    static let probeLink = "https://probe.example/news/%D0%BF%D1%80%D0%BE%D0%B1%D0%B0-probe-slug-2014"

    /// FNV-1a over every probe's counted terms, in order.
    static func digest() -> UInt64 {
        var tokenizer = EventTokenizer()
        var hash = TermHash.offset
        for (title, text) in probes {
            let profile = ItemProfile(title: title, text: text, slug: URLSlug.words(probeLink), feed: 7,
                                      year: PublicationYear(secondsSince1970: 1_400_000_000),
                                      fingerprintMinWords: 1000, tokenizer: &tokenizer)
            for term in profile.countedTerms {
                withUnsafeBytes(of: term.littleEndian) { for byte in $0 { hash = TermHash.step(hash, byte) } }
            }
        }
        return hash
    }

    @Test func theProbeReadsAsUnderTheCurrentTermRules() {
        #expect(TermStatistics.termRules == 5)
        #expect(Self.digest() == 0x94da_782f_e23e_025e, """
            the probe's counted terms changed: raise TermStatistics.termRules, then set this test's rules and \
            digest (\(String(Self.digest(), radix: 16)))
            """)
    }
}
