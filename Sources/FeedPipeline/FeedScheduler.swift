import FeedFetcher
import FeedModel
import Foundation

/// When each feed is checked next. The interval is the configured default, pushed back after errors
/// (exponential, capped) and never earlier than the publisher allows (Retry-After, Cache-Control/Expires).
struct FeedScheduler: Sendable {
    var interval: TimeInterval
    var minInterval: TimeInterval
    var maxInterval: TimeInterval

    func isDue(_ feed: Feed, at now: Date) -> Bool {
        guard feed.fetch.disabledReason == nil else { return false }
        return (feed.fetch.nextCheckAt ?? .distantPast) <= now
    }

    func nextCheck(after now: Date, state: FetchState, result: FetchResult?, ttlMinutes: Int?) -> Date {
        var delay = interval
        if state.consecutiveErrors > 0 {
            delay = min(maxInterval, minInterval * pow(2, Double(min(state.consecutiveErrors - 1, 16))))
        }
        if let ttlMinutes { delay = max(delay, Double(ttlMinutes) * 60) }
        delay = min(max(delay, minInterval), maxInterval)
        var next = now.addingTimeInterval(delay)
        if let retryAfter = result?.retryAfter { next = max(next, retryAfter) }
        if let freshUntil = result?.freshUntil { next = max(next, min(freshUntil, now.addingTimeInterval(maxInterval))) }
        return next
    }
}
