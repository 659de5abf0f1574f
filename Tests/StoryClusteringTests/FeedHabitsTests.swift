import Foundation
import Testing
@testable import StoryClustering

/// What real feeds do that news data sets do not: a show's name and blurb in every episode, every item linked to the
/// site's front page, guids only unique within their feed, dates written into titles.
@Suite struct FeedHabitsTests {
    /// A weekly show written for this test: its name in every title, its blurb in every text, and each episode's
    /// own subject in between.
    static let subjects = [
        "Lighthouse Keepers", "Late Trains", "Winter Hives", "Chess Engines", "Street Food", "Old Trams",
        "Cave Maps", "Violin Makers", "Night Buses", "Marsh Birds", "Glass Blowing", "Lost Recipes",
        "Strait Swimmers", "Solar Ovens", "Ferry Timetables", "Road Signs", "Old Bookshops", "Church Organs",
        "Volunteer Firefighters", "River Barges", "Broken Clocks", "Laundry Robots", "Car Bans", "Mushroom Foragers",
        "Submarine Cables", "Wooden Skis", "Kite Makers", "Solar Storms", "Ice Roads", "Miners' Choirs",
    ]

    static func episodes(feed: Int64?) -> [StoryItem] {
        subjects.enumerated().map { k, subject in
            Fixtures.item(Int64(500 + k), "Night Shift Radio \(100 + k): \(subject)",
                          "Night Shift Radio, the weekly show with Ana Ferro and Ben Oduya: \(subject.lowercased()).",
                          hours: Double(k) * 168, url: "nightshift.example/episodes/\(100 + k)",
                          guid: "nsr-\(100 + k)", feed: feed)
        }
    }

    /// Other feeds' items, each on its own subject in made-up words: in a store of many feeds the show's name is
    /// rare, so IDF alone does not mute it (as it would in a store holding nothing but the show).
    static let otherFeeds: [StoryItem] = (0..<300).map { k in
        let syllables = ["ka", "lo", "mer", "tin", "sa", "ro", "vel", "dan", "pi", "tor", "an", "es", "ul", "gra"]
        func word(_ n: Int) -> String {
            var n = n, out = "z"
            repeat { out += syllables[n % syllables.count]; n /= syllables.count } while n > 0
            return out
        }
        let words = (0..<6).map { word(k * 6 + $0) }
        return Fixtures.item(Int64(2000 + k), words.prefix(4).joined(separator: " "), words.joined(separator: " "),
                             hours: Double(k) * 17, feed: Int64(100 + k % 40))
    }

    static func stories(_ results: [StoryAssignment]) -> Set<Int64> {
        Set(Fixtures.storiesAfterMerges(results).values)
    }

    @Test func aShowsWeeklyEpisodesStayApart() {
        // First fetch: the feed's whole history in one batch.
        let clusterer = StoryClusterer()
        let results = clusterer.assign(batch: Self.episodes(feed: 7) + Self.otherFeeds)
            .filter { $0.itemID < 2000 }
        #expect(Self.stories(results).count == Self.subjects.count,
                "\(clusterer.explain(Self.episodes(feed: 7)[1], Self.episodes(feed: 7)[0]))")
        // Control: the same episodes with no feed to learn from chain on the show's name and blurb.
        let unknownFeed = StoryClusterer().assign(batch: Self.episodes(feed: nil) + Self.otherFeeds)
            .filter { $0.itemID < 2000 }
        #expect(Self.stories(unknownFeed).count < Self.subjects.count / 2)
    }

    /// A feed's generic title over each post ("Photo" over each comic; a show's name over each recording, with
    /// no notes) says nothing of what the post is: each post is a story of its own, however alike the titles,
    /// and a later one is not folded into the first (where the digest would not show it again).
    @Test func postsUnderAFeedsGenericTitleStayApart() {
        let comics = (0..<4).map { k in
            Fixtures.item(Int64(700 + k), "Photo", "", hours: Double(k) * 30, url: "comics.example/post/\(9000 + k)",
                          guid: "c\(k)", feed: 9)
        }
        let shows = (0..<3).map { k in
            Fixtures.item(Int64(710 + k), "le Show", "", hours: Double(k) * 168, url: "radio.example/ls0\(k).mp3",
                          guid: "ls\(k)", feed: 10)
        }
        let clusterer = StoryClusterer()
        let results = clusterer.assign(batch: comics + shows)
        #expect(Self.stories(results).count == 7, "\(results.map(\.storyID))")
        let why = clusterer.explain(comics[1], comics[0])
        #expect(why.similarity > 0.99 && why.decision == .new, "\(why)")
        #expect(why.description.contains("APART: two posts of one feed with one title"), "\(why)")
        // Arriving one at a time, as a daemon meets a weekly show, the same.
        let daemon = StoryClusterer()
        let weekly = shows.map { daemon.assign(batch: [$0])[0] }
        #expect(Set(weekly.map(\.storyID)).count == 3)
        // The same title from another outlet is compared as ever (nothing is folded away there).
        let elsewhere = Fixtures.item(721, "le Show", "", hours: 340, url: "mirror.example/ls02", feed: 11)
        #expect(daemon.assign(elsewhere).tier == .similar)
    }

    /// Two such posts can still end in one story through another outlet's report that matches both; `explain`
    /// then names that path, not their own (uncounted) similarity.
    @Test func explainNamesTheStoryPathWhenAFeedsGenericTitlesJoinThroughAnotherOutlet() {
        let first = Fixtures.item(730, "Snowden", "", hours: 0, url: "wire.example/a/1", guid: "w1", feed: 12)
        let second = Fixtures.item(731, "Snowden", "", hours: 1, url: "wire.example/a/2", guid: "w2", feed: 12)
        let report = Fixtures.item(732, "Snowden speaks to festival audience by video link", "", hours: 2,
                                   url: "daily.example/snowden-video-talk", feed: 13)
        let clusterer = StoryClusterer()
        let results = clusterer.assign(batch: [first, second, report])
        #expect(Set(results.map(\.storyID)).count == 1, "\(results)")
        let why = clusterer.explain(second, first)
        #expect(why.decision == .similar, "\(why)")
        #expect(why.description.contains("not counted: two posts of one feed with one title"), "\(why)")
        #expect(why.description.contains("SAME STORY through story"), "\(why)")
        #expect(!why.description.contains("SAME STORY by similarity"), "\(why)")
    }

    @Test func aRunningDaemonLearnsTheShowFromItsFirstFetch() {
        let all = Self.episodes(feed: 7)
        let clusterer = StoryClusterer()
        var results = clusterer.assign(batch: Array(all.prefix(10)) + Self.otherFeeds).filter { $0.itemID < 2000 }
        for episode in all.dropFirst(10) { results += clusterer.assign(batch: [episode]) }
        #expect(Self.stories(results).count == Self.subjects.count)
    }

    @Test func oneFeedsReportsOfOneEventStillMerge() {
        // A local paper whose titles all end in its name: its own two reports of the bridge collapse are one story.
        var items = Self.subjects.prefix(12).enumerated().map { k, subject in
            Fixtures.item(Int64(700 + k), "\(subject.capitalized) | Carrow Gazette", "From the Carrow Gazette: \(subject).",
                          hours: Double(k) * 6, feed: 3)
        }
        items.append(Fixtures.item(800, "Portmouth harbour bridge collapses during evening rush hour | Carrow Gazette",
                                   "The Portmouth harbour bridge collapsed at 6pm, sending cars into the water.",
                                   hours: 80, feed: 3))
        items.append(Fixtures.item(801, "Divers search Portmouth harbour after bridge collapse | Carrow Gazette",
                                   "Divers searched the harbour overnight after the Portmouth bridge collapse.",
                                   hours: 84, feed: 3))
        let results = StoryClusterer().assign(batch: items)
        let storyOf = Dictionary(uniqueKeysWithValues: results.map { ($0.itemID, $0.storyID) })
        #expect(storyOf[801] == storyOf[800])
        #expect(Self.stories(results).count == 13)
    }

    @Test func frontPageLinksAndFeedLocalGuidsAreNoIdentity() {
        let clusterer = StoryClusterer()
        let episode81 = Fixtures.item(81, "Episode #81 - Giraffes and eagles", "", url: "fanboys.example",
                                      guid: "FAN081", feed: 1)
        let episode80 = Fixtures.item(80, "Episode #80 - The drum solo", "", hours: 1, url: "fanboys.example",
                                      guid: "FAN080", feed: 1)
        // One feed, one page with an anchor per item and no guids (fragments are not part of a canonical link).
        let anchorA = Fixtures.item(90, "Changelog: faster sync", "", hours: 2, url: "app.example/changelog", feed: 1)
        let anchorB = Fixtures.item(91, "Changelog: dark mode", "", hours: 3, url: "app.example/changelog", feed: 1)
        // Guid "42" in two feeds: two items.
        let short1 = Fixtures.item(60, "Council approves the tram budget", "", hours: 4, guid: "42", feed: 2)
        let short2 = Fixtures.item(61, "Recipe: lentil soup for winter", "", hours: 5, guid: "42", feed: 3)
        // A guid meant to be global: the same item carried by two feeds.
        let global1 = Fixtures.item(62, "Ferry strike ends after pay deal", "", hours: 6,
                                    guid: "https://port.example/?p=4711", feed: 2)
        let global2 = Fixtures.item(63, "Harbour news roundup", "", hours: 7, guid: "https://port.example/?p=4711",
                                    feed: 4)
        for item in [episode81, episode80, anchorA, anchorB, short1, short2, global1] {
            let a = clusterer.assign(item)
            #expect(a.tier == .new, "\(item.title): \(a)")
        }
        #expect(clusterer.assign(global2).tier == .identity)
        let explanation = clusterer.explain(episode80, episode81)
        #expect(explanation.decision == .new)
        #expect(explanation.description.contains("same link, not an identity (a site's front page names no item)"))
        #expect(clusterer.explain(anchorA, anchorB).sharedLinkRefusal == "two entries of one feed")
    }

    @Test func writtenOutDatesAreNotTerms() {
        var tokenizer = EventTokenizer()
        func hashes(_ text: String) -> [UInt64] {
            var out: [UInt64] = []
            tokenizer.tokenize(text) { out.append($0.hash) }
            return out
        }
        #expect(hashes("Podcast 01/14/2014 and 2014-01-07 or 1-7-14, score 3-2 on 9/11")
                == hashes("Podcast and or, score 3 2 on 9 11"))
        // Not dates: a fraction run, a phone-like run with a fourth part, a date glued to a word.
        #expect(hashes("12/31/2014x") == hashes("12 31 2014x"))
        #expect(hashes("555-12-34-56") == hashes("555 12 34 56"))
        #expect(hashes("Match 12-34-56") == hashes("Match 12 34 56"))
        // Times of day and running times (a show's chapter marks); a score with one digit after the colon stays.
        #expect(hashes("00:00:00 Start 00:12:41 Games, at 10:30 and 9:05pm, won 2:1") == hashes("Start Games, at and 9 05pm, won 2 1"))
    }

    /// The discounts read a short list of a feed's recurring terms, not a count per term: it must hold every
    /// term above the share (for the boilerplate and for the habits between the feed's own posts), including one
    /// that fell below it and crossed it again, and survive a snapshot.
    @Test func recurringListMissesNoTerm() throws {
        var vocabulary = FeedVocabulary()
        var counts: [UInt64: UInt32] = [:]
        var items: UInt32 = 0
        var seed: UInt64 = 42
        func chance() -> Double {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(seed >> 11) / Double(1 << 53)
        }
        let all = (1...30).map { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 }.sorted()
        func expected() -> (boilerplate: [(index: Int, factor: Float)], ownFeed: [(index: Int, keep: Float)]) {
            guard items >= FeedVocabulary.minItems else { return ([], []) }
            var boilerplate: [(index: Int, factor: Float)] = [], ownFeed: [(index: Int, keep: Float)] = []
            for (i, term) in all.enumerated() {
                guard let count = counts[term] else { continue }
                let share = Float(count) / Float(items + 1)
                let factor = max(0, (FeedVocabulary.boilerplateShare - share)
                                     / (FeedVocabulary.boilerplateShare - FeedVocabulary.commonShare))
                if share > FeedVocabulary.commonShare && factor < 1 { boilerplate.append((i, factor)) }
                // Shares of the feed's other items: the two posts compared hold the term themselves.
                let others = Float(max(2, count) - 2) / Float(items + 1)
                let keep = max(0, (FeedVocabulary.habitShare - others)
                                  / (FeedVocabulary.habitShare - FeedVocabulary.topicShare))
                if others > FeedVocabulary.topicShare { ownFeed.append((i, keep)) }
            }
            return (boilerplate, ownFeed)
        }
        var discounted = 0, habitual = 0
        for step in 0..<600 {
            // Each term's chance of appearing drifts up and down, so shares cross the lines both ways.
            let terms = all.enumerated().filter { k, _ in
                chance() < 0.3 + 0.29 * sin(Double(step) / (15 + Double(k)) + Double(k)) + (k < 10 ? 0.4 : 0)
            }.map(\.element)
            vocabulary.add(terms, feed: 3)
            items += 1
            for term in terms { counts[term, default: 0] += 1 }
            let got = vocabulary.habits(all, feed: 3), want = expected()
            #expect(got.boilerplate.map(\.index) == want.boilerplate.map(\.index), "step \(step)")
            #expect(got.boilerplate.map(\.factor) == want.boilerplate.map(\.factor), "step \(step)")
            #expect(got.ownFeed.map(\.index) == want.ownFeed.map(\.index), "step \(step)")
            #expect(got.ownFeed.map(\.keep) == want.ownFeed.map(\.keep), "step \(step)")
            discounted += want.boilerplate.count
            habitual += want.ownFeed.filter { $0.keep > 0 && $0.keep < 1 }.count
        }
        #expect(discounted > 600, "the stream discounts terms often")
        #expect(habitual > 600, "and often finds terms between the two shares")
        let decoded = try JSONDecoder().decode(FeedVocabulary.self, from: JSONEncoder().encode(vocabulary))
        #expect(decoded == vocabulary)
        #expect(decoded.habits(all, feed: 3).boilerplate.map(\.index) == expected().boilerplate.map(\.index))
        #expect(decoded.habits(all, feed: 3).ownFeed.map(\.index) == expected().ownFeed.map(\.index))
    }

    /// Years of a feed: its table stays bounded, and what it forgets is the words seen once, not its boilerplate.
    @Test func aFeedsTableStaysBoundedAndKeepsItsBoilerplate() throws {
        var vocabulary = FeedVocabulary()
        let show: UInt64 = 0xABCD_EF01_2345_6789, weekly: UInt64 = 0x1357_9BDF_0246_8ACE
        var next: UInt64 = 1
        for item in 0..<2000 {
            var terms: [UInt64] = (0..<30).map { _ in next &+= 1; return next &* 0x9E37_79B9_7F4A_7C15 }
            terms.append(show)
            if item % 3 != 0 { terms.append(weekly) }  // in two thirds of the items
            vocabulary.add(terms.sorted(), feed: 9)
            let feed = try #require(vocabulary.feeds[9])
            #expect(feed.counts.count <= FeedVocabulary.maxTerms)
        }
        let feed = try #require(vocabulary.feeds[9])
        #expect(feed.counts[show] == 2000)
        #expect(feed.counts[weekly] == 1333)
        let terms = [show, weekly].sorted()
        let discounted = Dictionary(uniqueKeysWithValues: vocabulary.habits(terms, feed: 9).boilerplate.map { (terms[$0.index], $0.factor) })
        #expect(discounted[show] == 0, "the show's name, in every item, counts for nothing")
        #expect((discounted[weekly] ?? 1) < 1 && (discounted[weekly] ?? 0) > 0)
    }

    /// Any feed id survives a snapshot, 0 and negative ones too (the store numbers feeds from 1, but the engine
    /// takes any): a feed table keyed through `TermMap`, whose key 0 marks an empty slot, once lost feed 0.
    @Test func everyFeedIDSurvivesASnapshot() throws {
        var vocabulary = FeedVocabulary()
        let ids: [Int64] = [0, 1, -1, 2, .max, .min]
        for (k, id) in ids.enumerated() {
            for item in 0..<(12 + k) { vocabulary.add([UInt64(100 + k), UInt64(1000 * (k + 1) + item)], feed: id) }
        }
        let decoded = try JSONDecoder().decode(FeedVocabulary.self, from: JSONEncoder().encode(vocabulary))
        #expect(decoded == vocabulary)
        for (k, id) in ids.enumerated() {
            #expect(decoded.feeds[id]?.items == UInt32(12 + k), "feed \(id)")
            let discount = decoded.habits([UInt64(100 + k)], feed: id).boilerplate.first?.factor
            #expect(discount != nil && discount == vocabulary.habits([UInt64(100 + k)], feed: id).boilerplate.first?.factor,
                    "feed \(id): its name, in every item, is discounted as before")
        }
    }

    @Test func statisticsFromBeforeFeedsWereCountedStillLoad() throws {
        let clusterer = StoryClusterer()
        _ = clusterer.assign(batch: Self.episodes(feed: 7))
        let data = try JSONEncoder().encode(clusterer.statistics)
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var feeds = try #require(object["feeds"] as? [String: Any])
        #expect(feeds["vocabularies"] != nil)
        object["feeds"] = nil
        let old = try JSONDecoder().decode(TermStatistics.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(old.documentCount == clusterer.statistics.documentCount)
        #expect(old.feeds == FeedVocabulary())
        // The first form kept one table keyed by (feed, term) hashes, whose terms cannot be recovered: it loads
        // without the feeds' vocabularies (relearned from their next items) rather than failing.
        feeds["vocabularies"] = nil
        feeds["counts"] = Data([UInt8](repeating: 1, count: 24)).base64EncodedString()
        object["feeds"] = feeds
        let first = try JSONDecoder().decode(TermStatistics.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(first.documentCount == clusterer.statistics.documentCount)
        #expect(first.feeds == FeedVocabulary())
        #expect(try JSONDecoder().decode(TermStatistics.self, from: data) == clusterer.statistics)
    }
}
