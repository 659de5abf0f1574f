import FeedModel
import Foundation
import GRDB
import Testing
import TestSupport
@testable import FeedStore

/// An item without guid or link is keyed by its title and date. A store written before the parser mended
/// double-encoded titles holds such an item under its broken title: opening it re-keys the entry, so the next fetch
/// (which reads the title mended) recognises the item instead of storing it a second time.
@Suite struct TitleRepairTests {
    let directory: URL
    var path: String { directory.appendingPathComponent("feedd.sqlite").path }
    let now = Date(timeIntervalSince1970: 1_800_000_000.25)

    init() throws { directory = try TestPaths.temporaryDirectory("feedd-titles") }

    func entry(title: String, feed: Int64, published: Date?, updated: Date? = nil) -> Entry {
        Entry(feedID: feed, key: EntryIdentity.key(guid: nil, link: nil, title: title, published: published),
              title: title, summary: "", text: "", published: published ?? updated, updated: updated, firstSeen: now)
    }

    /// The feed's three items as a feedd that reads their titles as `title` stores them: one with a date, one
    /// with only an update date (its key hashes no date), and one clean title the repair leaves alone.
    func listed(_ title: String, feed: Int64) -> [Entry] {
        [entry(title: title, feed: feed, published: now),
         entry(title: title + " (2)", feed: feed, published: nil, updated: now),
         entry(title: "Clean title", feed: feed, published: now)]
    }

    @Test func titleKeysAreRekeyedSoAListedItemIsNotStoredAgain() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let broken = "Kamp udsat: Brøndby får ny dato".replacingOccurrences(of: "ø", with: "Ã¸")
            .replacingOccurrences(of: "å", with: "Ã¥")
        let feedID: Int64
        do {
            let store = try FeedStore(path: path)
            feedID = try store.syncSubscriptions([FeedSource(url: "https://bold.example/feed")])[0].id
            // As an older feedd stored them: under the broken title.
            let stored = try store.ingest(feedID: feedID, entries: listed(broken, feed: feedID), state: FetchState(),
                                          feedTitle: nil, siteLink: nil)
            #expect(stored.count == 3)
        }
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "DELETE FROM model_state WHERE name = ?", arguments: [FeedStore.titleRepairStateName])
        }
        try queue.close()

        let store = try FeedStore(path: path)
        #expect(store.relinkedEntries == 2)
        let mended = MojibakeRepair.repair(broken)
        #expect(mended == "Kamp udsat: Brøndby får ny dato")
        #expect(try store.unclusteredEntries().map(\.title) == [mended, mended + " (2)", "Clean title"])
        // The same items as this version parses them: recognised, nothing stored.
        let again = try store.ingest(feedID: feedID, entries: listed(mended, feed: feedID), state: FetchState(),
                                     feedTitle: nil, siteLink: nil)
        #expect(again.isEmpty)
        #expect(try store.counts().entries == 3)
        #expect(try FeedStore(path: path).relinkedEntries == 0)
        #expect(try store.modelState(named: FeedStore.titleRepairStateName) == Data(String(MojibakeRepair.revision).utf8))
    }
}
