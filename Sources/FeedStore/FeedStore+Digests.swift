import FeedModel
import Foundation
import GRDB

extension FeedStore {
    /// For each of `storyIDs`, the entries digests of days before `day` already showed.
    public func shownBefore(day: DayStamp, storyIDs: [Int64]) throws(StoreError) -> [Int64: Set<Int64>] {
        guard !storyIDs.isEmpty else { return [:] }
        return try read { db in
            var shown: [Int64: Set<Int64>] = [:]
            let placeholders = databaseQuestionMarks(count: storyIDs.count)
            var arguments: StatementArguments = [day.description]
            arguments += StatementArguments(storyIDs)
            for row in try Row.fetchAll(db, sql: """
                SELECT story_id, entry_id FROM digest_shown WHERE day < ? AND story_id IN (\(placeholders))
                """, arguments: arguments) {
                shown[row["story_id"], default: []].insert(row["entry_id"])
            }
            return shown
        }
    }

    /// Remembers what the digest of `day` showed. Writing the same day again replaces its record.
    public func recordShown(day: DayStamp, shown: [Int64: Set<Int64>]) throws(StoreError) {
        try write { db in
            try db.execute(sql: "DELETE FROM digest_shown WHERE day = ?", arguments: [day.description])
            let statement = try db.makeStatement(sql: "INSERT INTO digest_shown (day, story_id, entry_id) VALUES (?, ?, ?)")
            for (story, entries) in shown {
                for entry in entries { try statement.execute(arguments: [day.description, story, entry]) }
            }
        }
    }
}

extension FeedStore {
    /// Whether the final digest of `day` was written (and its hook run).
    public func isFinal(day: DayStamp) throws(StoreError) -> Bool {
        try read { db in
            try Bool.fetchOne(db, sql: "SELECT 1 FROM digest_day WHERE day = ?", arguments: [day.description]) ?? false
        }
    }

    public func markFinal(day: DayStamp, at date: Date) throws(StoreError) {
        try write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO digest_day (day, finalized_at) VALUES (?, ?)",
                           arguments: [day.description, date.storeValue])
        }
    }
}
