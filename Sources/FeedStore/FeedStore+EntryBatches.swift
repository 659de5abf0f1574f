import GRDB

extension FeedStore {
    /// Rows per batch of the whole-table passes that bring stored identities up to date.
    static let identityBatchSize = 1000

    /// The `entry` rows `condition` selects, in id order, `batchSize` at a time: a pass over a large store holds
    /// one batch in memory, and `body` may update the rows it was given (a cursor must not see its table change).
    static func forEachEntryBatch(_ db: Database, columns: String, where condition: String, batchSize: Int,
                                  _ body: ([Row]) throws -> Void) throws {
        var after = Int64.min
        while true {
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, \(columns) FROM entry WHERE (\(condition)) AND id > ? ORDER BY id LIMIT ?
                """, arguments: [after, batchSize])
            guard let last = rows.last else { return }
            try body(rows)
            after = last["id"]
        }
    }
}
