import FeedModel
import Foundation
import GRDB
import Testing
import TestSupport
@testable import FeedStore

/// A store written under older canonical-link rules (here: before tracking prefixes such as heise's `wt_mc` were
/// dropped) is brought up to the current rules when it is opened, so an item its feed still lists is recognised
/// and not stored a second time.
@Suite struct LinkRulesTests {
    let directory: URL
    var path: String { directory.appendingPathComponent("feedd.sqlite").path }
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    init() throws { directory = try TestPaths.temporaryDirectory("feedd-links") }

    /// An entry as the old rules stored it: the tracking parameter kept in its key and canonical link.
    func oldEntry(_ link: String, feed: Int64, guid: String? = nil) -> Entry {
        let oldCanonical = link.replacingOccurrences(of: "https://www.", with: "")
        return Entry(feedID: feed, key: guid.map { "id:" + $0 } ?? "url:" + oldCanonical, guid: guid, link: link,
                     canonicalURL: oldCanonical, title: "T", summary: "", text: "", published: now, firstSeen: now)
    }

    /// The entry this version makes of the same feed item.
    func currentEntry(_ link: String, feed: Int64) -> Entry {
        Entry(feedID: feed, key: EntryIdentity.key(guid: nil, link: link, title: "T", published: now), link: link,
              canonicalURL: CanonicalURL.canonicalize(link), title: "T", summary: "", text: "", published: now,
              firstSeen: now)
    }

    /// Makes the store look as an older feedd left it: no record of the rules its links follow.
    func forgetRules() throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "DELETE FROM model_state WHERE name = ?", arguments: [FeedStore.linkRulesStateName])
        }
    }

    @Test func oldLinkKeysAreRekeyedSoAListedItemIsNotStoredAgain() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let link = "https://www.heise.de/news/Patch-1234.html?wt_mc=rss.red.ho.ho.atom.beitrag.beitrag"
        let guidLink = "https://www.heise.de/news/Other-99.html?wt_mc=rss.red"
        let feedID: Int64
        do {
            let store = try FeedStore(path: path)
            feedID = try store.syncSubscriptions([FeedSource(url: "https://heise.example/feed")])[0].id
            let stored = try store.ingest(feedID: feedID, entries: [oldEntry(link, feed: feedID),
                                                                    oldEntry(guidLink, feed: feedID, guid: "g-99")],
                                          state: FetchState(), feedTitle: nil, siteLink: nil)
            #expect(stored.count == 2)
            // Under old keys the current mapping of the same item is a new entry: the duplicate this prevents.
            #expect(currentEntry(link, feed: feedID).key != stored[0].key)
        }
        try forgetRules()

        let store = try FeedStore(path: path)
        #expect(store.relinkedEntries == 2)
        let entries = try store.unclusteredEntries()
        #expect(entries.map(\.key) == ["url:heise.de/news/Patch-1234.html", "id:g-99"])
        #expect(entries.map(\.canonicalURL) == ["heise.de/news/Patch-1234.html", "heise.de/news/Other-99.html"])
        let again = try store.ingest(feedID: feedID, entries: [currentEntry(link, feed: feedID)],
                                     state: FetchState(), feedTitle: nil, siteLink: nil)
        #expect(again.isEmpty)
        #expect(try store.counts().entries == 2)
        #expect(try store.integrityCheck() == "ok")
        // Recorded: the next open finds nothing to do.
        #expect(try FeedStore(path: path).relinkedEntries == 0)
    }

    @Test func aLargeStoreIsReKeyedInBatches() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let links = (1...7).map { "https://www.heise.de/news/Item-\($0).html?wt_mc=rss.red" }
        do {
            let store = try FeedStore(path: path)
            let feedID = try store.syncSubscriptions([FeedSource(url: "https://heise.example/feed")])[0].id
            _ = try store.ingest(feedID: feedID, entries: links.map { oldEntry($0, feed: feedID) },
                                 state: FetchState(), feedTitle: nil, siteLink: nil)
        }
        try forgetRules()
        // Batches of two over seven rows: every row is visited once, the updates between batches included.
        let changed = try DatabaseQueue(path: path).write { try FeedStore.refreshLinkIdentities($0, batchSize: 2) }
        #expect(changed == 7)
        let store = try FeedStore(path: path)
        #expect(store.relinkedEntries == 0)
        let keys = try store.unclusteredEntries().map(\.key).sorted()
        #expect(keys == (1...7).map { "url:heise.de/news/Item-\($0).html" })
    }

    @Test func twoOldKeysOfOneItemKeepBothEntries() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = "https://www.heise.de/news/Patch-1234.html?wt_mc=rss.a"
        let second = "https://www.heise.de/news/Patch-1234.html?wt_mc=rss.b"
        do {
            let store = try FeedStore(path: path)
            let feedID = try store.syncSubscriptions([FeedSource(url: "https://heise.example/feed")])[0].id
            _ = try store.ingest(feedID: feedID, entries: [oldEntry(first, feed: feedID), oldEntry(second, feed: feedID)],
                                 state: FetchState(), feedTitle: nil, siteLink: nil)
        }
        try forgetRules()

        // Both now canonicalise to one link: one entry takes the new key, the other keeps its own (the unique
        // key allows no two), and neither is lost.
        let store = try FeedStore(path: path)
        let entries = try store.unclusteredEntries()
        #expect(entries.count == 2)
        #expect(entries.map(\.key) == ["url:heise.de/news/Patch-1234.html", "url:heise.de/news/Patch-1234.html?wt_mc=rss.b"])
        #expect(entries.allSatisfy { $0.canonicalURL == "heise.de/news/Patch-1234.html" })
        #expect(store.relinkedEntries == 2)
    }

    @Test func aNewStoreRecordsItsRulesAndAReaderChangesNothing() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try FeedStore(path: path).relinkedEntries == 0)
        let recorded = try FeedStore(path: path).modelState(named: FeedStore.linkRulesStateName)
        #expect(recorded == Data(CanonicalURL.rulesFingerprint.utf8))
        try forgetRules()
        #expect(try FeedStore(path: path, readOnly: true).relinkedEntries == 0)
        #expect(try FeedStore(path: path, readOnly: true).modelState(named: FeedStore.linkRulesStateName) == nil)
    }
}
