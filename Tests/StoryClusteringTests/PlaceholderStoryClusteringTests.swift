import Testing

// Replaced by the StoryClustering tests.
@Test func StoryClusteringBuilds() { #expect(Bool(true)) }
