import Foundation
import Testing
@testable import FeedFetcher
import TestSupport

@Suite struct RedirectTests {
    @Test func permanentChainIsFollowedAndReported() async throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        server.route("/old", .redirect(301, to: "/older"))
        server.route("/older", .redirect(308, to: server.url("/feed.xml")))
        server.route("/feed.xml", .ok(sampleFeed))

        let result = await fetchOne(server.url("/old"))
        #expect(result.bodyText == sampleFeed)
        #expect(result.status == 200)
        #expect(result.effectiveURL == server.url("/feed.xml"))
        #expect(result.permanentRedirect == server.url("/feed.xml"))
        #expect(server.requests.map(\.path) == ["/old", "/older", "/feed.xml"])
    }

    @Test func credentialsInTheAddressGoToItsHostOnly() async throws {
        let origin = try HTTPTestServer()
        let elsewhere = try HTTPTestServer()
        defer { origin.stop(); elsewhere.stop() }
        origin.route("/private", .redirect(302, to: origin.url("/moved")))
        origin.route("/moved", .redirect(302, to: elsewhere.url("/feed.xml")))
        elsewhere.route("/feed.xml", .ok(sampleFeed))

        let result = await fetchOne("http://reader:hunter2@127.0.0.1:\(origin.port)/private")
        #expect(result.bodyText == sampleFeed)
        // Basic authentication on every hop of the address's own host and port, none on another port.
        let basic = "Basic " + Data("reader:hunter2".utf8).base64EncodedString()
        #expect(origin.requests.map { $0.header("Authorization") } == [basic, basic])
        #expect(elsewhere.requests.map { $0.header("Authorization") } == [nil])
    }

    @Test(arguments: [302, 307])
    func aTemporaryHopMeansNoPermanentRedirect(temporary: Int) async throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        server.route("/old", .redirect(301, to: "/middle"))
        server.route("/middle", .redirect(temporary, to: "/feed.xml"))
        server.route("/feed.xml", .ok(sampleFeed))

        let result = await fetchOne(server.url("/old"))
        #expect(result.bodyText == sampleFeed)
        #expect(result.effectiveURL == server.url("/feed.xml"))
        #expect(result.permanentRedirect == nil)
    }

    @Test func permanentRedirectToAFailureStillReportsTheHopsButFails() async throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        server.route("/old", .redirect(301, to: "/gone"))
        server.route("/gone", .status(410))
        let result = await fetchOne(server.url("/old"))
        #expect(result.error?.kind == .http(status: 410))
        #expect(result.isGone)
    }

    @Test func redirectLoopIsDetectedEarly() async throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        server.route("/a", .redirect(302, to: "/b"))
        server.route("/b", .redirect(302, to: "/a"))

        let result = await fetchOne(server.url("/a"), configuration: testConfiguration { $0.maxRedirects = 20 })
        #expect(result.error?.kind == .redirectLoop)
        #expect(result.error?.message.contains("loop") == true)
        #expect(result.error?.message.contains("/b") == true)
        // Stopped at the first repeat instead of burning through maxRedirects.
        #expect(server.requests.count == 3)
    }

    @Test func tooLongAChainIsBounded() async throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        for hop in 0..<10 { server.route("/hop\(hop)", .redirect(302, to: "/hop\(hop + 1)")) }
        server.route("/hop10", .ok(sampleFeed))

        let result = await fetchOne(server.url("/hop0"), configuration: testConfiguration { $0.maxRedirects = 4 })
        #expect(result.error?.kind == .redirectLoop)
        #expect(result.error?.message.contains("redirects") == true)
        #expect(server.requests.count == 5)
    }

    @Test func permanentTargetNeedsEveryHopPermanent() {
        #expect(Transfer.permanentTarget(hopStatuses: [200], finalURL: "u") == nil)
        #expect(Transfer.permanentTarget(hopStatuses: [301, 200], finalURL: "u") == "u")
        #expect(Transfer.permanentTarget(hopStatuses: [308, 301, 304], finalURL: "u") == "u")
        #expect(Transfer.permanentTarget(hopStatuses: [301, 302, 200], finalURL: "u") == nil)
        #expect(Transfer.permanentTarget(hopStatuses: [], finalURL: "u") == nil)
        // A chain that never ends (loop, hop limit) has no target.
        #expect(Transfer.permanentTarget(hopStatuses: [301, 301], finalURL: "u") == nil)
    }

    @Test func permanentLoopIsNoPermanentRedirect() async throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        server.route("/a", .redirect(301, to: "/b"))
        server.route("/b", .redirect(308, to: "/a"))
        let result = await fetchOne(server.url("/a"))
        #expect(result.error?.kind == .redirectLoop)
        #expect(result.permanentRedirect == nil)
    }
}
