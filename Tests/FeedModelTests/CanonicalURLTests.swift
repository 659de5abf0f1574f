import Testing
@testable import FeedModel

@Suite struct CanonicalURLTests {
    let base = "example.com/news/2025/ukraine-talks"

    @Test(arguments: [
        "https://example.com/news/2025/ukraine-talks",
        "http://example.com/news/2025/ukraine-talks",                       // scheme
        "https://www.example.com/news/2025/ukraine-talks/",                 // www., trailing slash
        "https://m.example.com/news/2025/ukraine-talks",                    // mobile host
        "https://amp.example.com/news/2025/ukraine-talks",                  // AMP host
        "https://example.com/amp/news/2025/ukraine-talks",                  // AMP path segment
        "https://example.com/news/2025/ukraine-talks/amp",
        "https://example.com/news/2025/ukraine-talks?amp=1",
        "https://example.com/news/2025/ukraine-talks#comments",             // fragment
        "https://example.com/news/2025/ukraine-talks?utm_source=rss&utm_medium=feed&utm_campaign=x",
        "https://example.com/news/2025/ukraine-talks?fbclid=IwAR0abc",
        "https://example.com/news/2025/ukraine-talks?gclid=Cj0KCQ",
        "https://example.com/news/2025/ukraine-talks?wt_mc=rss.red.ho.ho.atom.beitrag.beitrag",   // Webtrekk
        "https://example.com/news/2025/ukraine-talks?WT.mc_id=rss",
        "https://example.com/news/2025/ukraine-talks?ns_mchannel=rss&ns_source=PublicRSS20-sa",   // comScore
        "https://example.com/news/2025/ukraine-talks?xtor=RSS-3",                                // AT Internet
        "https://example.com/news/2025/ukraine-talks?partner=rss&emc=rss",
        "HTTPS://EXAMPLE.COM:443/news/2025/ukraine-talks",                  // case of scheme/host, default port
        "  https://example.com/news/2025/ukraine-talks\n",                  // surrounding white space
        "https://www-example-com.cdn.ampproject.org/c/s/www.example.com/news/2025/ukraine-talks",
        "https://www.google.com/amp/s/www.example.com/news/2025/ukraine-talks",
    ])
    func variantsOfOneArticleAgree(_ link: String) {
        #expect(CanonicalURL.canonicalize(link) == base)
    }

    @Test func escapesOfOnePathAreOneSpelling() {
        // A Cyrillic slug written in letters, with upper-case escapes, with lower-case ones; unreserved characters
        // escaped or not.
        let spellings = [
            "https://example.ru/news/путин-встретился",
            "https://example.ru/news/%D0%BF%D1%83%D1%82%D0%B8%D0%BD-%D0%B2%D1%81%D1%82%D1%80%D0%B5%D1%82%D0%B8%D0%BB%D1%81%D1%8F",
            "https://example.ru/news/%d0%bf%d1%83%d1%82%d0%b8%d0%bd-%d0%b2%d1%81%d1%82%d1%80%d0%b5%d1%82%d0%b8%d0%bb%d1%81%d1%8f",
            "https://example.ru/news/%d0%bf%d1%83%d1%82%d0%b8%d0%bd%2D%d0%b2%d1%81%d1%82%d1%80%d0%b5%d1%82%d0%b8%d0%bb%d1%81%d1%8f",
        ]
        let forms = Set(spellings.map { CanonicalURL.canonicalize($0) })
        #expect(forms.count == 1, "\(forms)")
        #expect(CanonicalURL.canonicalize("https://example.org/a%7eb/%41bc") == "example.org/a~b/Abc")
        // Reserved characters stay escaped (a slash inside a segment is not a separator); a broken escape stays.
        #expect(CanonicalURL.canonicalize("https://example.org/a%2fb") == "example.org/a%2Fb")
        #expect(CanonicalURL.canonicalize("https://example.org/a%2fb") != CanonicalURL.canonicalize("https://example.org/a/b"))
        #expect(CanonicalURL.normalizedPercentEncoding("/100%") == "/100%")
        #expect(CanonicalURL.normalizedPercentEncoding("/%zz%4") == "/%zz%4")
    }

    @Test func aFrontPageIsASiteRoot() {
        for link in ["https://fanboys.fm/#81:", "http://www.example.com/", "https://example.com:8080"] {
            #expect(CanonicalURL.isSiteRoot(CanonicalURL.canonicalize(link)!), "\(link)")
        }
        for link in ["https://example.com/episodes", "https://example.com/?p=42", "https://example.com/a#b"] {
            #expect(!CanonicalURL.isSiteRoot(CanonicalURL.canonicalize(link)!), "\(link)")
        }
    }

    @Test func contentParametersStayAndAreSorted() {
        let a = CanonicalURL.canonicalize("https://example.com/article?id=42&page=2&utm_source=x")
        let b = CanonicalURL.canonicalize("https://example.com/article?page=2&id=42")
        #expect(a == "example.com/article?id=42&page=2")
        #expect(a == b)
        #expect(CanonicalURL.canonicalize("https://example.com/article?id=43") != a)
    }

    @Test func differentArticlesStayDifferent() {
        #expect(CanonicalURL.canonicalize("https://example.com/a") != CanonicalURL.canonicalize("https://example.com/b"))
        #expect(CanonicalURL.canonicalize("https://example.com/a") != CanonicalURL.canonicalize("https://example.org/a"))
        #expect(CanonicalURL.canonicalize("https://example.com:8080/a") == "example.com:8080/a")
    }

    @Test(arguments: ["", "not a url", "ftp://example.com/file", "mailto:news@example.com", "/relative/path"])
    func nonWebLinksHaveNoCanonicalForm(_ link: String) {
        #expect(CanonicalURL.canonicalize(link) == nil)
    }

    /// The link a digest shows: the article as the feed linked it, minus what only tracks the click.
    @Test(arguments: [
        ("https://example.com/a?utm_source=rss&utm_medium=feed", "https://example.com/a"),
        ("https://www.example.com/a?id=42&fbclid=abc&page=2#comments",
         "https://www.example.com/a?id=42&page=2#comments"),
        ("https://www.heise.de/news/x-7218830.html?wt_mc=rss.red.ho.ho.atom.beitrag.beitrag",
         "https://www.heise.de/news/x-7218830.html"),
        ("http://example.com/search?q=caf%C3%A9%20au%20lait&UTM_Campaign=x",
         "http://example.com/search?q=caf%C3%A9%20au%20lait"),
        // Nothing to drop: unchanged, whatever else a canonical form would change.
        ("https://m.example.com/a/?b=2&a=1", "https://m.example.com/a/?b=2&a=1"),
        // Parameters that may select content stay in the link, though identities ignore them.
        ("https://example.com/a?ref=main&amp=1&utm_source=x", "https://example.com/a?ref=main&amp=1"),
        ("not a url", "not a url"),
        // The rest exactly as written: no re-encoding of a non-ASCII path or host, "+" and "%26" kept.
        ("https://exämple.de/café?utm_source=x&id=1", "https://exämple.de/café?id=1"),
        ("https://example.com/a?q=a+b&utm_medium=y&x=%26#top", "https://example.com/a?q=a+b&x=%26#top"),
        ("https://example.com/a#utm_source=x", "https://example.com/a#utm_source=x"),
        ("https://example.com/a#part?utm_source=x", "https://example.com/a#part?utm_source=x"),
    ])
    func linksLoseOnlyTheirTracking(_ link: String, _ shown: String) {
        #expect(CanonicalURL.withoutTracking(link) == shown)
    }
}
