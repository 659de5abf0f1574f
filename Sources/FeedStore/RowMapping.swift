import FeedModel
import Foundation
import GRDB

// Dates are stored as Unix seconds (REAL): compact, indexable, and free of text-format ambiguity.
extension Date {
    var storeValue: Double { timeIntervalSince1970 }
    init(storeValue: Double) { self.init(timeIntervalSince1970: storeValue) }
}

extension Optional where Wrapped == Date {
    var storeValue: Double? { self?.timeIntervalSince1970 }
}

extension Feed {
    init(row: Row) {
        let configured: String? = row["configured_title"]
        let own: String? = row["feed_title"]
        self.init(
            id: row["id"], url: row["url"], movedTo: row["moved_to"], title: configured ?? own,
            siteLink: row["site_link"], category: row["category"],
            fetch: FetchState(
                etag: row["etag"], lastModified: row["last_modified"],
                lastFetchedAt: (row["last_fetched_at"] as Double?).map(Date.init(storeValue:)),
                lastStatus: row["last_status"], lastDurationMs: row["last_duration_ms"], lastBytes: row["last_bytes"],
                lastError: row["last_error"], consecutiveErrors: row["consecutive_errors"],
                nextCheckAt: (row["next_check_at"] as Double?).map(Date.init(storeValue:)),
                disabledReason: row["disabled_reason"], pendingRedirect: row["pending_redirect"],
                pendingRedirectCount: row["pending_redirect_count"]))
    }
}

extension Entry {
    static let columns = """
        id, feed_id, key, guid, link, canonical_url, title, summary, text, content_html, author, published, updated,
        first_seen, story_id, media_url, media_type, media_length
        """

    init(row: Row) {
        self.init(
            id: row["id"], feedID: row["feed_id"], key: row["key"], guid: row["guid"], link: row["link"],
            canonicalURL: row["canonical_url"], title: row["title"], summary: row["summary"], text: row["text"],
            contentHTML: row["content_html"], author: row["author"],
            published: (row["published"] as Double?).map(Date.init(storeValue:)),
            updated: (row["updated"] as Double?).map(Date.init(storeValue:)),
            firstSeen: Date(storeValue: row["first_seen"]), storyID: row["story_id"],
            media: (row["media_url"] as String?).map {
                Enclosure(url: $0, type: row["media_type"], length: row["media_length"])
            })
    }
}
