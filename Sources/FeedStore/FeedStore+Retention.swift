import FeedModel
import Foundation
import GRDB

extension FeedStore {
    /// Forgets what is older than `cutoff`: entries filed before it whose feed has not listed them since are
    /// deleted; those a feed still lists (an archive feed's old items) keep only their identity, so they are not
    /// stored again as new; digest records and failure logs of those days go too. Then the freed pages are handed
    /// back to the file system. Digest files already written stay on disk; only regenerating a day older than the
    /// retention would show less. Returns the number of entries deleted or emptied.
    @discardableResult
    public func purge(filedBefore cutoff: Date, timeZone: TimeZone) throws(StoreError) -> Int {
        let removed = try write { db in
            try db.execute(sql: "DELETE FROM entry WHERE filed_at < ? AND last_seen < ?",
                           arguments: [cutoff.storeValue, cutoff.storeValue])
            var count = db.changesCount
            try db.execute(sql: """
                UPDATE entry SET summary = '', text = '', content_html = NULL
                WHERE filed_at < ? AND (summary != '' OR text != '' OR content_html IS NOT NULL)
                """, arguments: [cutoff.storeValue])
            count += db.changesCount
            try db.execute(sql: "DELETE FROM digest_shown WHERE day < ?",
                           arguments: [DayStamp(cutoff, in: timeZone).description])
            try db.execute(sql: "DELETE FROM fetch_failure WHERE at < ?", arguments: [cutoff.storeValue])
            return count
        }
        if removed > 0 {
            do {
                try database.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA incremental_vacuum")
                    // Move the vacuumed pages from the WAL into the main file so it really shrinks now.
                    try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                }
            } catch {
                throw StoreError(path: path, message: "incremental vacuum failed: \(error)")
            }
        }
        return removed
    }
}
