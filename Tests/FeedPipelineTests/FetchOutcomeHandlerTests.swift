import FeedFetcher
import FeedModel
import Foundation
import Testing
@testable import FeedPipeline

/// What one fetch means for a feed's state: validators, errors, back-off, the publisher's floors, redirects, 410.
@Suite struct FetchOutcomeHandlerTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let feed = Feed(id: 1, url: "https://a.example/feed")
    let handler = FetchOutcomeHandler(scheduler: FeedScheduler(interval: 3600, minInterval: 900, maxInterval: 86_400))
    var request: FetchRequest { FetchRequest(feedID: 1, url: feed.url) }

    func body(_ xml: String) -> FetchResult {
        FetchResult(request: request, outcome: .body(Data(xml.utf8)), status: 200, etag: "\"e1\"",
                    lastModified: "Sat, 21 Nov 2026 10:00:00 GMT", contentType: "application/rss+xml")
    }

    @Test func aReadableBodyKeepsValidatorsAndHonoursTTL() {
        let handled = handler.handle(body("<rss version=\"2.0\"><channel><title>T</title><ttl>600</ttl></channel></rss>"),
                                     feed: feed, now: now)
        #expect(handled.failure == nil && handled.parsed != nil)
        #expect(handled.state.etag == "\"e1\"")
        #expect(handled.state.consecutiveErrors == 0)
        #expect(handled.state.nextCheckAt! >= now.addingTimeInterval(600 * 60))
    }

    @Test func anUnreadableBodyIsAFailureWithoutValidators() {
        var failing = feed
        failing.fetch.consecutiveErrors = 2
        let handled = handler.handle(body("<html><body>a web page</body></html>"), feed: failing, now: now)
        #expect(handled.failure?.hasPrefix("not a feed:") == true)
        #expect(handled.state.etag == nil)
        #expect(handled.state.consecutiveErrors == 3)
        // Back-off: 900 s doubled twice, give or take the jitter.
        #expect(handled.state.nextCheckAt! >= now.addingTimeInterval(3600 * 0.85))
    }

    @Test func aFeedThatTurnedIntoAPageNamesTheFeedsThePageLinksTo() {
        // Relative to the fetched address: the error names where to subscribe instead.
        let page = #"<!doctype html><html><head><link rel=alternate type=application/atom+xml href="/news.atom">"#
        let handled = handler.handle(body(page), feed: feed, now: now)
        #expect(handled.state.lastError == "not a feed: the document is an HTML page, not RSS, RDF or Atom; "
                + "the page names a feed: https://a.example/news.atom (Atom)")
    }

    @Test func retryAfterIsAFloor() {
        let retry = now.addingTimeInterval(7200)
        let result = FetchResult(request: request, outcome: .failed(FetchError(.http(status: 429), "HTTP 429")),
                                 status: 429, retryAfter: retry)
        let handled = handler.handle(result, feed: feed, now: now)
        #expect(handled.state.nextCheckAt! >= retry)
        #expect(handled.state.lastError == "HTTP 429")
    }

    @Test func goneDisablesTheFeed() {
        let result = FetchResult(request: request, outcome: .failed(FetchError(.http(status: 410), "HTTP 410 Gone")),
                                 status: 410)
        #expect(handler.handle(result, feed: feed, now: now).state.disabledReason != nil)
        #expect(!handler.scheduler.isDue(Feed(id: 1, url: feed.url, fetch: FetchState(disabledReason: "gone")), at: now))
    }

    @Test func aPermanentRedirectMovesTheFeedOnlyWhenConfirmed() {
        var current = feed
        var result = FetchResult(request: request, outcome: .notModified, status: 304)
        result.permanentRedirect = "https://b.example/feed"
        for round in 1...FetchOutcomeHandler.redirectConfirmations {
            let handled = handler.handle(result, feed: current, now: now)
            #expect((handled.moveTo != nil) == (round == FetchOutcomeHandler.redirectConfirmations))
            current.fetch = handled.state
        }
        // A fetch without the redirect resets the count.
        let plain = handler.handle(FetchResult(request: request, outcome: .notModified, status: 304), feed: current, now: now)
        #expect(plain.state.pendingRedirectCount == 0)
    }
}
