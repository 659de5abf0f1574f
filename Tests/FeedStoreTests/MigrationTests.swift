import FeedModel
import Foundation
import GRDB
import Testing
import TestSupport
@testable import FeedStore

/// A store written by any earlier version of feedd opens with this one: every migration is applied in order and
/// the data survives.
@Suite struct MigrationTests {
    @Test(arguments: StoreSchema.migrationNames.dropLast())
    func upgradesFrom(version: String) throws {
        let directory = try TestPaths.temporaryDirectory("feedd-migrate")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("feedd.sqlite").path
        // The store as that version left it, with a feed and an entry in it.
        do {
            let old = try DatabaseQueue(path: path)
            try StoreSchema.migrator.migrate(old, upTo: version)
            try old.write { db in
                try db.execute(sql: "INSERT INTO feed (id, url, configured_title) VALUES (1, 'https://a.example/', 'A')")
                try db.execute(sql: """
                    INSERT INTO entry (feed_id, key, title, summary, text, first_seen, filed_at, story_id)
                    VALUES (1, 'id:1', 'Kept', '', '', 1800000000, 1800000000, 1)
                    """)
            }
        }
        let store = try FeedStore(path: path)
        #expect(try store.integrityCheck() == "ok")
        let feed = try #require(try store.syncSubscriptions([FeedSource(url: "https://a.example/", title: "A")]).first)
        #expect(feed.id == 1)
        #expect(try store.entry(id: 1)?.title == "Kept")
        // Every later feature works on the upgraded file.
        try store.moveFeed(id: 1, to: "https://b.example/")
        #expect(try store.subscribedFeeds().first?.fetchURL == "https://b.example/")
        try store.markFinal(day: DayStamp(year: 2026, month: 11, day: 20), at: Date())
        #expect(try store.isFinal(day: DayStamp(year: 2026, month: 11, day: 20)))
    }

    @Test func aStoreFromANewerFeeddIsRefusedReadOnly() throws {
        let directory = try TestPaths.temporaryDirectory("feedd-migrate")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("feedd.sqlite").path
        _ = try FeedStore(path: path)
        let old = try DatabaseQueue(path: path)
        try old.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future')")
        }
        #expect(throws: StoreError.self) { try FeedStore(path: path) }
    }
}
