import Foundation
import Testing
@testable import FeedFetcher
import TestSupport

@Suite struct LimitTests {
    @Test func hugeStreamedBodyIsAbortedWhileDownloading() async throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        let huge = 256 << 20
        server.route("/huge", Response(body: .stream(bytes: huge, chunked: true)))

        let result = await fetchOne(server.url("/huge"), configuration: testConfiguration { $0.maxBodyBytes = 1 << 20 })
        #expect(result.error?.kind == .tooLarge)
        // Aborted near the cap, not after the whole thing: at most the cap plus socket buffers went out.
        #expect(await server.wait(timeout: 30) { $0.requests(for: "/huge").first?.clientAborted == true })
        let sent = try #require(server.requests(for: "/huge").first?.bodyBytesSent)
        #expect(sent < 32 << 20)
        #expect(result.bytes <= (1 << 20) + (1 << 20))
    }

    @Test func announcedOversizeIsRefusedUpFront() async throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        server.route("/big", Response(body: .stream(bytes: 64 << 20, chunked: false)))
        let result = await fetchOne(server.url("/big"), configuration: testConfiguration { $0.maxBodyBytes = 1 << 20 })
        #expect(result.error?.kind == .tooLarge)
        #expect(result.bytes < 1 << 20)
    }

    @Test func bodyJustUnderTheCapIsKept() async throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        server.route("/ok", Response(body: .stream(bytes: 1 << 20, chunked: true)))
        let result = await fetchOne(server.url("/ok"), configuration: testConfiguration { $0.maxBodyBytes = 1 << 20 })
        guard case .body(let data) = result.outcome else {
            Issue.record("expected a body, got \(result.outcome)")
            return
        }
        #expect(data.count == 1 << 20)
    }

    @Test func truncatedBodyIsDetected() async throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        server.route("/cut", Response(body: .truncated(Data(sampleFeed.utf8), claimedLength: 10_000)))
        let result = await fetchOne(server.url("/cut"))
        #expect(result.error?.kind == .truncated)
        #expect(result.error?.message.contains("truncated") == true)
    }

    @Test func slowServerHitsTheTotalTimeout() async throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        server.route("/slow", Response.ok(sampleFeed).delayed(10))
        let result = await fetchOne(server.url("/slow"), configuration: testConfiguration { $0.totalTimeout = 0.5 })
        #expect(result.error?.kind == .timeout)
        // Well before the answer would come (10 s), with room for a test thread starved on a loaded machine.
        #expect(result.durationMs < 5000)
    }

    @Test func hangingServerHitsTheTotalTimeout() async throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        server.route("/hang", Response(body: .hang))
        let result = await fetchOne(server.url("/hang"), configuration: testConfiguration { $0.totalTimeout = 0.5 })
        #expect(result.error?.kind == .timeout)
        #expect(result.error?.message.contains("timed out") == true)
    }

    @Test func tricklingServerHitsTheLowSpeedLimit() async throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        // 1 byte every 200 ms: 5 B/s, far below the limit, for 20 s if nobody stops it.
        let body = Data(String(repeating: "x", count: 100).utf8)
        server.route("/trickle", Response(body: .trickle(body, chunk: 1, pause: 0.2)))
        let configuration = testConfiguration {
            $0.lowSpeedBytesPerSecond = 100
            $0.lowSpeedSeconds = 1
            $0.totalTimeout = 15
        }
        let result = await fetchOne(server.url("/trickle"), configuration: configuration)
        #expect(result.error?.kind == .timeout)
        #expect(result.error?.message.lowercased().contains("slow") == true)
        // Half the 20 s the trickle lasts if nobody stops it.
        #expect(result.durationMs < 10_000)
    }

    @Test func tricklingFastEnoughSucceeds() async throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        let body = Data(String(repeating: "y", count: 2000).utf8)
        server.route("/steady", Response(body: .trickle(body, chunk: 500, pause: 0.1)))
        let result = await fetchOne(server.url("/steady"), configuration: testConfiguration { $0.lowSpeedSeconds = 1 })
        #expect(result.bodyText == String(repeating: "y", count: 2000))
    }
}

@Suite struct ErrorPageLimitTests {
    @Test func endlessErrorPageIsCappedToo() async throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        server.route("/broken", Response(status: 500, body: .stream(bytes: 256 << 20, chunked: true)))
        let result = await fetchOne(server.url("/broken"), configuration: testConfiguration { $0.maxBodyBytes = 1 << 20 })
        #expect(result.error?.kind == .tooLarge)
        #expect(result.durationMs < 4000)
    }
}
