import Foundation
import FeedModel
import Testing
@testable import DigestWriter

@Suite struct DigestBuilderTests {
    let feeds = [
        Fixture.feed(1, "Wire One", category: "World"), Fixture.feed(2, "Daily Two", category: "World"),
        Fixture.feed(3, "Tech Three", category: "Tech"), Fixture.feed(4, "Blog Four"),
        Fixture.feed(5, "Paper Five", category: "World"),
    ]

    func build(_ input: DigestInput, options: DigestOptions = DigestOptions()) -> DigestBuild {
        DigestBuilder(options: options).build(input)
    }

    @Test func sectionsByCategoryWithUncategorisedLast() {
        let stories = [
            Story(id: 10, entries: [Fixture.entry(10, feed: 4, "A blog post about gardens"),
                                    Fixture.entry(11, feed: 6, "Gardens in the news")]),
            Story(id: 20, entries: [Fixture.entry(20, feed: 3, "New chip announced")]),
            Story(id: 30, entries: [Fixture.entry(30, feed: 1, "Summit opens in Geneva")]),
            Story(id: 40, entries: [Fixture.entry(40, feed: 7, "Quiet day for the markets")]),
        ]
        let more = feeds + [Fixture.feed(6, "Blog Six"), Fixture.feed(7, "Money Seven", category: "Business")]
        let digest = build(Fixture.input(stories, feeds: more)).digest
        // Equally covered sections by name; uncategorised last even with the best-covered story.
        #expect(digest.sections.map(\.name) == ["Business", "Tech", "World", "Other news"])
        #expect(digest.sections.last?.uncategorised == true)
        #expect(digest.sections.map { $0.stories.map(\.id) } == [[40], [20], [30], [10]])
        // A section whose best story has more outlets comes first.
        let bigger = stories + [Story(id: 50, entries: [Fixture.entry(50, feed: 2, "Ceasefire agreed"),
                                                        Fixture.entry(51, feed: 5, "Ceasefire talks succeed")])]
        #expect(build(Fixture.input(bigger, feeds: more)).digest.sections.map(\.name)
            == ["World", "Business", "Tech", "Other news"])
        // Configured order wins; uncategorised stays last.
        let ordered = build(Fixture.input(stories, feeds: more), options: DigestOptions(categoryOrder: ["World", "Tech"]))
        #expect(ordered.digest.sections.map(\.name) == ["World", "Tech", "Business", "Other news"])
    }

    @Test func aStoryGoesToTheCategoryMostOfItsOutletsShare() {
        let story = Story(id: 1, entries: [
            Fixture.entry(1, feed: 3, "Chip export rules tightened", minute: 10),
            Fixture.entry(2, feed: 1, "Export rules on chips tightened", minute: 20),
            Fixture.entry(3, feed: 2, "Government tightens chip exports", minute: 30),
            Fixture.entry(4, feed: 4, "My take on chip exports", minute: 40),
        ])
        #expect(build(Fixture.input([story], feeds: feeds)).digest.sections.map(\.name) == ["World"])
        // A tie goes to the outlet that reported it first.
        let tie = Story(id: 1, entries: Array(story.entries.prefix(2)))
        #expect(build(Fixture.input([tie], feeds: feeds)).digest.sections.map(\.name) == ["Tech"])
    }

    @Test func rankedByOutletsThenRecency() {
        let stories = [
            Story(id: 1, entries: [Fixture.entry(1, feed: 1, "Late single report", minute: 900)]),
            Story(id: 2, entries: [
                Fixture.entry(2, feed: 1, "Flood waters rise in the valley", minute: 100),
                Fixture.entry(3, feed: 2, "Valley flood: residents evacuated", minute: 120),
                Fixture.entry(4, feed: 5, "Evacuations as valley floods", minute: 130),
            ]),
            Story(id: 5, entries: [
                Fixture.entry(5, feed: 1, "Election results delayed", minute: 200),
                Fixture.entry(6, feed: 2, "Count delayed in election", minute: 300),
            ]),
            Story(id: 7, entries: [Fixture.entry(7, feed: 2, "Earlier single report", minute: 50)]),
        ]
        let world = build(Fixture.input(stories, feeds: feeds)).digest.sections.first { $0.name == "World" }!
        #expect(world.stories.map(\.id) == [2, 5, 1, 7])
        #expect(world.stories.map(\.outletCount) == [3, 2, 1, 1])
        // Input order must not matter.
        let shuffled = build(Fixture.input(stories.reversed(), feeds: feeds)).digest
        #expect(shuffled.sections.first { $0.name == "World" }!.stories.map(\.id) == [2, 5, 1, 7])
    }

    @Test func nearCopiesCollapseUnderOneLineButEveryOutletIsListed() {
        let story = Story(id: 1, entries: [
            // Same wire copy in three outlets, one with the outlet appended, plus a repost in outlet 1.
            Fixture.entry(1, feed: 1, "Central bank raises interest rates to curb inflation", minute: 60),
            Fixture.entry(2, feed: 2, "Central bank raises interest rates to curb inflation - Daily Two", minute: 70),
            Fixture.entry(3, feed: 5, "Central Bank Raises Interest Rates to Curb Inflation!", minute: 80),
            Fixture.entry(4, feed: 1, "Central bank raises interest rates to curb inflation", minute: 90),
            // Same article reached through a tracking link: same canonical URL.
            Fixture.entry(5, feed: 3, "Rates up again", minute: 95,
                          link: "https://feed2.example/articles/2?utm_source=rss"),
            // A different wording from another outlet: its own line.
            Fixture.entry(6, feed: 4, "Why the rate rise will hit mortgages hardest", minute: 100),
        ])
        let result = build(Fixture.input([story], feeds: feeds))
        let shown = result.digest.sections.flatMap(\.stories)
        #expect(shown.count == 1)
        let s = shown[0]
        #expect(s.headline == "Central bank raises interest rates to curb inflation")
        #expect(s.link == "https://feed1.example/articles/1")
        #expect(s.outletCount == 5)
        #expect(s.articles.count == 2)
        #expect(s.articles[0].isHeadline)
        #expect(s.articles[0].outlets.map(\.name) == ["Wire One", "Daily Two", "Paper Five", "Tech Three"])
        // Each outlet links to its own article.
        #expect(s.articles[0].outlets.map(\.link) == ["https://feed1.example/articles/1",
                                                        "https://feed2.example/articles/2",
                                                        "https://feed5.example/articles/3",
                                                        "https://feed2.example/articles/2"])
        #expect(s.articles[1].title == "Why the rate rise will hit mortgages hardest")
        // Five items became one line: four folded as near-copies.
        #expect(s.duplicates == 4)
        #expect(result.digest.counts.duplicatesRemoved == 4)
        #expect(result.digest.counts.items == 6)
        #expect(result.digest.counts.feeds == 5)
        #expect(result.displayed[1] == [1, 2, 3, 4, 5, 6])
    }

    /// A site's RSS and Atom feeds (or its category feeds, all under its name) are one outlet to a reader: listed
    /// once per wording, counted once, and no story outranks another on them alone.
    @Test func feedsUnderOneNameAreOneOutlet() {
        let feeds = self.feeds + [Fixture.feed(6, "Wire One (Atom)", category: "World"),
                                  Fixture.feed(7, "wire one", category: "World")]
        let twice = Story(id: 1, entries: [
            Fixture.entry(1, feed: 1, "Storm closes the northern ferry route", minute: 60),
            Fixture.entry(2, feed: 7, "Storm closes the northern ferry route", minute: 61,
                          link: "https://feed1.example/articles/1"),
        ])
        let two = Story(id: 2, entries: [
            Fixture.entry(3, feed: 2, "Port strike ends after wage deal", minute: 50),
            Fixture.entry(4, feed: 5, "Dock workers accept wage deal, ending strike", minute: 55),
        ])
        let renamed = Story(id: 3, entries: [
            Fixture.entry(5, feed: 1, "Library reopens after repairs", minute: 40),
            Fixture.entry(6, feed: 6, "Library reopens after repairs", minute: 41),
        ])
        let stories = build(Fixture.input([twice, two, renamed], feeds: feeds)).digest.sections.flatMap(\.stories)
        let byID = Dictionary(uniqueKeysWithValues: stories.map { ($0.id, $0) })
        #expect(byID[1]?.outletCount == 1)
        #expect(byID[1]?.articles.map { $0.outlets.map(\.name) } == [["Wire One"]])
        #expect(byID[1]?.duplicates == 1, "the second feed's copy is folded, not listed")
        // Under another name it is another listing, as before.
        #expect(byID[3]?.outletCount == 2)
        #expect(byID[3]?.articles.map { $0.outlets.map(\.name) } == [["Wire One", "Wire One (Atom)"]])
        // Two outlets outrank one outlet's two feeds.
        #expect(stories.map(\.id).firstIndex(of: 2)! < stories.map(\.id).firstIndex(of: 1)!)

        // Shown yesterday through one feed, the same article through the other feed of that name is no news.
        let yesterday = Story(id: 4, entries: [
            Fixture.entry(7, feed: 1, "Ferry route closed by storm", minute: -600),
            Fixture.entry(8, feed: 7, "Ferry route closed by storm", minute: 30, link: "https://feed1.example/articles/7"),
        ])
        let next = build(Fixture.input([yesterday], feeds: feeds, shownBefore: [4: [7]])).digest
        #expect(next.isEmpty, "\(next.updates.map(\.articles))")
    }

    @Test func headlineIsTheWordingMostOutletsShareElseTheCentralOne() {
        // No copies: the title sharing most words with the others heads the story, not the first or longest.
        let story = Story(id: 9, entries: [
            Fixture.entry(1, feed: 1, "Breaking: something happened", minute: 10),
            Fixture.entry(2, feed: 2, "Storm closes airport runways overnight", minute: 20),
            Fixture.entry(3, feed: 5, "Airport runways closed as storm hits", minute: 30),
            Fixture.entry(4, feed: 3, "Storm closes airport", minute: 40),
        ])
        let s = build(Fixture.input([story], feeds: feeds)).digest.sections.flatMap(\.stories)[0]
        #expect(s.headline == "Storm closes airport runways overnight")
        #expect(s.timeText == "00:10–00:40")
    }

    @Test func summaryIsPlainTruncatedAndNeverJustTheTitle() {
        let long = String(repeating: "The council met again to discuss the budget. ", count: 20)
        let story = Story(id: 1, entries: [
            Fixture.entry(1, feed: 1, "Council budget talks", summary: "Council budget talks"),
            Fixture.entry(2, feed: 2, "Budget talks at the council", minute: 90, summary: long),
        ])
        let s = build(Fixture.input([story], feeds: feeds), options: DigestOptions(summaryLength: 100))
            .digest.sections[0].stories[0]
        let summary = try! #require(s.summary)
        #expect(summary.hasPrefix("The council met again"))
        #expect(summary.hasSuffix("…"))
        #expect(summary.count <= 101)
    }

    @Test func storyShownBeforeIsNotRepeatedAndWhatIsNewGoesToUpdates() {
        let old = Story(id: 1, entries: [
            Fixture.entry(1, feed: 1, "Bridge reopens after repairs", minute: -600),
            Fixture.entry(2, feed: 2, "Bridge reopens", minute: -500),
            // New today, from an outlet already shown, in the words shown then: a re-post, not news.
            Fixture.entry(3, feed: 2, "Bridge reopens", minute: 80),
            // New today, from an outlet already shown, in new words: its follow-up is news.
            Fixture.entry(9, feed: 1, "Bridge reopened: traffic returns", minute: 100),
            // New today, from new outlets: an update.
            Fixture.entry(4, feed: 5, "Traffic flows again on the bridge", minute: 200),
            Fixture.entry(5, feed: 3, "Bridge sensors go live", minute: 300),
        ])
        let quiet = Story(id: 6, entries: [
            Fixture.entry(6, feed: 1, "Museum extends hours", minute: -700),
            // The same link again (a feed that re-lists an item under a new guid): not news.
            Fixture.entry(7, feed: 1, "Museum extends its hours", minute: 50,
                          link: "https://feed1.example/articles/6"),
        ])
        let fresh = Story(id: 8, entries: [Fixture.entry(8, feed: 2, "New story today", minute: 60)])
        let result = build(Fixture.input([old, quiet, fresh], feeds: feeds,
                                         shownBefore: [1: [1, 2], 6: [6]]))
        let digest = result.digest
        #expect(digest.sections.flatMap(\.stories).map(\.id) == [8])
        #expect(digest.updates.map(\.id) == [1])
        let update = digest.updates[0]
        #expect(update.headline == "Bridge reopens after repairs")
        #expect(Set(update.articles.flatMap(\.outlets).map(\.name)) == ["Paper Five", "Tech Three", "Wire One"])
        #expect(update.articles.map(\.title).contains("Bridge reopened: traffic returns"))
        #expect(update.outletCount == 3)
        #expect(update.outletsText == "3 new reports")
        #expect(update.summary == nil)
        #expect(result.displayed[1] == [4, 5, 9])
        #expect(result.displayed[6] == nil)
        #expect(digest.counts.stories == 1)
        #expect(digest.counts.updates == 1)

        // Once those are recorded as shown, the story disappears entirely.
        let later = build(Fixture.input([old, quiet, fresh], feeds: feeds,
                                        shownBefore: [1: [1, 2, 4, 5, 9], 6: [6], 8: [8]]))
        #expect(later.digest.isEmpty)
        #expect(later.displayed.isEmpty)
    }

    @Test func itemsAfterTheWindowBelongToALaterDigest() {
        let story = Story(id: 1, entries: [
            Fixture.entry(1, feed: 1, "Today", minute: 600),
            Fixture.entry(2, feed: 2, "Tomorrow's follow-up", minute: 24 * 60 + 30),
        ])
        let result = build(Fixture.input([story], feeds: feeds))
        #expect(result.displayed[1] == [1])
        // With a 07:00 digest time the day ends at 07:00: the 10:00 item is tomorrow's.
        let early = build(Fixture.input([story], feeds: feeds), options: DigestOptions(dayStartMinutes: 420))
        #expect(early.digest.isEmpty)
        let window = DigestOptions(dayStartMinutes: 420).window(for: Fixture.day, in: Fixture.utc)
        #expect(window.end == Fixture.at(420))
        #expect(window.duration == 86_400)
    }

    @Test func failuresAreListedSortedAndDeduplicated() {
        let failures = [
            FeedFailure(feedURL: "https://b.example/feed", title: "Beta", reason: "HTTP 404"),
            FeedFailure(feedURL: "https://a.example/feed", title: nil, reason: "timed out after 30 s"),
            FeedFailure(feedURL: "https://b.example/feed", title: "Beta", reason: "HTTP 404"),
        ]
        let digest = build(Fixture.input([], feeds: feeds, failures: failures)).digest
        #expect(digest.failures.map(\.name) == ["a.example", "Beta"])
        #expect(digest.failures.map(\.reason) == ["timed out after 30 s", "HTTP 404"])
        #expect(digest.counts.failedFeeds == 2)
        #expect(digest.isEmpty)
    }

    @Test func aPrivateFeedsCredentialsStayOutOfTheDigest() throws {
        let failures = [
            FeedFailure(feedURL: "https://reader:hunter2@private.example/feed?token=abc123&page=2", title: "Private",
                        reason: "HTTP 401"),
            FeedFailure(feedURL: "https://public.example/feed?page=2", title: "Public", reason: "HTTP 500"),
        ]
        let digest = build(Fixture.input([], feeds: feeds, failures: failures)).digest
        #expect(digest.failures.map(\.url)
                == ["https://***@private.example/feed?token=***&page=2", "https://public.example/feed?page=2"])
        // A masked address is no link; an address without credentials stays one.
        #expect(digest.failures.map(\.link) == [nil, "https://public.example/feed?page=2"])
        let json = String(decoding: try JSONEncoder().encode(digest), as: UTF8.self)
        #expect(!json.contains("hunter2") && !json.contains("abc123") && !json.contains("reader"))
    }

    @Test func anEpisodesAudioIsOfferedWhenItIsSafeAudioOrVideo() throws {
        func media(_ enclosure: Enclosure?) -> DigestMedia? {
            var entry = Fixture.entry(1, feed: 1, "Episode")
            entry.media = enclosure
            let digest = build(Fixture.input([Story(id: 1, entries: [entry])], feeds: feeds)).digest
            return digest.sections.first?.stories.first?.articles.first?.outlets.first?.media
        }
        #expect(media(Enclosure(url: "https://cdn.example/e.mp3", type: "audio/mpeg", length: 54_321_000))
                == DigestMedia(link: "https://cdn.example/e.mp3", kind: "audio", sizeText: "54 MB"))
        #expect(media(Enclosure(url: "https://cdn.example/e.webm", length: 1_234_567_890))
                == DigestMedia(link: "https://cdn.example/e.webm", kind: "video", sizeText: "1.2 GB"))
        #expect(media(Enclosure(url: "https://cdn.example/e.m4a", type: "audio/x-m4a"))?.sizeText == nil)
        // Not offered: no media, a picture, a script "link", a non-web scheme.
        #expect(media(nil) == nil)
        #expect(media(Enclosure(url: "https://cdn.example/cover.jpg", type: "image/jpeg")) == nil)
        #expect(media(Enclosure(url: "javascript:alert(1)//.mp3", type: "audio/mpeg")) == nil)
        #expect(media(Enclosure(url: "ftp://cdn.example/e.mp3", type: "audio/mpeg")) == nil)
    }

    @Test func timesUseTheConfiguredZone() {
        let paris = TimeZone(identifier: "Europe/Paris")!
        let start = Fixture.day.interval(in: paris).start
        let entry = Entry(id: 1, feedID: 1, key: "k", link: "https://x.example/1", title: "Late news",
                          published: start.addingTimeInterval(23 * 3600 + 15 * 60), firstSeen: start.addingTimeInterval(86_000))
        let input = DigestInput(day: Fixture.day, timeZone: paris, stories: [Story(id: 1, entries: [entry])],
                                feeds: [1: Fixture.feed(1, "One")])
        let s = DigestBuilder().build(input).digest.sections[0].stories[0]
        #expect(s.timeText == "23:15")
        #expect(s.firstReported == "2026-11-21T23:15:00+01:00")
    }
}
