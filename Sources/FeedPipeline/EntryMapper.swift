import FeedHTML
import FeedModel
import Foundation

/// Turns a parsed item into the entry the store keeps: identity key, canonical link, plain-text title, summary
/// and body. The one place where feed HTML becomes text, so every later stage sees the same words.
public enum EntryMapper {
    /// Digest summaries are a few sentences.
    static let summaryLimit = 360
    /// Similarity needs the lead and some body, not whole long-reads.
    static let textLimit = 8_000
    /// Converting a whole long-read to text only to keep its first `textLimit` characters wastes the pass:
    /// the HTML is cut first (libxml2's HTML parser recovers from the cut).
    static let htmlLimit = 64 * 1024

    /// The item's first audio or video enclosure with an http(s) address: a podcast episode's file.
    static func media(_ enclosures: [Enclosure]) -> Enclosure? {
        enclosures.first { enclosure in
            let scheme = URL(string: enclosure.url)?.scheme?.lowercased()
            return (scheme == "http" || scheme == "https") && enclosure.mediaKind != nil
        }
    }

    public static func entry(from item: ParsedEntry, feedID: Int64, seenAt: Date) -> Entry {
        let title = TextNormalization.collapseWhitespace(item.title ?? "")
        let summaryText = item.summary.map { HTMLText.plainText(fromHTML: String(decoding: $0.utf8.prefix(htmlLimit), as: UTF8.self)) } ?? ""
        let contentText = item.content.map { HTMLText.plainText(fromHTML: String(decoding: $0.utf8.prefix(htmlLimit), as: UTF8.self)) } ?? ""
        let lead = summaryText.isEmpty ? contentText : summaryText
        // The longer of the two (in characters, counting no further than the summary's length).
        var body = TextNormalization.exceeds(contentText, characters: summaryText.count) ? contentText : summaryText
        if TextNormalization.exceeds(body, characters: textLimit) { body = String(body.prefix(textLimit)) }
        let canonical = item.link.flatMap(CanonicalURL.canonicalize)
        let key = EntryIdentity.key(guid: item.id, link: item.link, canonicalLink: canonical, title: item.title,
                                    published: item.published)
        return Entry(
            feedID: feedID, key: key, guid: item.id, link: item.link, canonicalURL: canonical,
            title: title.isEmpty ? TextNormalization.truncate(lead, to: 90) : title,
            summary: TextNormalization.truncate(lead, to: summaryLimit),
            text: body, contentHTML: item.content ?? item.summary, author: item.author,
            published: item.published ?? item.updated, updated: item.updated, firstSeen: seenAt,
            media: media(item.enclosures))
    }
}
