import Foundation
import Testing
@testable import FeedFetcher
import TestSupport

/// Counts the fetch loop threads that have ended (the test hook of `FeedFetcher`).
final class ExitCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}

@Suite struct CancellationTests {
    /// Hung transfers here must end by the cancel alone. The tests' usual 2 s low-speed limit would end them too
    /// (a hang sends nothing) if the test thread were starved that long before cancelling, as it once was under
    /// load: the freed slot let the fifth request out.
    let patientConfiguration = testConfiguration {
        $0.totalTimeout = 30
        $0.lowSpeedSeconds = 30
    }

    @Test func cancellingTheConsumerAbortsTransfersAndEndsTheThread() async throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        server.route("/hang", Response(body: .hang))
        let exits = ExitCounter()
        let fetcher = FeedFetcher(configuration: patientConfiguration, loopDidExit: exits.increment)
        let requests = (0..<5).map { FetchRequest(feedID: Int64($0), url: server.url("/hang")) }

        let consumer = Task {
            var count = 0
            for await result in fetcher.fetchAll(requests) {
                print("unexpected result: \(result.outcome)")
                count += 1
            }
            return count
        }
        #expect(await server.wait(timeout: 30) { $0.requests(for: "/hang").count == 4 })
        let cancelledAt = Date()
        consumer.cancel()
        let delivered = await consumer.value

        #expect(delivered == 0)
        #expect(await server.wait(timeout: 30) { server in
            let hung = server.requests(for: "/hang")
            return !hung.isEmpty && hung.allSatisfy(\.clientAborted)
        })
        let deadline = Date().addingTimeInterval(3)
        while exits.value == 0, Date() < deadline { try await Task.sleep(for: .milliseconds(10)) }
        #expect(exits.value == 1)
        // Well before the 30 s timeout would have ended the transfers: the cancel did. Not a tighter bound: with
        // both cores busy (the suite's other tests) it once took 8.6 s.
        #expect(Date().timeIntervalSince(cancelledAt) < 15)
        // The fifth request was still queued behind the per-host limit and never went out.
        #expect(server.requests(for: "/hang").count == 4)
    }

    @Test func cancelledSingleFetchSaysSo() async throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        server.route("/hang", Response(body: .hang))
        let fetcher = FeedFetcher(configuration: patientConfiguration)
        let fetching = Task { await fetcher.fetch(FetchRequest(feedID: 7, url: server.url("/hang"))) }
        #expect(await server.wait(timeout: 30) { $0.requests(for: "/hang").count == 1 })
        fetching.cancel()
        let result = await fetching.value
        #expect(result.request.feedID == 7)
        #expect(result.error?.message == "cancelled")
        #expect(await server.wait(timeout: 30) { $0.requests(for: "/hang").first?.clientAborted == true })
    }

    @Test func loopThreadEndsAfterANormalBatch() async throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        server.route("/f", .ok("x"))
        let exits = ExitCounter()
        let fetcher = FeedFetcher(configuration: testConfiguration(), loopDidExit: exits.increment)
        let result = await fetcher.fetch(FetchRequest(feedID: 1, url: server.url("/f")))
        #expect(result.bodyText == "x")
        let deadline = Date().addingTimeInterval(3)
        while exits.value == 0, Date() < deadline { try await Task.sleep(for: .milliseconds(10)) }
        #expect(exits.value == 1)
    }

    @Test func droppingTheStreamAlsoStopsTheLoop() async throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        server.route("/hang", Response(body: .hang))
        let exits = ExitCounter()
        let fetcher = FeedFetcher(configuration: patientConfiguration, loopDidExit: exits.increment)
        do {
            let stream = fetcher.fetchAll([FetchRequest(feedID: 1, url: server.url("/hang"))])
            #expect(await server.wait(timeout: 30) { $0.requests(for: "/hang").count == 1 })
            _ = stream
        }
        let deadline = Date().addingTimeInterval(3)
        while exits.value == 0, Date() < deadline { try await Task.sleep(for: .milliseconds(10)) }
        #expect(exits.value == 1)
        #expect(await server.wait(timeout: 30) { $0.requests(for: "/hang").first?.clientAborted == true })
    }
}
