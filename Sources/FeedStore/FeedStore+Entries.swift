import FeedModel
import Foundation
import GRDB

extension FeedStore {
    /// Stores what one fetch of one feed brought, in one transaction: the entries not seen before (an entry
    /// already stored under the same feed and identity key is left as it is) and the feed's new fetch state.
    /// A kill before the commit loses both, so the next run fetches (without validators) and stores them again.
    /// Returns the newly stored entries with their ids.
    public func ingest(feedID: Int64, entries: [Entry], state: FetchState, feedTitle: String?, siteLink: String?)
        throws(StoreError) -> [Entry] {
        try write { db in
            var inserted: [Entry] = []
            for var entry in entries {
                let id = try Int64.fetchOne(db, sql: """
                    INSERT INTO entry (feed_id, key, guid, link, canonical_url, title, summary, text, content_html,
                        author, published, updated, first_seen, filed_at, last_seen, media_url, media_type,
                        media_length)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(feed_id, key) DO NOTHING
                    RETURNING id
                    """, arguments: [feedID, entry.key, entry.guid, entry.link, entry.canonicalURL, entry.title,
                                     entry.summary, entry.text, entry.contentHTML, entry.author,
                                     entry.published.storeValue, entry.updated.storeValue,
                                     entry.firstSeen.storeValue, entry.effectiveDate.storeValue,
                                     entry.firstSeen.storeValue, entry.media?.url, entry.media?.type,
                                     entry.media?.length])
                guard let id else {
                    // Already stored: the feed still lists it, so retention must keep its identity.
                    try db.execute(sql: "UPDATE entry SET last_seen = ? WHERE feed_id = ? AND key = ?",
                                   arguments: [entry.firstSeen.storeValue, feedID, entry.key])
                    continue
                }
                entry.id = id
                entry.feedID = feedID
                inserted.append(entry)
            }
            try Self.updateFetchState(db, feedID: feedID, state: state, feedTitle: feedTitle, siteLink: siteLink)
            return inserted
        }
    }

    /// Entries not yet assigned to a story (new ones, or ones a killed run stored but did not cluster).
    public func unclusteredEntries() throws(StoreError) -> [Entry] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT \(Entry.columns) FROM entry WHERE story_id IS NULL ORDER BY id")
                .map(Entry.init(row:))
        }
    }

    /// Clustered entries filed at or after `date`: what the clustering index is rebuilt from after a restart.
    public func clusteredEntries(filedSince date: Date) throws(StoreError) -> [Entry] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(Entry.columns) FROM entry WHERE story_id IS NOT NULL AND filed_at >= ? ORDER BY filed_at, id
                """, arguments: [date.storeValue]).map(Entry.init(row:))
        }
    }

    /// Every entry of the stories that have an entry filed at or after `date`, in (filed, id) order: what the
    /// clustering index is rebuilt from after a restart (whole stories, so their centroids are complete).
    public func entriesOfStories(activeSince date: Date) throws(StoreError) -> [Entry] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(Entry.columns) FROM entry WHERE story_id IN (
                    SELECT DISTINCT story_id FROM entry WHERE filed_at >= ? AND story_id IS NOT NULL)
                ORDER BY filed_at, id
                """, arguments: [date.storeValue]).map(Entry.init(row:))
        }
    }

    /// Calls `body` with every clustered entry, in (filed, id) order, read a row at a time (a store of years holds
    /// more text than memory should): what the clustering statistics are counted afresh from.
    public func forEachClusteredEntry(_ body: (Entry) -> Void) throws(StoreError) {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT \(Entry.columns) FROM entry WHERE story_id IS NOT NULL ORDER BY filed_at, id
                """)
            while let row = try rows.next() { body(Entry(row: row)) }
        }
    }

    /// When the newest clustered entry is filed (nil for an empty store).
    public func newestClusteredEntryDate() throws(StoreError) -> Date? {
        try read { db in
            try Double.fetchOne(db, sql: "SELECT MAX(filed_at) FROM entry WHERE story_id IS NOT NULL")
                .map(Date.init(storeValue:))
        }
    }

    /// Saves story assignments, folds merged stories into the ones that absorbed them (their entries and digest
    /// records move), and saves the clustering model's learned state: one transaction. A model's state is saved
    /// whole (`modelState`: a snapshot, which replaces the snapshot and every journal entry saved under its name)
    /// or as what changed since (`modelJournal`: appended after the entries saved before).
    public func assignStories(_ assignments: [(entryID: Int64, storyID: Int64)],
                              merges: [(from: Int64, into: Int64)] = [], modelState: [String: Data] = [:],
                              modelJournal: [String: Data] = [:]) throws(StoreError) {
        try write { db in
            let statement = try db.makeStatement(sql: "UPDATE entry SET story_id = ? WHERE id = ?")
            for assignment in assignments {
                try statement.execute(arguments: [assignment.storyID, assignment.entryID])
            }
            for merge in merges {
                try db.execute(sql: "UPDATE entry SET story_id = ? WHERE story_id = ?", arguments: [merge.into, merge.from])
                try db.execute(sql: "UPDATE OR IGNORE digest_shown SET story_id = ? WHERE story_id = ?",
                               arguments: [merge.into, merge.from])
            }
            for (name, data) in modelState {
                try db.execute(sql: "INSERT OR REPLACE INTO model_state (name, data) VALUES (?, ?)",
                               arguments: [name, data])
                try db.execute(sql: "DELETE FROM model_journal WHERE name = ?", arguments: [name])
            }
            for (name, data) in modelJournal {
                try db.execute(sql: """
                    INSERT INTO model_journal (name, seq, data)
                    VALUES (?, COALESCE((SELECT MAX(seq) FROM model_journal WHERE name = ?), 0) + 1, ?)
                    """, arguments: [name, name, data])
            }
        }
    }

    public func modelState(named name: String) throws(StoreError) -> Data? {
        try read { db in try Data.fetchOne(db, sql: "SELECT data FROM model_state WHERE name = ?", arguments: [name]) }
    }

    /// The snapshot saved under `name` and the journal entries saved since, oldest first, read in one transaction:
    /// a reader beside the daemon never pairs an old snapshot with the journal begun on a newer one.
    public func savedModel(named name: String) throws(StoreError) -> (snapshot: Data?, journal: [Data]) {
        try read { db in
            (try Data.fetchOne(db, sql: "SELECT data FROM model_state WHERE name = ?", arguments: [name]),
             try Data.fetchAll(db, sql: "SELECT data FROM model_journal WHERE name = ? ORDER BY seq",
                               arguments: [name]))
        }
    }

    /// The stories with an entry filed in `interval`, each with all its entries filed before the interval ends.
    public func stories(filedIn interval: DateInterval) throws(StoreError) -> [Story] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT \(Entry.columns) FROM entry
                WHERE filed_at < ? AND story_id IN (
                    SELECT DISTINCT story_id FROM entry WHERE filed_at >= ? AND filed_at < ? AND story_id IS NOT NULL)
                ORDER BY story_id, filed_at, id
                """, arguments: [interval.end.storeValue, interval.start.storeValue, interval.end.storeValue])
            var stories: [Story] = []
            for entry in rows.map(Entry.init(row:)) {
                if stories.last?.id == entry.storyID {
                    stories[stories.count - 1].entries.append(entry)
                } else {
                    stories.append(Story(id: entry.storyID!, entries: [entry]))
                }
            }
            return stories
        }
    }

    public func entry(id: Int64) throws(StoreError) -> Entry? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT \(Entry.columns) FROM entry WHERE id = ?", arguments: [id])
                .map(Entry.init(row:))
        }
    }

    /// Entries whose link or canonical link is `url` (for `feedd explain URL URL`).
    public func entries(linkedTo url: String) throws(StoreError) -> [Entry] {
        let canonical = CanonicalURL.canonicalize(url)
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(Entry.columns) FROM entry WHERE link = ? OR canonical_url = ? ORDER BY id
                """, arguments: [url, canonical]).map(Entry.init(row:))
        }
    }

    /// Entry and story totals.
    public func counts() throws(StoreError) -> (feeds: Int, entries: Int, stories: Int) {
        try read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM feed WHERE subscribed = 1") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM entry") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT story_id) FROM entry") ?? 0)
        }
    }
}
