import Foundation
import Testing
@testable import FeedFetcher
import TestSupport

@Suite struct RetryAfterTests {
    @Test func tooManyRequestsWithSeconds() async throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        server.route("/busy", .status(429, headers: [Header("Retry-After", "120")]))
        let before = Date()
        let result = await fetchOne(server.url("/busy"))
        #expect(result.error?.kind == .http(status: 429))
        let retryAfter = try #require(result.retryAfter)
        #expect(abs(retryAfter.timeIntervalSince(before) - 120) < 5)
    }

    @Test func unavailableWithHTTPDate() async throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        let now = Date()
        server.route("/down", .status(503, headers: [
            Header("Date", HTTPTestServer.httpDate(now)),
            Header("Retry-After", HTTPTestServer.httpDate(now.addingTimeInterval(3600))),
        ]))
        let result = await fetchOne(server.url("/down"))
        #expect(result.error?.kind == .http(status: 503))
        let retryAfter = try #require(result.retryAfter)
        #expect(abs(retryAfter.timeIntervalSince(now) - 3600) < 5)
    }

    @Test func cacheControlMaxAgeGivesFreshUntil() async throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        server.route("/feed.xml", .ok(sampleFeed, headers: [Header("Cache-Control", "public, max-age=600")]))
        let before = Date()
        let result = await fetchOne(server.url("/feed.xml"))
        let fresh = try #require(result.freshUntil)
        #expect(abs(fresh.timeIntervalSince(before) - 600) < 5)
        #expect(result.retryAfter == nil)
    }

    // Pure parsing, fixed clock.
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func retryAfterForms() {
        #expect(FreshnessHeaders.retryAfter("30", now: now) == now.addingTimeInterval(30))
        #expect(FreshnessHeaders.retryAfter(" 30 ", now: now) == now.addingTimeInterval(30))
        #expect(FreshnessHeaders.retryAfter("0", now: now) == nil)
        #expect(FreshnessHeaders.retryAfter("-5", now: now) == nil)
        #expect(FreshnessHeaders.retryAfter("soon", now: now) == nil)
        #expect(FreshnessHeaders.retryAfter(nil, now: now) == nil)
        // 1_800_000_000 is Fri, 15 Jan 2027 08:00:00 GMT; the three legal date forms:
        let inAnHour = now.addingTimeInterval(3600)
        #expect(FreshnessHeaders.retryAfter("Fri, 15 Jan 2027 09:00:00 GMT", now: now) == inAnHour)
        #expect(FreshnessHeaders.retryAfter("Friday, 15-Jan-27 09:00:00 GMT", now: now) == inAnHour)
        #expect(FreshnessHeaders.retryAfter("Fri Jan 15 09:00:00 2027", now: now) == inAnHour)
        #expect(FreshnessHeaders.retryAfter("Fri, 15 Jan 2027 07:00:00 GMT", now: now) == nil)
        // Read against the server's clock: its "Date" one hour behind ours, "Retry-After" two hours after it.
        #expect(FreshnessHeaders.retryAfter("Fri, 15 Jan 2027 09:00:00 GMT",
                                            serverDate: "Fri, 15 Jan 2027 07:00:00 GMT", now: now)
                == now.addingTimeInterval(7200))
    }

    @Test func freshnessForms() {
        #expect(FreshnessHeaders.freshUntil(cacheControl: "max-age=300", expires: nil, now: now) == now.addingTimeInterval(300))
        #expect(FreshnessHeaders.freshUntil(cacheControl: "max-age=300", expires: nil, age: "100", now: now)
                == now.addingTimeInterval(200))
        #expect(FreshnessHeaders.freshUntil(cacheControl: "no-cache, max-age=300", expires: nil, now: now) == nil)
        #expect(FreshnessHeaders.freshUntil(cacheControl: "no-store", expires: "Fri, 15 Jan 2027 09:00:00 GMT", now: now) == nil)
        // max-age wins over Expires.
        #expect(FreshnessHeaders.freshUntil(cacheControl: "max-age=60", expires: "Fri, 15 Jan 2027 09:00:00 GMT", now: now)
                == now.addingTimeInterval(60))
        #expect(FreshnessHeaders.freshUntil(cacheControl: "public", expires: "Fri, 15 Jan 2027 09:00:00 GMT", now: now)
                == now.addingTimeInterval(3600))
        #expect(FreshnessHeaders.freshUntil(cacheControl: nil, expires: "0", now: now) == nil)
        #expect(FreshnessHeaders.freshUntil(cacheControl: nil, expires: "Fri, 15 Jan 2027 07:00:00 GMT", now: now) == nil)
        #expect(FreshnessHeaders.freshUntil(cacheControl: nil, expires: nil, now: now) == nil)
    }

    @Test func headerLines() {
        #expect(ResponseHeaders.status(ofStatusLine: "HTTP/1.1 301 Moved Permanently") == 301)
        #expect(ResponseHeaders.status(ofStatusLine: "HTTP/2 200") == 200)
        #expect(ResponseHeaders.status(ofStatusLine: "Location: /x") == nil)
        #expect(ResponseHeaders.status(ofStatusLine: "HTTP/1.1 abc") == nil)
        let field = ResponseHeaders.field(ofLine: "ETag:  \"v1\" ")
        #expect(field?.name == "etag")
        #expect(field?.value == "\"v1\"")
        #expect(ResponseHeaders.field(ofLine: "no colon") == nil)
        var headers = ResponseHeaders(status: 200)
        headers.fields.append(("content-type", "text/xml"))
        #expect(headers["Content-Type"] == "text/xml")
    }
}
