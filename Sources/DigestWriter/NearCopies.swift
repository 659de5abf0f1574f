import FeedModel

/// An entry prepared for grouping: its cleaned title and the words compared.
struct DigestItem: Sendable {
    var entry: Entry
    var outlet: String
    var title: String
    var words: Set<String>
    /// Which outlet the item counts for: its feed's name, case aside. Two feeds under one name (a site's RSS and
    /// Atom feeds, or category feeds that all carry the site's name) are one outlet to a reader, who could not
    /// tell their two listings apart; two feeds under different names stay two, even of one publisher.
    let outletKey: String
    var date: Double { entry.effectiveDate.timeIntervalSinceReferenceDate }

    init(entry: Entry, outlet: String, title: String, words: Set<String>) {
        self.entry = entry
        self.outlet = outlet
        self.title = title
        self.words = words
        outletKey = outlet.lowercased()
    }
}

/// Folds a story's items into near-copy groups: items with the same canonical URL, or whose titles are
/// near-identical, are one article as far as a reader is concerned (syndicated wire copy, the same item in two
/// feeds of one outlet, a re-posted item).
enum NearCopies {
    /// Near-identical: the same words, or at least 85% shared (Jaccard) when titles are long enough that one
    /// differing word (a tag, an outlet name) should not split them. Short titles must match exactly.
    static func nearIdentical(_ a: Set<String>, _ b: Set<String>) -> Bool {
        if a.isEmpty || b.isEmpty { return false }
        if a == b { return true }
        guard a.count >= 5, b.count >= 5 else { return false }
        return jaccard(a, b) >= 0.85
    }

    /// One article as far as a reader is concerned: the same canonical URL, or near-identical titles.
    static func same(_ a: DigestItem, _ b: DigestItem) -> Bool {
        if let url = a.entry.canonicalURL, !url.isEmpty, url == b.entry.canonicalURL { return true }
        return nearIdentical(a.words, b.words)
    }

    static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
        let shared = a.intersection(b).count
        let union = a.count + b.count - shared
        return union == 0 ? 0 : Double(shared) / Double(union)
    }

    /// Groups in a deterministic order (by each group's earliest item); items inside a group earliest first.
    static func groups(_ items: [DigestItem]) -> [[DigestItem]] {
        let sorted = items.sorted(by: earlier)
        var parent = Array(sorted.indices)
        func find(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        func union(_ a: Int, _ b: Int) {
            let ra = find(a), rb = find(b)
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        // Pairwise: stories hold a handful to a few hundred items, so O(n²) comparisons are cheap.
        for i in sorted.indices {
            for j in sorted.indices where j > i && find(i) != find(j) {
                if same(sorted[i], sorted[j]) { union(i, j) }
            }
        }
        var order: [Int] = []
        var members: [Int: [DigestItem]] = [:]
        for i in sorted.indices {
            let root = find(i)
            if members[root] == nil { order.append(root) }
            members[root, default: []].append(sorted[i])
        }
        return order.map { members[$0]! }
    }

    /// Earlier first; ties broken by outlet and identity key, never by row id (see DigestBuilder.Rank).
    static func earlier(_ a: DigestItem, _ b: DigestItem) -> Bool {
        if a.date != b.date { return a.date < b.date }
        if a.outlet != b.outlet { return a.outlet < b.outlet }
        if a.entry.key != b.entry.key { return a.entry.key < b.entry.key }
        return a.entry.id < b.entry.id
    }

    /// Words too common to say two titles are about the same thing.
    static let stopwords: Set<String> = ["the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "with",
                                         "by", "from", "as", "is", "are", "was", "be", "it", "its", "this", "that",
                                         "after", "over", "new", "says", "how", "why", "what"]

    /// The group whose wording heads the story, and in it the item that supplies headline and link.
    ///
    /// Choice: the largest near-copy group counted in distinct outlets (the wording most outlets ran, usually the
    /// wire copy, is what readers will recognise); ties go to the group whose title shares the most meaningful
    /// words with all the story's other titles (the centroid: when every outlet wrote its own headline, the one
    /// that says what they have in common), then the earliest. Inside the group the earliest item wins: usually
    /// the original that others copied. Every tie ends on time and id, so the same input always picks the same
    /// headline.
    static func headlineGroup(_ groups: [[DigestItem]]) -> Int {
        let all = groups.flatMap { $0 }
        func centrality(_ group: [DigestItem]) -> Int {
            let lead = group[0]
            let words = lead.words.subtracting(stopwords)
            return all.reduce(0) { sum, other in
                other.entry.id == lead.entry.id ? sum : sum + words.intersection(other.words).count
            }
        }
        var best = 0
        var bestKey = (outlets: -1, central: -1)
        for (index, group) in groups.enumerated() {
            // Untitled items make a poor headline whatever their count.
            let titled = group[0].title.isEmpty ? 0 : 1
            let outlets = Set(group.map(\.outletKey)).count * titled
            let central = centrality(group)
            if outlets > bestKey.outlets || (outlets == bestKey.outlets && central > bestKey.central) {
                best = index
                bestKey = (outlets, central)
            }
        }
        return best
    }
}
