import GRDB

/// The schema, as GRDB migrations: each step is applied once, in order, inside a transaction, so a store of any
/// earlier version is brought up to date on open. Never edit a shipped migration; add a new one.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: feeds, entries, stories, digests") { db in
            try db.execute(sql: """
                CREATE TABLE feed (
                    id INTEGER PRIMARY KEY,
                    url TEXT NOT NULL UNIQUE,
                    configured_title TEXT,
                    feed_title TEXT,
                    site_link TEXT,
                    category TEXT,
                    -- 1 while the configuration lists the feed; removed feeds keep their entries for past digests.
                    subscribed INTEGER NOT NULL DEFAULT 1,
                    position INTEGER NOT NULL DEFAULT 0,
                    etag TEXT,
                    last_modified TEXT,
                    last_fetched_at REAL,
                    last_status INTEGER,
                    last_duration_ms INTEGER,
                    last_bytes INTEGER,
                    last_error TEXT,
                    consecutive_errors INTEGER NOT NULL DEFAULT 0,
                    next_check_at REAL,
                    disabled_reason TEXT,
                    pending_redirect TEXT,
                    pending_redirect_count INTEGER NOT NULL DEFAULT 0
                );
                CREATE TABLE entry (
                    id INTEGER PRIMARY KEY,
                    feed_id INTEGER NOT NULL REFERENCES feed(id) ON DELETE CASCADE,
                    key TEXT NOT NULL,
                    guid TEXT,
                    link TEXT,
                    canonical_url TEXT,
                    title TEXT NOT NULL,
                    summary TEXT NOT NULL,
                    text TEXT NOT NULL,
                    content_html TEXT,
                    author TEXT,
                    published REAL,
                    updated REAL,
                    first_seen REAL NOT NULL,
                    -- The time the entry is filed under (Entry.effectiveDate), for day queries.
                    filed_at REAL NOT NULL,
                    story_id INTEGER,
                    UNIQUE (feed_id, key)
                );
                CREATE INDEX entry_story ON entry(story_id);
                CREATE INDEX entry_filed ON entry(filed_at);
                CREATE INDEX entry_unclustered ON entry(id) WHERE story_id IS NULL;
                CREATE INDEX entry_canonical ON entry(canonical_url);
                -- Which entries of which story a digest showed, so later digests do not repeat them.
                CREATE TABLE digest_shown (
                    day TEXT NOT NULL,
                    story_id INTEGER NOT NULL,
                    entry_id INTEGER NOT NULL,
                    PRIMARY KEY (day, story_id, entry_id)
                ) WITHOUT ROWID;
                CREATE INDEX digest_shown_story ON digest_shown(story_id);
                -- Learned model state (e.g. clustering term statistics), one blob per name.
                CREATE TABLE model_state (
                    name TEXT PRIMARY KEY,
                    data BLOB NOT NULL
                );
                -- Outcomes of past fetch failures, so a digest can list the feeds that failed that day.
                CREATE TABLE fetch_failure (
                    feed_id INTEGER NOT NULL REFERENCES feed(id) ON DELETE CASCADE,
                    at REAL NOT NULL,
                    reason TEXT NOT NULL
                );
                CREATE INDEX fetch_failure_at ON fetch_failure(at);
                """)
        }
        migrator.registerMigration("v2: finished digest days") { db in
            // A day whose window has passed gets its final digest (and the on_digest hook) exactly once.
            try db.execute(sql: """
                CREATE TABLE digest_day (
                    day TEXT PRIMARY KEY,
                    finalized_at REAL NOT NULL
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v3: where a feed moved to") { db in
            // A permanent redirect confirmed over several fetches: fetched there from now on, while `url` stays
            // the address the configuration lists (so the subscription still matches it).
            try db.execute(sql: "ALTER TABLE feed ADD COLUMN moved_to TEXT")
        }
        migrator.registerMigration("v4: when an entry was last listed by its feed") { db in
            // Retention forgets an entry only once its feed has stopped listing it: forgetting one the feed still
            // lists would store it again, as new, on the next fetch.
            try db.execute(sql: """
                ALTER TABLE entry ADD COLUMN last_seen REAL;
                UPDATE entry SET last_seen = first_seen;
                CREATE INDEX entry_last_seen ON entry(last_seen);
                """)
        }
        migrator.registerMigration("v5: an entry's audio or video") { db in
            try db.execute(sql: """
                ALTER TABLE entry ADD COLUMN media_url TEXT;
                ALTER TABLE entry ADD COLUMN media_type TEXT;
                ALTER TABLE entry ADD COLUMN media_length INTEGER;
                """)
        }
        migrator.registerMigration("v6: model state journals") { db in
            // What changed a model's state since its snapshot in `model_state`, a row per save in order: a daemon
            // cycle appends a few kilobytes instead of rewriting a snapshot of megabytes.
            try db.execute(sql: """
                CREATE TABLE model_journal (
                    name TEXT NOT NULL,
                    seq INTEGER NOT NULL,
                    data BLOB NOT NULL,
                    PRIMARY KEY (name, seq)
                ) WITHOUT ROWID;
                """)
        }
        return migrator
    }

    /// The migrations in order, for tests that build a store of an earlier version.
    static var migrationNames: [String] { migrator.migrations }
}
