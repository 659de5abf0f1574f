import Testing

// Replaced by the FeedHTML tests.
@Test func FeedHTMLBuilds() { #expect(Bool(true)) }
