import Foundation
import Testing
@testable import FeedFetcher
import TestSupport

/// The test server itself: other suites (pipeline end-to-end tests) rely on it stopping cleanly.
@Suite struct HTTPTestServerTests {
    @Test func stopIsPromptEvenWithAHangingClient() async throws {
        let server = try HTTPTestServer()
        server.route("/hang", Response(body: .hang))
        // No low-speed limit within reach either (a hang sends nothing): only the server's going away may end it.
        let patient = testConfiguration {
            $0.totalTimeout = 20
            $0.lowSpeedSeconds = 20
        }
        let fetching = Task { await fetchOne(server.url("/hang"), configuration: patient) }
        #expect(await server.wait(timeout: 30) { $0.requests(for: "/hang").count == 1 })
        let started = Date()
        server.stop()
        // Far below the 20 s the hang lasts otherwise, with room for a loaded machine.
        #expect(Date().timeIntervalSince(started) < 5)
        let result = await fetching.value
        // The client learns the server went away; no timeout needed.
        #expect(result.error?.kind == .transport)
        #expect(result.durationMs < 10_000)
    }

    @Test func stopsByItselfAfterItsLifetime() async throws {
        let server = try HTTPTestServer(lifetime: 0.3)
        server.route("/f", .ok("x"))
        try await Task.sleep(for: .milliseconds(600))
        let result = await fetchOne(server.url("/f"))
        // Refused, or (tests run in parallel) answered by another suite's server that has since taken the port:
        // either way not served here.
        #expect(result.error != nil)
        #expect(server.requests.isEmpty)
        server.stop()
    }

    @Test func recordsRequestsInOrderWithQueryAndHeaders() async throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        server.route("/f", .ok("x"))
        _ = await fetchOne(server.url("/f?page=2"))
        let request = try #require(server.requests.first)
        #expect(request.path == "/f")
        #expect(request.target == "/f?page=2")
        #expect(request.header("host") == "127.0.0.1:\(server.port)")
        #expect(request.completed)
        #expect(request.bodyBytesSent == 1)
    }
}

@Suite struct HTTPTestServerDirectoryTests {
    @Test func servesFilesWithValidatorsAndGzip() async throws {
        let directory = try TestPaths.temporaryDirectory("server-dir")
        defer { try? FileManager.default.removeItem(at: directory) }
        let feed = String(repeating: sampleFeed, count: 20)
        try Data(feed.utf8).write(to: directory.appendingPathComponent("a.xml"))
        let server = try HTTPTestServer()
        defer { server.stop() }
        server.serveDirectory(directory, at: "/feeds/")

        let first = await fetchOne(server.url("/feeds/a.xml"))
        #expect(first.bodyText == feed)
        #expect(first.contentType == "application/xml")
        #expect(first.bytes < feed.utf8.count)  // went gzipped
        let again = await fetchOne(server.url("/feeds/a.xml"), etag: first.etag, lastModified: first.lastModified)
        #expect(again.isNotModified)

        let missing = await fetchOne(server.url("/feeds/missing.xml"))
        #expect(missing.status == 404)
        let escape = await fetchOne(server.url("/feeds/%2E%2E/%2E%2E/etc/passwd"))
        #expect(escape.status == 404)
    }
}
