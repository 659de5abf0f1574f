import Testing

// Replaced by the FeedStore tests.
@Test func FeedStoreBuilds() { #expect(Bool(true)) }
