import FeedModel
import Foundation
import GRDB

extension FeedStore {
    /// Makes the stored subscriptions match the configuration: new feeds are added, titles and categories
    /// updated, feeds no longer configured are marked unsubscribed (their entries stay for past digests).
    /// Returns the subscribed feeds in configuration order.
    @discardableResult
    public func syncSubscriptions(_ sources: [FeedSource]) throws(StoreError) -> [Feed] {
        try write { db in
            try db.execute(sql: "UPDATE feed SET subscribed = 0")
            for (position, source) in sources.enumerated() {
                try db.execute(sql: """
                    INSERT INTO feed (url, configured_title, category, subscribed, position)
                    VALUES (?, ?, ?, 1, ?)
                    ON CONFLICT(url) DO UPDATE SET configured_title = excluded.configured_title,
                        category = excluded.category, subscribed = 1, position = excluded.position
                    """, arguments: [source.url, source.title, source.category, position])
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM feed WHERE subscribed = 1 ORDER BY position")
                .map(Feed.init(row:))
        }
    }

    /// Subscribed feeds in configuration order.
    public func subscribedFeeds() throws(StoreError) -> [Feed] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM feed WHERE subscribed = 1 ORDER BY position").map(Feed.init(row:))
        }
    }

    /// Every feed ever subscribed, keyed by id (past digests still name removed feeds).
    public func allFeeds() throws(StoreError) -> [Int64: Feed] {
        try read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT * FROM feed").map {
                let feed = Feed(row: $0)
                return (feed.id, feed)
            })
        }
    }

    /// Records the outcome of a fetch that brought no entries (304, an error, or an unparseable body).
    public func recordFetch(feedID: Int64, state: FetchState, failure: String? = nil, at date: Date) throws(StoreError) {
        try write { db in
            try Self.updateFetchState(db, feedID: feedID, state: state)
            if let failure { try Self.insertFailure(db, feedID: feedID, reason: failure, at: date) }
        }
    }

    /// The feeds that failed in `interval`, with the last reason each gave.
    public func failures(in interval: DateInterval) throws(StoreError) -> [FeedFailure] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT feed.url, COALESCE(feed.configured_title, feed.feed_title) AS title, f.reason
                FROM fetch_failure f JOIN feed ON feed.id = f.feed_id
                WHERE f.at >= ? AND f.at < ?
                  AND f.at = (SELECT MAX(at) FROM fetch_failure g WHERE g.feed_id = f.feed_id AND g.at >= ? AND g.at < ?)
                GROUP BY feed.id ORDER BY feed.url
                """, arguments: [interval.start.storeValue, interval.end.storeValue,
                                 interval.start.storeValue, interval.end.storeValue])
            .map { FeedFailure(feedURL: $0["url"], title: $0["title"], reason: $0["reason"]) }
        }
    }

    /// Fetches a feed from the URL a permanent redirect pointed at from now on (the configured URL stays its name).
    public func moveFeed(id: Int64, to url: String) throws(StoreError) {
        try write { db in
            try db.execute(sql: "UPDATE feed SET moved_to = ?, pending_redirect = NULL, pending_redirect_count = 0 WHERE id = ?",
                           arguments: [url, id])
        }
    }

    static func updateFetchState(_ db: Database, feedID: Int64, state: FetchState, feedTitle: String? = nil,
                                 siteLink: String? = nil) throws {
        try db.execute(sql: """
            UPDATE feed SET etag = ?, last_modified = ?, last_fetched_at = ?, last_status = ?, last_duration_ms = ?,
                last_bytes = ?, last_error = ?, consecutive_errors = ?, next_check_at = ?, disabled_reason = ?,
                pending_redirect = ?, pending_redirect_count = ?,
                feed_title = COALESCE(?, feed_title), site_link = COALESCE(?, site_link)
            WHERE id = ?
            """, arguments: [state.etag, state.lastModified, state.lastFetchedAt.storeValue, state.lastStatus,
                             state.lastDurationMs, state.lastBytes, state.lastError, state.consecutiveErrors,
                             state.nextCheckAt.storeValue, state.disabledReason, state.pendingRedirect,
                             state.pendingRedirectCount, feedTitle, siteLink, feedID])
    }

    static func insertFailure(_ db: Database, feedID: Int64, reason: String, at date: Date) throws {
        try db.execute(sql: "INSERT INTO fetch_failure (feed_id, at, reason) VALUES (?, ?, ?)",
                       arguments: [feedID, date.storeValue, reason])
    }
}
