/// Tunables of story clustering. Every field has a default measured on labelled news data (B-cubed F1 on TDT /
/// Multi-News articles and on Google News headline clusters); the daemon exposes them in its TOML config.
public struct ClusteringSettings: Sendable, Hashable, Codable {
    /// Tier 3: weighted similarity (0...1, cosine of IDF-weighted term vectors, named entities, numbers and rare
    /// terms counting most) at or above which an item joins a story of the same event.
    /// Raising it keeps more distinct stories apart (higher precision) but shows more duplicates (lower recall);
    /// lowering it merges rewordings more eagerly and starts to fold distinct stories of one topic together.
    /// It is also the merge bar: two open stories merge when an item matches both and their centroids are at
    /// least this similar. An item still alone once its whole batch is placed joins a story at 0.9 of its bar.
    public var similarityThreshold: Double = 0.23
    /// How long after its story's latest item an item stays a candidate (and in memory): an item joins a story
    /// only within this time of the story's span. Longer windows let slow, developing stories keep gathering
    /// follow-ups but cost memory and let recurring topics (a weekly report) merge; shorter ones split them.
    /// Memory is about 3.4 KiB per window item (feedd-bench cluster: 120k items held, 531 MiB peak with the
    /// benchmark's own 131 MiB), so 336 h suits a few thousand items a day (~10k/day: ~0.5 GiB); at far higher
    /// volumes lower it. 168 h costs recall on slow stories (stories-dev R 0.882 -> 0.838, F1 0.909 -> 0.885).
    public var windowHours: Double = 336
    /// Tier 2: largest Hamming distance (of 64 bits) between the SimHash fingerprints of two texts that makes them
    /// near-copies (wire copies, republications). 0 only merges identical texts; above ~6 unrelated texts of one
    /// template start to collide. The band index finds every pair within 3 bits; larger values only widen the
    /// test among items that share a band.
    public var nearCopyMaxDistance: Int = 3
    /// Tier 2 only fingerprints texts with at least this many words: short texts give unreliable fingerprints.
    public var nearCopyMinWords: Int = 25
    /// How strongly a story's centroid (all its items together) counts next to its single best-matching item
    /// (the score is the larger of the two), 0...1. Higher values let a large story absorb items that match its
    /// overall vocabulary (better recall for big, loosely worded stories); 0 compares item to item only.
    public var centroidWeight: Double = 1.0
    /// Added to `similarityThreshold` for items with few words (a headline alone), shrinking linearly to 0 at
    /// `shortTextWords` content words: short texts share a word or two by chance, so they must agree more with
    /// any one item. (A story's centroid, pooling many wordings, is held to the plain threshold.) A short item
    /// meeting a story silent for days must clear it a second time, in full after a week and more beyond
    /// (`StoryClusterer.silencePenalty`).
    /// Raise it if headline-only feeds over-merge; lower it if their rewordings stay apart. Measured (titles only,
    /// 8 shuffles): 0.18 gives headlines-dev mean F1 0.854 (precision 0.869); 0.05 gives 0.863 (0.858), but the
    /// cold-start test's two events in one town fold together, and the silence penalty (a share of this margin)
    /// no longer parts a name's next event days later.
    public var shortTextMargin: Double = 0.18
    public var shortTextWords: Int = 40

    public init() {}

    public init(similarityThreshold: Double = 0.23, windowHours: Double = 336, nearCopyMaxDistance: Int = 3,
                nearCopyMinWords: Int = 25, centroidWeight: Double = 1.0, shortTextMargin: Double = 0.18,
                shortTextWords: Int = 40) {
        self.similarityThreshold = similarityThreshold
        self.windowHours = windowHours
        self.nearCopyMaxDistance = nearCopyMaxDistance
        self.nearCopyMinWords = nearCopyMinWords
        self.centroidWeight = centroidWeight
        self.shortTextMargin = shortTextMargin
        self.shortTextWords = shortTextWords
    }

    /// Decodes partial documents: a missing key keeps its default, so configs written by older versions still load.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = ClusteringSettings()
        similarityThreshold = try c.decodeIfPresent(Double.self, forKey: .similarityThreshold) ?? d.similarityThreshold
        windowHours = try c.decodeIfPresent(Double.self, forKey: .windowHours) ?? d.windowHours
        nearCopyMaxDistance = try c.decodeIfPresent(Int.self, forKey: .nearCopyMaxDistance) ?? d.nearCopyMaxDistance
        nearCopyMinWords = try c.decodeIfPresent(Int.self, forKey: .nearCopyMinWords) ?? d.nearCopyMinWords
        centroidWeight = try c.decodeIfPresent(Double.self, forKey: .centroidWeight) ?? d.centroidWeight
        shortTextMargin = try c.decodeIfPresent(Double.self, forKey: .shortTextMargin) ?? d.shortTextMargin
        shortTextWords = try c.decodeIfPresent(Int.self, forKey: .shortTextWords) ?? d.shortTextWords
    }

    var windowSeconds: Double { windowHours * 3600 }
}
