import FeedModel
import Foundation
import GRDB

extension FeedStore {
    /// Deletes entries filed before `cutoff`, with the digest records and failure logs of those days, then hands
    /// the freed pages back to the file system. Digests already written stay on disk; only regenerating a day
    /// older than the retention would show less. Returns the number of entries removed.
    @discardableResult
    public func purge(filedBefore cutoff: Date, timeZone: TimeZone) throws(StoreError) -> Int {
        let removed = try write { db in
            try db.execute(sql: "DELETE FROM entry WHERE filed_at < ?", arguments: [cutoff.storeValue])
            let count = db.changesCount
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
