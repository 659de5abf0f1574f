import FeedModel
import Foundation
import GRDB

extension FeedStore {
    /// Name of the `model_state` row holding the revision of the text repair its titles were read under.
    static let titleRepairStateName = "title-repair"

    /// Brings the identity of entries keyed by their title (no guid, no link: `EntryIdentity`'s "hash:" keys) up
    /// to this version's text repair (`MojibakeRepair.revision`), in one transaction, when the store was written
    /// under another. The parser now mends double-encoded titles ("Ã¥" to "å"), so such an item its feed still
    /// lists would get a new key and be stored a second time. Each such entry whose stored title the repair
    /// changes, and whose key is the one its stored title and date give, takes the repaired title and its key.
    /// As with links, an entry whose new key its feed already holds keeps its own. Returns how many changed.
    static func refreshTitleIdentities(_ db: Database, batchSize: Int = identityBatchSize) throws -> Int {
        let revision = Data(String(MojibakeRepair.revision).utf8)
        let stored = try Data.fetchOne(db, sql: "SELECT data FROM model_state WHERE name = ?",
                                       arguments: [Self.titleRepairStateName])
        if stored == revision { return 0 }
        var changed = 0
        try forEachEntryBatch(db, columns: "key, title, published", where: "key LIKE 'hash:%'",
                              batchSize: batchSize) { rows in
            for row in rows {
                let key: String = row["key"], title: String = row["title"]
                let repaired = MojibakeRepair.repair(title)
                guard repaired != title else { continue }
                // The key hashed the feed's title and publication date; `published` holds that date, or the
                // update date when the item had none (then the key hashed no date).
                let published = (row["published"] as Double?).map(Date.init(storeValue:))
                func keyOf(_ title: String, _ date: Date?) -> String {
                    EntryIdentity.key(guid: nil, link: nil, title: title, published: date)
                }
                guard let date = [published, nil].first(where: { keyOf(title, $0) == key }) else { continue }
                try db.execute(sql: "UPDATE OR IGNORE entry SET key = ?, title = ? WHERE id = ?",
                               arguments: [keyOf(repaired, date), repaired, row["id"] as Int64])
                changed += db.changesCount
            }
        }
        try db.execute(sql: "INSERT OR REPLACE INTO model_state (name, data) VALUES (?, ?)",
                       arguments: [Self.titleRepairStateName, revision])
        return changed
    }
}
