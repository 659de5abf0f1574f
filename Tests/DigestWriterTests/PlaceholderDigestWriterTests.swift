import Testing

// Replaced by the DigestWriter tests.
@Test func DigestWriterBuilds() { #expect(Bool(true)) }
