import Testing

// Replaced by the FeedFetcher tests.
@Test func FeedFetcherBuilds() { #expect(Bool(true)) }
