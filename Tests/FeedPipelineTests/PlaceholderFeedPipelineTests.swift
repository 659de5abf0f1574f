import Testing

// Replaced by the FeedPipeline tests.
@Test func FeedPipelineBuilds() { #expect(Bool(true)) }
