import FeedFetcher
import FeedModel
import FeedParser
import Foundation

/// What one fetch result means for a feed: the new fetch state, the parsed feed (if any) and the failure (if any).
/// Pure: the pipeline does the I/O.
struct FetchOutcomeHandler {
    /// Fetches in a row that must see the same permanent redirect before the stored URL follows it,
    /// so a publisher's brief misconfiguration does not move a subscription.
    static let redirectConfirmations = 3

    var scheduler: FeedScheduler

    struct Handled {
        var state: FetchState
        var parsed: ParsedFeed?
        var failure: String?
        /// Set when the feed should now be stored under a new URL.
        var moveTo: String?
    }

    func handle(_ result: FetchResult, feed: Feed, now: Date) -> Handled {
        var state = feed.fetch
        state.lastFetchedAt = now
        state.lastStatus = result.status
        state.lastDurationMs = result.durationMs
        state.lastBytes = result.bytes
        var handled = Handled(state: state)

        switch result.outcome {
        case .notModified:
            handled.state.lastError = nil
            handled.state.consecutiveErrors = 0
        case .body(let data):
            let options = FeedParser.Options(documentURL: URL(string: result.effectiveURL ?? feed.fetchURL),
                                             contentType: result.contentType)
            do {
                handled.parsed = try FeedParser.parse(data, options: options)
                // Validators are kept only with a body we could read: a broken body is fetched whole next time.
                handled.state.etag = result.etag
                handled.state.lastModified = result.lastModified
                handled.state.lastError = nil
                handled.state.consecutiveErrors = 0
            } catch {
                // The parser's reasons mostly say "not a feed" themselves; say it once.
                handled.failure = error.reason.hasPrefix("not a feed") ? error.reason : "not a feed: \(error.reason)"
            }
        case .failed(let error):
            handled.failure = error.message
            if case .http(status: 410) = error.kind {
                handled.state.disabledReason = "gone (HTTP 410): the publisher removed this feed"
            }
        }
        if let failure = handled.failure {
            handled.state.lastError = failure
            handled.state.consecutiveErrors += 1
        }

        if let target = result.permanentRedirect, target != feed.fetchURL {
            handled.state.pendingRedirectCount = state.pendingRedirect == target ? state.pendingRedirectCount + 1 : 1
            handled.state.pendingRedirect = target
            if handled.state.pendingRedirectCount >= Self.redirectConfirmations { handled.moveTo = target }
        } else {
            handled.state.pendingRedirect = nil
            handled.state.pendingRedirectCount = 0
        }
        handled.state.nextCheckAt = scheduler.nextCheck(
            after: now, state: handled.state, result: result,
            entryDates: handled.parsed?.entries.compactMap { $0.published ?? $0.updated } ?? [],
            ttl: handled.parsed?.ttlMinutes.map { Double($0) * 60 })
        return handled
    }
}
