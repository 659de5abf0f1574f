/// A recount of the clusterer's incremental state, for tests: it is kept up to date item by item (and centroids
/// are re-summed lazily after re-weighing), and must always equal what the window's items add up to.
extension StoryClusterer {
    /// What is out of step between the incremental state and a recount from the window's items: each story's
    /// items, latest time and centroid (keys, values, norm; stale and deferred ones after summing them), and the
    /// term concentration's counts. Empty when all agree. Sums every story: for tests, not the hot path.
    func consistencyProblems() -> [String] {
        var problems: [String] = []
        var itemsHolding: [UInt64: Int32] = [:], storiesHolding: [UInt64: Int32] = [:]
        var membersOf: [Int64: [Int]] = [:]
        for seq in items.sequenceNumbers {
            let item = items[seq]!
            membersOf[item.storyID, default: []].append(seq)
            for term in item.profile.terms { itemsHolding[term, default: 0] += 1 }
        }
        for (id, story) in stories.sorted(by: { $0.key < $1.key }) {
            sum(story)
            let members = membersOf.removeValue(forKey: id) ?? []
            if story.seqs.sorted() != members || story.members != members.count {
                problems.append("story \(id): members \(story.members), seqs \(story.seqs.sorted()), window \(members)")
                continue
            }
            let newest = members.map { items[$0]!.time }.max() ?? -.infinity
            if story.latest < newest { problems.append("story \(id): latest \(story.latest) < its newest item \(newest)") }
            var expected: [UInt64: Double] = [:]
            for seq in members {
                let profile = items[seq]!.profile
                for (term, weight) in zip(profile.terms, profile.weights) { expected[term, default: 0] += Double(weight) }
            }
            var normSquared = 0.0
            for (term, value) in expected {
                normSquared += value * value
                guard let actual = story.centroid[term] else {
                    problems.append("story \(id): centroid lacks a term its items hold")
                    continue
                }
                if abs(Double(actual) - value) > 1e-4 {
                    problems.append("story \(id): centroid \(actual) where its items sum to \(value)")
                }
            }
            if story.centroid.count != expected.count {
                problems.append("story \(id): centroid holds \(story.centroid.count) terms, its items \(expected.count)")
            }
            if abs(story.normSquared - normSquared) > 1e-3 * max(1, normSquared) {
                problems.append("story \(id): norm² \(story.normSquared) where its centroid's is \(normSquared)")
            }
            for term in expected.keys { storiesHolding[term, default: 0] += 1 }
        }
        for (id, seqs) in membersOf { problems.append("story \(id) of window items \(seqs) is missing") }
        var counted = 0
        concentration.forEachCount { term, counts in
            counted += 1
            if counts.items != itemsHolding[term] ?? 0 || counts.stories != storiesHolding[term] ?? 0 {
                problems.append("term \(term): counted \(counts.items) items / \(counts.stories) stories, "
                                + "recounted \(itemsHolding[term] ?? 0) / \(storiesHolding[term] ?? 0)")
            }
        }
        let terms = Set(itemsHolding.keys).union(storiesHolding.keys).count
        if counted != terms { problems.append("concentration counts \(counted) terms, the window holds \(terms)") }
        return problems
    }
}
