import Foundation

/// Why two items are, or are not, one story: each tier's evidence and the decision with the threshold it met or
/// missed. Built by `StoryClusterer.explain(_:_:)` with the clusterer's current statistics and settings; it judges
/// the pair itself and each item against the other's story in the window (nearest item and centroid), as the
/// engine's assignment does.
public struct PairExplanation: Sendable, Hashable, CustomStringConvertible {
    public struct SharedTerm: Sendable, Hashable {
        public var term: String
        /// The term's share of the similarity (product of its weights in both items).
        public var contribution: Double
    }

    /// One item against the story (in the current window) that holds the other item, judged as the engine
    /// assigns: its nearest item there and the story's centroid, without the item itself.
    public struct StoryEvidence: Sendable, Hashable {
        public var itemID: Int64
        public var storyID: Int64
        /// Items of the story in the window, not counting `itemID`.
        public var members: Int
        public var nearestItemID: Int64
        public var nearestSimilarity: Double
        /// Cosine with the story's centroid; nil for a one-item story (the centroid is that item).
        public var centroidSimilarity: Double?
        /// Whether the nearest item is close enough for the centroid to count.
        public var centroidCounts: Bool
        /// Whether the story backs its nearest item: a story of several items whose centroid is below
        /// `centroidGuard` does not (one stray item there does not make the story a match).
        public var backed: Bool
        public var centroidGuard: Double
        /// Hours between the item and the story's span, and what the score lost for them
        /// (`StoryClusterer.silencePenalty`: a short item meeting a story silent for days).
        public var silenceHours: Double
        public var silencePenalty: Double
        /// What the engine compares with the threshold: the nearest item's similarity, or the centroid's when
        /// it counts and is higher, less the silence penalty.
        public var score: Double
        public var threshold: Double
        /// The bar for an item still alone once its batch was placed (`StoryClusterer.aloneRelief`).
        public var loneThreshold: Double
        /// Whether the item is in that story now.
        public var member: Bool
        /// Whether the item falls within the window of the story's span (the story can take it, however far the
        /// pair's own times are apart).
        public var inReach: Bool
        public var meets: Bool { inReach && score >= threshold }
        /// The item is in the story and clears only the lone item's bar: it joined on its batch's second look.
        public var joinedAlone: Bool { inReach && member && !meets && score >= loneThreshold }
    }

    public var itemA: Int64
    public var itemB: Int64
    // Tier 1.
    public var canonicalURLA: String?
    public var canonicalURLB: String?
    public var sameURL: Bool
    /// Why the link both share does not make them one item (a site's front page; two entries of one feed).
    public var sharedLinkRefusal: String? = nil
    public var sameGUID: Bool
    /// Why the two are not compared by similarity at all: posts of one feed under one title and nothing more.
    public var sameFeedTitleRefusal: String? = nil
    /// The later item's title lead when its feed repeats it and both are posts of that feed: a series' name,
    /// not counted in `similarity` (`ItemProfile.ownFeedShare`).
    public var seriesLead: String? = nil
    /// Shared words that count less because both items are posts of one feed that writes them in many of its
    /// posts (`FeedVocabulary.habits`), with the share of each that still counts.
    public var feedHabits: [HabitTerm] = []
    public struct HabitTerm: Sendable, Hashable {
        public var term: String
        /// Share of the term's contribution that counts (0 ≤ kept < 1).
        public var kept: Double
    }
    // Tier 2.
    /// Hamming distance of the two text fingerprints, nil when a text is too short to fingerprint.
    public var fingerprintDistance: Int?
    public var nearCopyMaxDistance: Int
    // Tier 3.
    public var similarity: Double
    /// What the similarity loses for the time between the two when the later one is a short item
    /// (`StoryClusterer.silencePenalty`): 0 within two days.
    public var silencePenalty: Double = 0
    /// The similarity the pair needed (the higher of the two items' thresholds: short texts must agree more).
    public var similarityThreshold: Double
    /// Strongest shared terms, by contribution.
    public var sharedTerms: [SharedTerm]
    /// Years both items write that are no evidence: within one of an item's own publication year
    /// (`PublicationYear`).
    public var datedYears: [String] = []
    /// Each item against the other's story (when that story is in the window): the evidence the engine's
    /// decision used besides the pair itself.
    public var storyEvidence: [StoryEvidence] = []
    // Time.
    public var timeGapHours: Double
    public var windowHours: Double
    /// What the clusterer would decide for this pair: the tier that merges them, or `.new` for "apart".
    public var decision: MatchTier

    /// Whether the pair's own similarity joins them (compared at all, within the window, above the bar).
    var pairMeets: Bool {
        similarity - silencePenalty >= similarityThreshold && timeGapHours <= windowHours
            && sameFeedTitleRefusal == nil
    }

    public var description: String {
        func f(_ x: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", x) }
        var lines: [String] = []
        lines.append("items \(itemA) and \(itemB)")
        let urls = "\(canonicalURLA ?? "-")  vs  \(canonicalURLB ?? "-")"
        let link = sameURL ? "same canonical URL"
            : sharedLinkRefusal.map { "same link, not an identity (\($0))" } ?? "different URLs"
        lines.append("identity:   \(link)\(sameGUID ? ", same guid" : ""): \(urls)")
        if let d = fingerprintDistance {
            lines.append("near-copy:  fingerprint distance \(d)/64 (near-copy at <= \(nearCopyMaxDistance))")
        } else {
            lines.append("near-copy:  not fingerprinted (text too short)")
        }
        let silence = silencePenalty > 0 && similarity > 0
            ? ", less \(f(silencePenalty)) for \(f(timeGapHours, 1)) h between them (a short item must agree more "
                + "after days apart)"
            : ""
        lines.append("similarity: \(f(similarity)) (threshold \(f(similarityThreshold)))" + silence
                     + (sameFeedTitleRefusal.map { ", not counted: \($0)" } ?? "")
                     + (seriesLead.map { ", without \"\($0)\" (a title lead their feed repeats: a series' name)" }
                        ?? ""))
        if !sharedTerms.isEmpty {
            lines.append("  shared:   " + sharedTerms.map { "\($0.term) \(f($0.contribution))" }.joined(separator: ", "))
        }
        if !feedHabits.isEmpty {
            let habits = feedHabits.map { "\($0.term) (\(f($0.kept, 2)) of it)" }.joined(separator: ", ")
            lines.append("  counted less: " + habits + " (words their feed writes in many of its posts)")
        }
        if !datedYears.isEmpty {
            lines.append("  not counted: " + datedYears.joined(separator: ", ")
                         + " (a year near the items' own dates says nothing about their event)")
        }
        for e in storyEvidence {
            var line = "story:      item \(e.itemID) vs story \(e.storyID) (\(e.members) other item\(e.members == 1 ? "" : "s")): "
                + "nearest item \(e.nearestItemID) \(f(e.nearestSimilarity))"
            if let c = e.centroidSimilarity {
                line += ", centroid \(f(c))"
                if !e.backed {
                    line += " (below \(f(e.centroidGuard)): the story does not back its nearest item)"
                } else if !e.centroidCounts {
                    line += " (not counted: nearest item below the centroid floor)"
                }
            }
            if e.silencePenalty > 0 {
                line += ", less \(f(e.silencePenalty)) for the story's \(f(e.silenceHours, 1)) h of silence"
            }
            line += " -> \(f(e.score)) \(e.meets ? ">=" : "<") \(f(e.threshold))"
            if e.joinedAlone { line += " (>= \(f(e.loneThreshold)), the bar of an item nobody joined in its batch)" }
            lines.append(line)
        }
        lines.append("time gap:   \(f(timeGapHours, 1)) h (window \(f(windowHours, 0)) h)")
        let verdict: String
        switch decision {
        case .identity: verdict = "SAME STORY by identity"
        case .nearCopy: verdict = "SAME STORY as near-copies (distance \(fingerprintDistance ?? 0) <= \(nearCopyMaxDistance))"
        case .similar:
            // Their own similarity counts only when they are compared at all.
            if pairMeets {
                verdict = "SAME STORY by similarity \(f(similarity - silencePenalty)) >= \(f(similarityThreshold))"
            } else if let e = storyEvidence.first(where: \.meets) {
                verdict = "SAME STORY through story \(e.storyID): item \(e.itemID) scores \(f(e.score)) >= \(f(e.threshold))"
            } else if let e = storyEvidence.first(where: \.joinedAlone) {
                verdict = "SAME STORY through story \(e.storyID): item \(e.itemID), alone after its batch, scores "
                    + "\(f(e.score)) >= \(f(e.loneThreshold))"
            } else {
                verdict = "SAME STORY"
            }
        case .new:
            if timeGapHours > windowHours { verdict = "APART: \(f(timeGapHours, 1)) h apart, beyond the \(f(windowHours, 0)) h window" }
            else if let refusal = sameFeedTitleRefusal { verdict = "APART: \(refusal)" }
            else {
                // The silence penalty is named when it is what kept the pair below the bar.
                let silence = silencePenalty > 0 && similarity >= similarityThreshold
                    ? " less \(f(silencePenalty)) for \(f(timeGapHours, 1)) h between them" : ""
                verdict = "APART: similarity \(f(similarity))\(silence) < \(f(similarityThreshold))"
                    + (storyEvidence.isEmpty ? "" : " and neither item reaches the other's story")
            }
        }
        lines.append("decision:   " + verdict)
        return lines.joined(separator: "\n")
    }
}

extension StoryClusterer {
    /// Each tier's evidence for the pair, with the current statistics and settings (nothing is learned).
    public func explain(_ a: StoryItem, _ b: StoryItem, topTerms: Int = 8) -> PairExplanation {
        let (pa, pb) = profiles(a, b)
        let gap = abs(a.published.timeIntervalSince(b.published)) / 3600
        let (ia, ib) = (ItemIdentity(a), ItemIdentity(b))
        let (sameURL, sameGUID) = ia.matches(ib)
        var distance: Int? = nil
        if let x = pa.fingerprint, let y = pb.fingerprint { distance = SimHash.distance(x, y) }
        // The engine compares the later item, as a query with its concentrated terms emphasized (in full, as the
        // batch refinement does), with the earlier one.
        let aLater = (a.published, a.id) > (b.published, b.id)
        let (wa, wb) = aLater ? (query(pa), pb) : (pa, query(pb))
        let (asked, other) = aLater ? (wa, wb) : (wb, wa)
        let similarity = Double(wa.dot(wb) - asked.ownFeedShare(with: other))
        // What counts of each shared term between these two (all of it unless they are posts of one feed).
        var kept: [UInt64: Float] = [:]
        let discounts = asked.ownFeedDiscounts(against: other)
        for (p, keep) in discounts { kept[asked.terms[Int(p)]] = keep }
        // The query counted its lead out (its feed repeats it, and the two are posts of that feed).
        let leadTerms = Set(discounts.filter { asked.leadPositions.contains($0.position) }
                                .map { asked.terms[Int($0.position)] })
        let leadCountedOut = !leadTerms.isEmpty
        let threshold = max(threshold(for: pa), threshold(for: pb))
        // The later item meets the earlier one's story after the time between them (as a story of one item).
        let penalty = silencePenalty(asked, gap: gap * 3600)

        // Name the shared terms: re-read both texts and links keeping the words; a name of two words (a bigram)
        // is two adjacent words.
        var names: [UInt64: String] = [:]
        var tokenizer = EventTokenizer(keepText: true)
        // Per item, the years its words hold that its date leaves out.
        var years: [Set<String>] = []
        for item in [a, b] {
            let slug = item.canonicalURL.map(URLSlug.words) ?? ""
            let dated = PublicationYear(secondsSince1970: item.published.timeIntervalSince1970)
            var itemYears = Set<String>()
            for (text, limit) in [(item.title, Int.max), (item.text, ItemProfile.maxTextWords), (slug, 32)] {
                tokenizer.tokenize(text, limit: limit) { _ in }
                var previous: (hash: UInt64, word: String)? = nil
                for (hash, word) in tokenizer.words {
                    if dated.contains(hash) { itemYears.insert(word) }
                    if names[hash] == nil { names[hash] = word }
                    if let previous { names[TermHash.pair(previous.hash, hash)] = previous.word + " " + word }
                    previous = (hash, word)
                }
            }
            years.append(itemYears)
        }
        var shared: [PairExplanation.SharedTerm] = []
        var habits: [PairExplanation.HabitTerm] = []
        var i = 0, j = 0
        while i < wa.terms.count && j < wb.terms.count {
            if wa.terms[i] == wb.terms[j] {
                let keep = kept[wa.terms[i]] ?? 1
                let name = names[wa.terms[i]] ?? String(wa.terms[i], radix: 16)
                shared.append(.init(term: name, contribution: Double(wa.weights[i] * wb.weights[j] * keep)))
                // A series lead's words are named as the lead.
                if keep < 1 && !leadTerms.contains(wa.terms[i]) { habits.append(.init(term: name, kept: Double(keep))) }
                i += 1; j += 1
            } else if wa.terms[i] < wb.terms[j] { i += 1 } else { j += 1 }
        }
        shared.sort { ($0.contribution, $1.term) > ($1.contribution, $0.term) }

        var decision: MatchTier = .new
        if gap > settings.windowHours { decision = .new }
        else if sameURL || sameGUID { decision = .identity }
        else if let distance, distance <= settings.nearCopyMaxDistance { decision = .nearCopy }
        // The engine also compares each item with the other's story (nearest item and centroid), which reaches
        // as far as the story's span does.
        let evidence = [storyEvidence(a, pa, storyOf: b.id), storyEvidence(b, pb, storyOf: a.id)].compactMap { $0 }
        let titleOnly = Self.titleOnlyPostsOfOneFeed(pa, pb)
            ? "two posts of one feed with one title and nothing else to compare (a feed's generic title)" : nil
        var explanation = PairExplanation(itemA: a.id, itemB: b.id, canonicalURLA: a.canonicalURL, canonicalURLB: b.canonicalURL,
                               sameURL: sameURL,
                               sharedLinkRefusal: ia.sharedLinkRefusal(ib, canonicalURL: a.canonicalURL,
                                                                       otherCanonicalURL: b.canonicalURL),
                               sameGUID: sameGUID, sameFeedTitleRefusal: titleOnly,
                               seriesLead: leadCountedOut ? TitleLead.of((aLater ? a : b).title).map(String.init) : nil,
                               feedHabits: habits.sorted { ($0.kept, $0.term) < ($1.kept, $1.term) },
                               fingerprintDistance: distance,
                               nearCopyMaxDistance: settings.nearCopyMaxDistance, similarity: similarity,
                               silencePenalty: penalty,
                               similarityThreshold: threshold, sharedTerms: Array(shared.prefix(topTerms)),
                               datedYears: years[0].intersection(years[1]).sorted(),
                               storyEvidence: evidence, timeGapHours: gap, windowHours: settings.windowHours,
                               decision: decision)
        if decision == .new, explanation.pairMeets || evidence.contains(where: { $0.meets || $0.joinedAlone }) {
            explanation.decision = .similar
        }
        return explanation
    }
}
