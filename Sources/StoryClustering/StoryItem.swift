import Foundation
import FeedModel

/// What the clusterer needs of an item. Built from a stored `Entry` by the pipeline, or from a JSONL line by
/// `feedd cluster` — both through `StoryItem.init(entry:)`, so both see the same engine.
public struct StoryItem: Sendable, Hashable {
    public var id: Int64
    public var feedID: Int64?
    public var title: String
    /// Plain text: summary and/or body.
    public var text: String
    public var canonicalURL: String?
    public var guid: String?
    public var published: Date

    public init(id: Int64, feedID: Int64? = nil, title: String, text: String, canonicalURL: String? = nil,
                guid: String? = nil, published: Date) {
        self.id = id
        self.feedID = feedID
        self.title = title
        self.text = text
        self.canonicalURL = canonicalURL
        self.guid = guid
        self.published = published
    }

    /// The one mapping from a stored entry (the daemon and `feedd cluster` both use it): title; text = summary
    /// followed by the body unless the body already starts with the summary; the canonical link (computed from
    /// `link` when the entry lacks it); the effective date.
    public init(entry: Entry) {
        let url = entry.canonicalURL ?? entry.link.flatMap(CanonicalURL.canonicalize)
        // The store numbers feeds from 1; 0 is how `JSONLItems` marks a line without a feed (no feed to learn).
        self.init(id: entry.id, feedID: entry.feedID == 0 ? nil : entry.feedID, title: entry.title,
                  text: StoryItem.clusterText(summary: entry.summary, text: entry.text),
                  canonicalURL: url, guid: entry.guid, published: entry.effectiveDate)
    }

    /// Summary and body as one plain text, without repeating a summary the body already opens with. The store's
    /// summary is the lead cut to a digest's length with an ellipsis (`TextNormalization.truncate`): when the
    /// words before the ellipsis open the body, the summary is that body's start, not text of its own. (Read as
    /// its own text, every entry longer than the cut counted its lead's words twice, which `feedd cluster` on
    /// uncut JSON Lines never did. stories-dev with its lines stored the daemon's way: P 0.935 before (replayed
    /// in a script), 0.940 after.)
    public static func clusterText(summary: String, text: String) -> String {
        let s = TextNormalization.collapseWhitespace(summary)
        let t = TextNormalization.collapseWhitespace(text)
        if s.isEmpty { return t }
        if t.isEmpty || t.hasPrefix(s) { return t.isEmpty ? s : t }
        if s.hasPrefix(t) { return s }
        if s.hasSuffix(TextNormalization.ellipsis), t.hasPrefix(s.dropLast()) { return t }
        return s + " " + t
    }
}

/// Which tier decided an assignment.
public enum MatchTier: String, Sendable, Codable {
    /// Started a new story.
    case new
    /// Same guid or canonical URL as an item of the story.
    case identity
    /// Near-identical text (wire copy, republication).
    case nearCopy
    /// Same event in different words.
    case similar
}

public struct StoryAssignment: Sendable, Hashable {
    public var itemID: Int64
    /// The story's id: the id of the item that founded it.
    public var storyID: Int64
    public var tier: MatchTier
    /// The score that decided it (similarity, or fingerprint agreement 1 - distance/64); 0 for `.new`.
    public var score: Double
    /// The item in the story it matched best.
    public var matchedItemID: Int64?
    /// Stories this item showed to be the same event as `storyID` and that were folded into it (their items now
    /// belong to `storyID`, the older story). Usually empty; the store relabels their items.
    public var mergedStoryIDs: [Int64]

    public init(itemID: Int64, storyID: Int64, tier: MatchTier, score: Double, matchedItemID: Int64?,
                mergedStoryIDs: [Int64] = []) {
        self.itemID = itemID
        self.storyID = storyID
        self.tier = tier
        self.score = score
        self.matchedItemID = matchedItemID
        self.mergedStoryIDs = mergedStoryIDs
    }
}
