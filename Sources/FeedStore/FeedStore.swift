import FeedModel
import Foundation
import GRDB

/// The file-backed store: one SQLite file in WAL mode. Every method is one transaction, so a crash or a kill
/// leaves either all of a change or none of it. Readers (`feeds`, `digest`, `explain`) can open the same file
/// read-only while the daemon writes.
public final class FeedStore: Sendable {
    let database: DatabasePool
    public let path: String
    /// Entries whose canonical link or identity key this open brought up to the current link rules or title
    /// repair (0 unless they changed since the store was last written: `refreshLinkIdentities`,
    /// `refreshTitleIdentities`).
    public let relinkedEntries: Int

    /// Opens (creating if needed) the store at `path` and brings its schema up to date.
    public init(path: String, readOnly: Bool = false) throws(StoreError) {
        self.path = path
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.foreignKeysEnabled = true
        // Another process (the daemon) may hold the write lock briefly: wait rather than fail.
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            if !db.configuration.readonly {
                // WAL + NORMAL: commits survive process kills; a power cut loses at most the last commits.
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                // Only takes effect on a new, empty file: lets retention hand pages back to the file system.
                try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL")
            }
        }
        do {
            if !readOnly {
                try FileManager.default.createDirectory(
                    at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
            } else if !FileManager.default.fileExists(atPath: path) {
                throw StoreError(path: path, message: "no store here yet (run `feedd --once` first)")
            }
            database = try DatabasePool(path: path, configuration: configuration)
            if try database.read({ try StoreSchema.migrator.hasBeenSuperseded($0) }) {
                throw StoreError(path: path, message: "written by a newer feedd (its schema has migrations this one does not know); upgrade feedd")
            }
            if !readOnly {
                try StoreSchema.migrator.migrate(database)
                relinkedEntries = try database.write { db in
                    try Self.refreshLinkIdentities(db) + Self.refreshTitleIdentities(db)
                }
            } else if try database.read({ try !StoreSchema.migrator.hasCompletedMigrations($0) }) {
                throw StoreError(path: path, message: "the store's schema is older than this feedd; run a writing command first")
            } else {
                relinkedEntries = 0
            }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw StoreError(path: path, message: error.message ?? "\(error)")
        } catch {
            throw StoreError(path: path, message: "\(error)")
        }
    }

    /// Runs `body` in a write transaction, translating database errors into `StoreError`s.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try database.write(body) } catch { throw storeError(error) }
    }

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try database.read(body) } catch { throw storeError(error) }
    }

    private func storeError(_ error: any Error) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? DatabaseError { return StoreError(path: path, message: error.message ?? "\(error)") }
        return StoreError(path: path, message: "\(error)")
    }

    /// `PRAGMA integrity_check`: "ok" when the file is sound.
    public func integrityCheck() throws(StoreError) -> String {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ") }
    }
}

extension FeedStore {
    /// Whether the database answers a trivial query now (the daemon's watchdog asks before each ping).
    public func isReachable() -> Bool {
        (try? read { db in try Int.fetchOne(db, sql: "SELECT 1") }) == 1
    }
}
