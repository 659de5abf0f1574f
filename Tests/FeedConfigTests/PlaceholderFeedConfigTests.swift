import Testing

// Replaced by the FeedConfig tests.
@Test func FeedConfigBuilds() { #expect(Bool(true)) }
