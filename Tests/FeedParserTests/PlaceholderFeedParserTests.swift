import Testing

// Replaced by the FeedParser tests.
@Test func FeedParserBuilds() { #expect(Bool(true)) }
