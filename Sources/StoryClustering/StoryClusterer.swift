import Foundation
import FeedModel

/// What the clusterer needs of an item. Built from a stored `Entry` by the pipeline, or from a JSONL line by
/// `feedd cluster` — both through `StoryItem.init(entry:)`-style mapping, so both see the same engine.
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

    public init(entry: Entry) {
        self.init(id: entry.id, feedID: entry.feedID, title: entry.title, text: entry.text,
                  canonicalURL: entry.canonicalURL, guid: entry.guid, published: entry.effectiveDate)
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
    /// The score that decided it (similarity, or fingerprint agreement); 0 for `.new`.
    public var score: Double
    /// The item in the story it matched best.
    public var matchedItemID: Int64?
}

/// Tunables. Defaults are the ones measured on the labelled dev data (see README).
public struct ClusteringSettings: Sendable, Hashable, Codable {
    /// Similarity (0...1) above which two items are one event.
    public var similarityThreshold: Double = 0.30
    /// How far apart in time two items of one story may be.
    public var windowHours: Double = 72

    public init() {}
}

/// Online story clustering: each item is assigned on arrival against an index of the recent window.
public final class StoryClusterer {
    public let settings: ClusteringSettings
    private var nextStoryOf: [Int64: Int64] = [:]

    public init(settings: ClusteringSettings = ClusteringSettings()) {
        self.settings = settings
    }

    /// Assigns `item` to an existing story or founds a new one.
    public func assign(_ item: StoryItem) -> StoryAssignment {
        // STUB: identity only; replaced by the StoryClustering implementation.
        StoryAssignment(itemID: item.id, storyID: item.id, tier: .new, score: 0, matchedItemID: nil)
    }

    /// Assigns a batch in a canonical order (time, then id), so the result does not depend on arrival order.
    public func assign(batch items: [StoryItem]) -> [StoryAssignment] {
        items.sorted { ($0.published, $0.id) < ($1.published, $1.id) }.map(assign)
    }

    /// Puts back an item whose story is already known (rebuilding the index after a restart).
    public func restore(_ item: StoryItem, storyID: Int64) {}
}
