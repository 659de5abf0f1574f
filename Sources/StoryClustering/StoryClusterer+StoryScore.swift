import Foundation

/// How an item scores against a story: its nearest item, the story's centroid, and the bar it must clear.
extension StoryClusterer {
    /// The item's score against a story from its nearest item there and the story's centroid (`combine`).
    func storyScore(_ profile: ItemProfile, nearest: Double, storyID: Int64) -> (score: Double, vouched: Bool) {
        // Below the centroid floor the centroid neither lifts the score nor changes the decision (the score stays
        // below the threshold either way): skip its cost. Tested first: most candidates are below it, and the
        // story's state is a cache miss away.
        guard nearest >= Self.centroidFloor * settings.similarityThreshold else { return (nearest, true) }
        guard let story = stories[storyID], story.members > 1 else { return (nearest, true) }
        sum(story)
        guard story.normSquared > 0 else { return (nearest, true) }
        var dot: Double = 0
        for i in profile.terms.indices {
            if let c = story.centroid[profile.terms[i]] { dot += Double(profile.weights[i] * c) }
        }
        return combine(nearest: nearest, centroid: dot / story.normSquared.squareRoot(), members: story.members,
                       profile)
    }

    /// Stories of at least this many items must back an item's nearest match with their centroid.
    static let guardedMembers = 3
    /// Share of the threshold the centroid of such a story must reach, or its nearest item does not count.
    /// Measured with the term concentration: headlines-dev shuffled F1 +0.005 to +0.02 (seeds 7/3/11), with
    /// 0.4-0.6 alike; stories-dev unchanged.
    static let centroidGuard = 0.5

    /// The item's score against a story: the better of its nearest item's similarity and the (weighted) similarity
    /// to the story's centroid, so a story that has gathered many wordings of one event recognises a new wording
    /// through their shared names. Two guards, one each way:
    /// - The centroid only lifts an item that already has a fair match among the story's items: on its own it
    ///   drifts, as stories grow, towards the feed's common vocabulary and would attract everything.
    /// - A story of several items must back the nearest match with its centroid: one stray item (a headline that
    ///   names two stories: "What Flappy Bird and Bitcoin teach us") would otherwise draw the other story's items
    ///   in one by one. Such a story scores no more than its centroid allows and is not `vouched` for merging.
    func combine(nearest: Double, centroid: Double?, members: Int, _ profile: ItemProfile)
        -> (score: Double, vouched: Bool) {
        guard let centroid, members > 1 else { return (nearest, true) }
        let lifted = liftedCentroid(centroid, profile, members: members)
        if members >= Self.guardedMembers && centroid < Self.centroidGuard * settings.similarityThreshold {
            return (min(nearest, lifted), false)
        }
        guard nearest >= Self.centroidFloor * settings.similarityThreshold else { return (nearest, true) }
        return (max(nearest, lifted), true)
    }

    /// Whether an item has fewer than `shortTextWords` content words (a headline alone): it is placed with little
    /// emphasis, looked at again and decides its merges then (`refine`), and must agree more (`threshold(for:)`,
    /// `silencePenalty`).
    func isShort(_ profile: borrowing ItemProfile) -> Bool { profile.shortness(settings.shortTextWords) > 0 }

    /// Short items (a headline alone) share words by chance more easily than articles do: they must clear a
    /// higher bar, falling linearly to the plain threshold at `shortTextWords` content words.
    func threshold(for profile: ItemProfile) -> Double {
        settings.similarityThreshold + settings.shortTextMargin * profile.shortness(settings.shortTextWords)
    }

    /// A story silent this long (seconds between the item and the story's span) starts to ask more of a short
    /// item; at `quietMargin` (a week, a weekly column's beat) it asks its short-text margin a second time, and
    /// more the longer it has been silent.
    static let quietAfter: Double = 48 * 3600
    static let quietMargin: Double = 168 * 3600

    /// What a short item's score against a story loses for the story's silence: `gap` seconds between the item
    /// and the story's span (founded to latest), nothing within `quietAfter`, then rising linearly: the
    /// short-text margin at `quietMargin`, twice it five days later. Outlets report an event within a day or two;
    /// a headline that meets a story after days of silence mostly shares a name with it, and a name's next event
    /// comes up days later: the next release ("fortify-headers 2.0", "2.1"), a weekly column ("Label Pop 23.06",
    /// "30.06"), another post on "Apple TV" nine days on. An article carries enough words to tell a slow story's
    /// follow-up (TDT stories run for weeks), so it loses nothing: the penalty scales with `shortness` like the
    /// margin.
    /// Measured: the 227-feed corpus through `feedd --once`, 22 groups came apart, nearly all wrong ones (a
    /// hardware site's CPU reviews, a WordPress release's three candidates, a changelog's "May 8th" and "May
    /// 14th", "Canada", "Apple TV" and "High Sierra" across outlets) and a few arguable ones (two posts on one
    /// seasonal tracker five days apart). Starting at 24 or 72 h, or one margin at 120 or 240 h, moved 18 to 24
    /// groups: no sharp edge. Both dev sets unchanged: headlines-dev spans 36 h, and stories-dev's long-running
    /// stories are articles; applied to articles too, its recall fell 0.884 -> 0.839.
    /// Not capped at one margin: a rare name shared across two weeks of silence outweighs it ("What Caused the
    /// Big Bang?", "What Happened Before the Big Bang?", 13 days apart, similarity 0.728). Uncapped, the corpus
    /// parts four more groups, each a feed's series 10 to 13 days apart (those two, two sleep-apnea articles, a
    /// blog's two posts on one optimizer, a conference's ticket and sponsor news), and nothing else moves.
    func silencePenalty(_ profile: ItemProfile, gap: Double) -> Double {
        let shortness = profile.shortness(settings.shortTextWords)
        guard shortness > 0, gap > Self.quietAfter else { return 0 }
        let ramp = (gap - Self.quietAfter) / (Self.quietMargin - Self.quietAfter)
        return settings.shortTextMargin * shortness * ramp
    }

    /// Seconds from `time` to the span of a story's items (0 within it).
    static func silence(from time: Double, founded: Double, latest: Double) -> Double {
        max(0, founded - time, time - latest)
    }

    /// The centroid's similarity on the item's scale. A centroid that pools many wordings of a story does not
    /// share words by chance as a single short item does: the short items' raised bar shrinks towards the plain
    /// threshold as the story grows (by 1 / (members - 1): full for two items, a tenth for eleven), scaled so
    /// both compare with `threshold(for:)`. Measured on headlines-dev (shuffled): F1 0.793 -> 0.798 (seed 7),
    /// 0.796 -> 0.816 (seed 3); items with text are unaffected.
    func liftedCentroid(_ centroid: Double, _ profile: ItemProfile, members: Int) -> Double {
        let itemBar = threshold(for: profile)
        let pooledBar = settings.similarityThreshold
            + (itemBar - settings.similarityThreshold) / Double(max(1, members - 1))
        return settings.centroidWeight * centroid * itemBar / pooledBar
    }
}
