import FeedModel
import Foundation
import GRDB

extension FeedStore {
    /// Name of the `model_state` row holding the canonicalisation its links were stored under.
    static let linkRulesStateName = "canonical-url-rules"

    /// Brings stored links up to this version's canonicalisation (`CanonicalURL.rulesFingerprint`), in one
    /// transaction, when the store was written under other rules: each entry's canonical link, and the identity key
    /// of entries without a guid (their key is the canonical link). Without it, a new tracking parameter in the
    /// rules would give an item its feed still lists a new key, and the next fetch would store it a second time.
    /// An entry whose new key another entry of its feed already holds (one item stored twice under old rules)
    /// keeps its old key: both stay, nothing is merged or lost. Returns how many entries changed.
    /// Runs when a writer opens the store (`relinkedEntries`); a store under this version's rules is left as it is.
    static func refreshLinkIdentities(_ db: Database, batchSize: Int = identityBatchSize) throws -> Int {
        let fingerprint = CanonicalURL.rulesFingerprint
        let stored = try Data.fetchOne(db, sql: "SELECT data FROM model_state WHERE name = ?",
                                       arguments: [Self.linkRulesStateName])
        if stored == Data(fingerprint.utf8) { return 0 }
        var changed = 0
        try forEachEntryBatch(db, columns: "key, guid, link, canonical_url", where: "link IS NOT NULL",
                              batchSize: batchSize) { rows in
            for row in rows {
                let id: Int64 = row["id"], key: String = row["key"], link: String = row["link"]
                let canonical = CanonicalURL.canonicalize(link)
                // Only link keys are recomputed: a guid key never depended on the rules, and a hash key was
                // chosen because the item had no link.
                let newKey = key.hasPrefix("url:")
                    ? EntryIdentity.key(guid: row["guid"], link: link, title: nil, published: nil) : key
                guard newKey != key || canonical != row["canonical_url"] else { continue }
                if newKey != key {
                    try db.execute(sql: "UPDATE OR IGNORE entry SET key = ?, canonical_url = ? WHERE id = ?",
                                   arguments: [newKey, canonical, id])
                    if db.changesCount > 0 { changed += 1; continue }
                }
                try db.execute(sql: "UPDATE entry SET canonical_url = ? WHERE id = ?", arguments: [canonical, id])
                changed += db.changesCount
            }
        }
        try db.execute(sql: "INSERT OR REPLACE INTO model_state (name, data) VALUES (?, ?)",
                       arguments: [Self.linkRulesStateName, Data(fingerprint.utf8)])
        return changed
    }
}
