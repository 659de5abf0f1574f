import Foundation
import Testing
@testable import FeedFetcher
import TestSupport

@Suite struct ConcurrencyTests {
    @Test func manyTransfersOverlap() async throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        let requests = (0..<50).map { index in
            server.route("/f\(index)", Response.ok("feed \(index)").delayed(0.2))
            return FetchRequest(feedID: Int64(index), url: server.url("/f\(index)"))
        }
        let configuration = testConfiguration {
            $0.maxConcurrent = 16
            $0.maxPerHost = 16
        }
        let results = await fetchAll(requests, configuration: configuration)

        #expect(results.count == 50)
        #expect(results.allSatisfy { $0.bodyText == "feed \($0.request.feedID)" })
        // The server saw many requests in progress at once, but never more than the global limit.
        #expect(server.maxConcurrentResponses >= 8)
        #expect(server.maxConcurrentResponses <= 16)
        #expect(server.maxConcurrentConnections <= 16)
    }

    @Test func perHostLimitIsRespected() async throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        let requests = (0..<12).map { index in
            server.route("/f\(index)", Response.ok("feed").delayed(0.1))
            return FetchRequest(feedID: Int64(index), url: server.url("/f\(index)"))
        }
        let configuration = testConfiguration {
            $0.maxConcurrent = 16
            $0.maxPerHost = 3
        }
        let results = await fetchAll(requests, configuration: configuration)
        #expect(results.count == 12)
        #expect(server.maxConcurrentConnections <= 3)
        #expect(server.maxConcurrentResponses <= 3)
        #expect(server.maxConcurrentResponses >= 2)
    }

    @Test func globalLimitSpansHosts() async throws {
        let first = try HTTPTestServer(), second = try HTTPTestServer()
        defer {
            first.stop()
            second.stop()
        }
        var requests: [FetchRequest] = []
        for (serverIndex, server) in [first, second].enumerated() {
            for index in 0..<8 {
                server.route("/f\(index)", Response.ok("feed").delayed(0.1))
                requests.append(FetchRequest(feedID: Int64(serverIndex * 100 + index), url: server.url("/f\(index)")))
            }
        }
        // Two ports on 127.0.0.1 count as two hosts.
        let results = await fetchAll(requests, configuration: testConfiguration {
            $0.maxConcurrent = 4
            $0.maxPerHost = 4
        })
        #expect(results.count == 16)
        #expect(first.maxConcurrentResponses + second.maxConcurrentResponses <= 8)
        // Round-robin over hosts: both were served at the same time at some point.
        #expect(first.maxConcurrentResponses >= 1 && second.maxConcurrentResponses >= 1)
        #expect(first.maxConcurrentResponses <= 4 && second.maxConcurrentResponses <= 4)
    }

    @Test func connectionsAreReused() async throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        let requests = (0..<10).map { index in
            server.route("/f\(index)", .ok("feed"))
            return FetchRequest(feedID: Int64(index), url: server.url("/f\(index)"))
        }
        let results = await fetchAll(requests, configuration: testConfiguration { $0.maxPerHost = 1 })
        #expect(results.count == 10)
        #expect(server.connectionCount == 1)
        #expect(Set(server.requests.map(\.connection)).count == 1)
    }

    @Test func hostKeysSeparateSchemeHostAndPort() {
        #expect(MultiLoop.hostKey("http://Example.com/a") == MultiLoop.hostKey("http://example.com/b?x"))
        #expect(MultiLoop.hostKey("http://example.com/") != MultiLoop.hostKey("https://example.com/"))
        #expect(MultiLoop.hostKey("http://example.com:8080/") != MultiLoop.hostKey("http://example.com/"))
        #expect(MultiLoop.hostKey("file:///tmp/a.xml") == "file:")
    }
}
