import FeedModel
import FeedStore
import Foundation
import Testing
import TestSupport

@Suite struct FeedStoreTests {
    let directory: URL
    var path: String { directory.appendingPathComponent("state/feedd.sqlite").path }
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    init() throws { directory = try TestPaths.temporaryDirectory("feedd-store") }

    func entry(_ key: String, feed: Int64, title: String, at offset: TimeInterval = 0) -> Entry {
        Entry(feedID: feed, key: key, guid: key, link: "https://example.org/\(key)",
              canonicalURL: "example.org/\(key)", title: title, summary: "s \(title)", text: "t \(title)",
              published: now.addingTimeInterval(offset), firstSeen: now)
    }

    @Test func entriesSurviveReopenAndAreNotStoredTwice() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            let store = try FeedStore(path: path)
            let feeds = try store.syncSubscriptions([FeedSource(url: "https://a.example/feed", category: "News")])
            let stored = try store.ingest(feedID: feeds[0].id, entries: [entry("1", feed: feeds[0].id, title: "One"),
                                                                         entry("2", feed: feeds[0].id, title: "Two")],
                                          state: FetchState(etag: "\"v1\""), feedTitle: "Feed A", siteLink: nil)
            #expect(stored.map(\.title) == ["One", "Two"])
            #expect(stored.allSatisfy { $0.id > 0 })
        }
        let store = try FeedStore(path: path)
        let feed = try #require(try store.subscribedFeeds().first)
        #expect(feed.title == "Feed A")
        #expect(feed.category == "News")
        #expect(feed.fetch.etag == "\"v1\"")
        let again = try store.ingest(feedID: feed.id, entries: [entry("2", feed: feed.id, title: "Two"),
                                                                 entry("3", feed: feed.id, title: "Three")],
                                     state: FetchState(), feedTitle: nil, siteLink: nil)
        #expect(again.map(\.title) == ["Three"])
        #expect(try store.counts().entries == 3)
        #expect(try store.unclusteredEntries().map(\.title) == ["One", "Two", "Three"])
        let first = try #require(try store.entry(id: again[0].id))
        #expect(first.link == "https://example.org/3")
        #expect(first.published == now)
        #expect(try store.integrityCheck() == "ok")
    }

    @Test func anEpisodesMediaIsStoredAndReadBack() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try FeedStore(path: path)
        let feed = try store.syncSubscriptions([FeedSource(url: "https://pod.example/feed")])[0]
        var episode = entry("ep1", feed: feed.id, title: "Episode 1")
        episode.media = Enclosure(url: "https://cdn.example/ep1.mp3", type: "audio/mpeg", length: 12_345)
        var sizeless = entry("ep2", feed: feed.id, title: "Episode 2")
        sizeless.media = Enclosure(url: "https://cdn.example/ep2.ogg")
        _ = try store.ingest(feedID: feed.id, entries: [episode, sizeless, entry("post", feed: feed.id, title: "Post")],
                             state: FetchState(), feedTitle: nil, siteLink: nil)
        #expect(try store.unclusteredEntries().map(\.media) == [episode.media, sizeless.media, nil])
    }

    @Test func storiesOfADayAndTheNoRepeatRecord() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try FeedStore(path: path)
        let feeds = try store.syncSubscriptions([FeedSource(url: "https://a.example/"), FeedSource(url: "https://b.example/")])
        let a = try store.ingest(feedID: feeds[0].id, entries: [entry("a1", feed: feeds[0].id, title: "A1", at: -86_400),
                                                                entry("a2", feed: feeds[0].id, title: "A2")],
                                 state: FetchState(), feedTitle: nil, siteLink: nil)
        let b = try store.ingest(feedID: feeds[1].id, entries: [entry("b1", feed: feeds[1].id, title: "B1")],
                                 state: FetchState(), feedTitle: nil, siteLink: nil)
        // a1 (yesterday) founded a story that b1 joined today; a2 is a story of its own.
        try store.assignStories([(a[0].id, a[0].id), (a[1].id, a[1].id), (b[0].id, a[0].id)])
        #expect(try store.unclusteredEntries().isEmpty)

        let utc = TimeZone(identifier: "UTC")!
        let today = DayStamp(now, in: utc)
        let stories = try store.stories(filedIn: today.interval(in: utc))
        #expect(stories.map(\.id).sorted() == [a[0].id, a[1].id].sorted())
        #expect(stories.first { $0.id == a[0].id }?.entries.map(\.title) == ["A1", "B1"])

        try store.recordShown(day: today.adding(days: -1), shown: [a[0].id: [a[0].id]])
        #expect(try store.shownBefore(day: today, storyIDs: stories.map(\.id)) == [a[0].id: [a[0].id]])
        #expect(try store.shownBefore(day: today.adding(days: -1), storyIDs: stories.map(\.id)).isEmpty)
        // Rewriting a day replaces its record.
        try store.recordShown(day: today.adding(days: -1), shown: [:])
        #expect(try store.shownBefore(day: today, storyIDs: stories.map(\.id)).isEmpty)
    }

    @Test func unsubscribedFeedsKeepTheirEntries() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try FeedStore(path: path)
        let feeds = try store.syncSubscriptions([FeedSource(url: "https://a.example/"), FeedSource(url: "https://b.example/")])
        _ = try store.ingest(feedID: feeds[1].id, entries: [entry("b", feed: feeds[1].id, title: "B")],
                             state: FetchState(), feedTitle: "B feed", siteLink: nil)
        let remaining = try store.syncSubscriptions([FeedSource(url: "https://a.example/")])
        #expect(remaining.map(\.url) == ["https://a.example/"])
        #expect(try store.allFeeds()[feeds[1].id]?.title == "B feed")
        #expect(try store.counts().entries == 1)
    }

    @Test func failuresOfADay() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try FeedStore(path: path)
        let feeds = try store.syncSubscriptions([FeedSource(url: "https://a.example/", title: "A")])
        try store.recordFetch(feedID: feeds[0].id, state: FetchState(lastError: "HTTP 500", consecutiveErrors: 1),
                              failure: "HTTP 500", at: now)
        try store.recordFetch(feedID: feeds[0].id, state: FetchState(lastError: "timed out", consecutiveErrors: 2),
                              failure: "timed out", at: now.addingTimeInterval(60))
        let failures = try store.failures(in: DateInterval(start: now.addingTimeInterval(-10), duration: 3600))
        #expect(failures == [FeedFailure(feedURL: "https://a.example/", title: "A", reason: "timed out")])
        #expect(try store.subscribedFeeds()[0].fetch.consecutiveErrors == 2)
    }

    @Test func readOnlyOpenOfAMissingStoreExplains() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let error = #expect(throws: StoreError.self) { try FeedStore(path: path, readOnly: true) }
        #expect(error?.description.contains("no store here yet") == true)
        _ = try FeedStore(path: path)
        let reader = try FeedStore(path: path, readOnly: true)
        #expect(try reader.subscribedFeeds().isEmpty)
    }

    @Test func modelStateRoundTrips() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try FeedStore(path: path)
        try store.assignStories([], modelState: ["terms": Data([1, 2, 3])])
        #expect(try store.modelState(named: "terms") == Data([1, 2, 3]))
        #expect(try store.modelState(named: "other") == nil)
    }

    @Test func journalEntriesFollowTheirSnapshotUntilTheNextOne() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try FeedStore(path: path)
        try store.assignStories([], modelState: ["terms": Data([1])])
        try store.assignStories([], modelJournal: ["terms": Data([2])])
        try store.assignStories([], modelJournal: ["terms": Data([3]), "other": Data([9])])
        // Read back in the order saved, from a store opened afresh (a restart).
        #expect(try FeedStore(path: path).savedModel(named: "terms").journal == [Data([2]), Data([3])])
        #expect(try store.savedModel(named: "other").journal == [Data([9])])
        // A snapshot holds everything journaled before it: the name's journal goes, other names' stay.
        try store.assignStories([], modelState: ["terms": Data([4])], modelJournal: ["terms": Data([5])])
        #expect(try store.modelState(named: "terms") == Data([4]))
        #expect(try store.savedModel(named: "terms").journal == [Data([5])])
        #expect(try store.savedModel(named: "other").journal == [Data([9])])
    }
}

@Suite struct FeedStoreRetentionTests {
    @Test func purgeRemovesOldEntriesAndShrinksTheFile() throws {
        let directory = try TestPaths.temporaryDirectory("feedd-retention")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("feedd.sqlite").path
        let store = try FeedStore(path: path)
        let feed = try store.syncSubscriptions([FeedSource(url: "https://a.example/")])[0]
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let body = String(repeating: "lorem ipsum ", count: 400)
        let old = (0..<400).map {
            Entry(feedID: feed.id, key: "old\($0)", title: "Old \($0)", text: body,
                  published: now.addingTimeInterval(-100 * 86_400), firstSeen: now.addingTimeInterval(-100 * 86_400))
        }
        let recent = Entry(feedID: feed.id, key: "new", title: "New", published: now, firstSeen: now)
        // An archive item: published long ago, first stored long ago, and still listed by the feed today.
        let archive = Entry(feedID: feed.id, key: "archive", title: "Archive", text: body,
                            published: now.addingTimeInterval(-400 * 86_400), firstSeen: now.addingTimeInterval(-100 * 86_400))
        let stored = try store.ingest(feedID: feed.id, entries: old + [recent, archive], state: FetchState(),
                                      feedTitle: nil, siteLink: nil)
        try store.assignStories(stored.map { ($0.id, $0.id) })
        var listedAgain = archive
        listedAgain.firstSeen = now
        #expect(try store.ingest(feedID: feed.id, entries: [listedAgain], state: FetchState(), feedTitle: nil,
                                 siteLink: nil).isEmpty)
        let sizeBefore = try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
        let removed = try store.purge(filedBefore: now.addingTimeInterval(-90 * 86_400), timeZone: .gmt)
        #expect(removed == 401)
        // The archive item keeps its identity (no text), so the feed listing it again stores nothing new.
        #expect(try store.counts().entries == 2)
        #expect(try store.entries(linkedTo: "x").isEmpty)
        #expect(try store.ingest(feedID: feed.id, entries: [listedAgain], state: FetchState(), feedTitle: nil,
                                 siteLink: nil).isEmpty)
        let sizeAfter = try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
        #expect(sizeAfter < sizeBefore)
        #expect(try store.integrityCheck() == "ok")
    }
}
