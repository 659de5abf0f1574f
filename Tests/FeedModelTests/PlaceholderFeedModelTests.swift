import Testing

// Replaced by the FeedModel tests.
@Test func FeedModelBuilds() { #expect(Bool(true)) }
