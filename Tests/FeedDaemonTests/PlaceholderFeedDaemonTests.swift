import Testing

// Replaced by the FeedDaemon tests.
@Test func FeedDaemonBuilds() { #expect(Bool(true)) }
