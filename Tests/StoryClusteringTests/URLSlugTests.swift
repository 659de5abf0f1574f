import Foundation
import Testing
@testable import StoryClustering

@Suite struct URLSlugTests {
    @Test(arguments: [
        ("http://www.latimes.com/business/money/la-fi-mo-federal-reserve-plosser-stimulus-economy-20140310,0,1312750.story?track=rss",
         "la fi mo federal reserve plosser stimulus economy"),
        ("https://example.org/2014/03/10/mt-gox-files-for-us-bankruptcy/", "mt gox files for us bankruptcy"),
        ("https://example.org/news/ecb_member_noyer_open_to_tools.html#top", "ecb member noyer open to tools"),
        // Sections, ids and query strings are not slugs.
        ("https://example.org/business/article/152615", ""),
        ("https://example.org/news?id=a-b-c-d", ""),
        ("https://example.org", ""),
        ("example.org/world/quake-hits-hokkaido-coast", "quake hits hokkaido coast"),
        // Words with digits are ids or dates, not headline words; non-ASCII letters stay.
        ("https://example.de/news/zürich-stimmt-über-tram-ab-2025", "zürich stimmt über tram ab"),
        // Percent-encoded UTF-8, in either case of hex digits, is read as the letters it encodes ("путин встретился
        // с си" with "с" too short to count); %20 separates like a dash.
        ("https://example.ru/2024/05/16/%D0%BF%D1%83%D1%82%D0%B8%D0%BD-%d0%b2%d1%81%d1%82%d1%80%d0%b5%d1%82%d0%b8%d0%bb%d1%81%d1%8f-%D1%81-%D1%81%D0%B8/",
         "путин встретился си"),
        ("https://example.org/news/Ministers%20meet%20in%20Geneva", "Ministers meet in Geneva"),
        // A broken escape or bytes that are not UTF-8 make no word; the other parts still count.
        ("https://example.org/news/rates-%zzrise-again-today", "rates again today"),
        ("https://example.org/news/rates-%FF%FE-rise-again", "rates rise again"),
        // An encoded apostrophe joins a word with it: not all letters, so not a word.
        ("https://example.fr/actu/l%E2%80%99ecole-rouvre-ses-portes", "rouvre ses portes"),
    ])
    func slugWords(url: String, expected: String) {
        #expect(URLSlug.words(url) == expected)
    }

    @Test func slugWordsLetTwoHeadlinesOfOneEventMeet() {
        // Two outlets' headlines share one word; their slugs carry the rest of the event's names.
        let a = StoryItem(id: 1, title: "Exchange seeks court protection", text: "",
                          canonicalURL: "https://a.example/2014/03/10/mt-gox-files-us-bankruptcy-dallas",
                          published: .init(timeIntervalSince1970: 0))
        let b = StoryItem(id: 2, title: "Mt. Gox files for bankruptcy in Dallas court", text: "",
                          canonicalURL: "https://b.example/markets/mt-gox-bankruptcy-dallas-court",
                          published: .init(timeIntervalSince1970: 600))
        var bare = a, bareB = b
        bare.canonicalURL = "https://a.example/1"
        bareB.canonicalURL = "https://b.example/2"
        let clusterer = StoryClusterer()
        let (withSlugA, withSlugB) = clusterer.profiles(a, b)
        let (plainA, plainB) = clusterer.profiles(bare, bareB)
        #expect(withSlugA.dot(withSlugB) > plainA.dot(plainB))
    }

    @Test func percentEncodedSlugsCountLikeWrittenOnes() {
        // One outlet's link carries its Russian slug percent-encoded, the other's as letters: the same words.
        func item(_ id: Int64, _ url: String) -> StoryItem {
            StoryItem(id: id, title: "Новости дня", text: "", canonicalURL: url,
                      published: .init(timeIntervalSince1970: Double(id) * 600))
        }
        let encoded = "https://a.example/news/" + "землетрясение-на-хоккайдо-магнитуда"
            .addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!
        #expect(encoded.contains("%D0%B7"))
        let written = "https://b.example/world/землетрясение-на-хоккайдо-магнитуда"
        #expect(URLSlug.words(encoded) == URLSlug.words(written))
        let (a, b) = StoryClusterer().profiles(item(1, encoded), item(2, written))
        #expect(a.dot(b) > 0.9)
    }
}
