import Foundation
import Testing
@testable import FeedFetcher
import TestSupport

@Suite struct BasicFetchTests {
    @Test func okReturnsBodyValidatorsAndHonestHeaders() async throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        server.route("/feed.xml", .ok(sampleFeed, etag: "\"v1\"", lastModified: "Sat, 21 Nov 2026 10:00:00 GMT"))
        let configuration = testConfiguration()
        let result = await fetchOne(server.url("/feed.xml"), configuration: configuration)

        #expect(result.bodyText == sampleFeed)
        #expect(result.status == 200)
        #expect(result.etag == "\"v1\"")
        #expect(result.lastModified == "Sat, 21 Nov 2026 10:00:00 GMT")
        #expect(result.contentType == "application/rss+xml")
        #expect(result.effectiveURL == server.url("/feed.xml"))
        #expect(result.permanentRedirect == nil)
        #expect(result.bytes == sampleFeed.utf8.count)

        let sent = try #require(server.requests(for: "/feed.xml").first)
        #expect(sent.method == "GET")
        #expect(sent.header("User-Agent") == configuration.userAgent)
        #expect(sent.header("Accept-Encoding")?.contains("gzip") == true)
        #expect(sent.header("Accept")?.contains("application/rss+xml") == true)
        #expect(sent.header("If-None-Match") == nil)
        #expect(sent.header("If-Modified-Since") == nil)
    }

    @Test func defaultUserAgentNamesVersionAndProject() {
        let agent = FetchConfiguration().userAgent
        #expect(agent.hasPrefix("feedd/"))
        #expect(agent.contains("https://"))
    }

    @Test(arguments: [404, 500, 410])
    func errorStatusesFail(status: Int) async throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        server.route("/x", .status(status))
        let result = await fetchOne(server.url("/x"))
        #expect(result.status == status)
        #expect(result.error?.kind == .http(status: status))
        #expect(result.error?.message.contains("\(status)") == true)
        #expect(result.isGone == (status == 410))
    }

    @Test func unknownPathIs404() async throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        let result = await fetchOne(server.url("/nothing-here"))
        #expect(result.error?.kind == .http(status: 404))
    }

    @Test func connectionRefusedIsATransportError() async throws {
        let server = try HTTPTestServer()
        let url = server.url("/feed.xml")
        server.stop()  // the port is now closed
        let result = await fetchOne(url)
        #expect(result.error?.kind == .transport)
        #expect(result.status == nil)
        #expect(result.error?.message.isEmpty == false)
    }

    @Test func fileURLsAreRead() async throws {
        let directory = try TestPaths.temporaryDirectory("fetcher-file")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("local.xml")
        try Data(sampleFeed.utf8).write(to: file)

        let result = await fetchOne(file.absoluteString)
        #expect(result.bodyText == sampleFeed)
        #expect(result.status == nil)

        let missing = await fetchOne(directory.appendingPathComponent("missing.xml").absoluteString)
        #expect(missing.error?.kind == .transport)
    }

    @Test func unsupportedSchemeIsRejected() async {
        let result = await fetchOne("gopher://127.0.0.1/feed")
        #expect(result.error?.kind == .transport)
        #expect(result.error?.message.lowercased().contains("protocol") == true)
    }

    @Test func everyRequestGetsExactlyOneResult() async throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        server.route("/a", .ok("a"))
        server.route("/b", .status(404))
        let requests = [
            FetchRequest(feedID: 1, url: server.url("/a")),
            FetchRequest(feedID: 2, url: server.url("/b")),
            FetchRequest(feedID: 3, url: "not a url at all"),
        ]
        let results = await fetchAll(requests)
        #expect(results.map(\.request.feedID).sorted() == [1, 2, 3])
        #expect(results.first { $0.request.feedID == 1 }?.bodyText == "a")
        #expect(results.first { $0.request.feedID == 3 }?.error?.kind == .transport)
    }

    @Test func emptyBatchFinishesImmediately() async {
        let results = await fetchAll([])
        #expect(results.isEmpty)
    }
}
