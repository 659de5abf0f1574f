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
}
