import Foundation
import FeedModel

/// What digest.atom says: one entry per day present, newest first. Every date comes from the digests themselves
/// (a day's `updated` is its latest item), never from the clock, so the same days give the same bytes.
struct AtomFeed {
    struct Entry {
        var title: String
        var id: String
        var updated: String
        var published: String
        var link: String
        var summary: String
        /// An HTML fragment (escaped again by the template, as Atom's type="html" requires).
        var content: String
    }

    var title: String
    var id: String
    var updated: String
    var indexLink: String
    var selfLink: String
    var entries: [Entry]

    init(title: String, archive: DigestArchive, baseURL: URL?, limit: Int) {
        self.title = title
        let base = baseURL.map { $0.absoluteString.hasSuffix("/") ? $0.absoluteString : $0.absoluteString + "/" }
        // Without a published address, ids are tag URIs: stable, and never mistaken for a fetchable link.
        id = base.map { $0 + "digest.atom" } ?? "tag:feedd,2026:digest"
        indexLink = (base ?? "") + "index.html"
        selfLink = (base ?? "") + "digest.atom"
        entries = archive.days.prefix(max(1, limit)).map { day in
            let date = day.day.description
            let digest = day.digest
            let fallbackDate = date + "T00:00:00Z"
            var summary = digest?.counts.text ?? "Digest of \(date)"
            if summary.isEmpty { summary = "Digest of \(date)" }
            return Entry(title: digest.map { "\($0.title): \($0.dateText)" } ?? "\(title): \(date)",
                         id: base.map { $0 + date + ".html" } ?? "tag:feedd,2026:digest:\(date)",
                         updated: digest?.updated ?? fallbackDate,
                         // The start of the day covered: never after `updated`, and the same on every rewrite.
                         published: digest?.windowStart ?? fallbackDate,
                         link: (base ?? "") + date + ".html",
                         summary: summary,
                         content: digest.map(Self.content) ?? "")
        }
        updated = entries.map(\.updated).max { Self.instant($0) < Self.instant($1) } ?? "1970-01-01T00:00:00Z"
    }

    /// Compares RFC 3339 strings by instant: days may have been written with different offsets.
    static func instant(_ text: String) -> Double {
        (try? Date(text, strategy: .iso8601))?.timeIntervalSince1970 ?? 0
    }

    /// The day's top stories as a short HTML list: headline, outlets count. Text is escaped here; the
    /// template escapes the whole fragment once more for XML.
    static func content(_ digest: DailyDigest) -> String {
        var html = "<p>" + escape(digest.counts.text) + "</p>"
        for section in digest.sections {
            html += "<h3>" + escape(section.name) + "</h3><ul>"
            for story in section.stories.prefix(10) {
                let headline = escape(story.headline)
                let linked = story.link.map { "<a href=\"\(escape($0))\">\(headline)</a>" } ?? headline
                html += "<li>" + linked + " <small>(" + escape(story.outletsText) + ")</small></li>"
            }
            if section.stories.count > 10 { html += "<li>…and \(section.stories.count - 10) more</li>" }
            html += "</ul>"
        }
        return html
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
