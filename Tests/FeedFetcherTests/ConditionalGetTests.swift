import Foundation
import Testing
@testable import FeedFetcher
import TestSupport

@Suite struct ConditionalGetTests {
    @Test func validatorsAreSentAnd304IsNotModified() async throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        let modified = "Sat, 21 Nov 2026 10:00:00 GMT"
        server.route("/feed.xml", .ok(sampleFeed, etag: "\"abc\"", lastModified: modified))

        let first = await fetchOne(server.url("/feed.xml"))
        #expect(first.status == 200)
        let second = await fetchOne(server.url("/feed.xml"), etag: first.etag, lastModified: first.lastModified)

        #expect(second.status == 304)
        #expect(second.isNotModified)
        #expect(second.bytes == 0)
        // The validators survive a 304 so the store can keep saving what the result says.
        #expect(second.etag == "\"abc\"")
        #expect(second.lastModified == modified)
        let sent = try #require(server.requests(for: "/feed.xml").last)
        #expect(sent.header("If-None-Match") == "\"abc\"")
        #expect(sent.header("If-Modified-Since") == modified)
    }

    @Test func lastModifiedAloneAlsoGives304() async throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        let modified = "Fri, 20 Nov 2026 08:00:00 GMT"
        server.route("/feed.xml", .ok(sampleFeed, lastModified: modified))
        let result = await fetchOne(server.url("/feed.xml"), lastModified: modified)
        #expect(result.isNotModified)
        #expect(server.requests(for: "/feed.xml").first?.header("If-None-Match") == nil)
    }

    @Test func changedFeedComesBackWhole() async throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        server.route("/feed.xml", .ok(sampleFeed, etag: "\"new\""))
        let result = await fetchOne(server.url("/feed.xml"), etag: "\"old\"")
        #expect(result.status == 200)
        #expect(result.bodyText == sampleFeed)
        #expect(result.etag == "\"new\"")
    }

    @Test func validatorsCannotInjectHeaderLines() async throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        server.route("/feed.xml", .ok(sampleFeed))
        _ = await fetchOne(server.url("/feed.xml"), etag: "\"x\"\r\nX-Injected: 1")
        let sent = try #require(server.requests(for: "/feed.xml").first)
        #expect(sent.header("X-Injected") == nil)
    }
}
