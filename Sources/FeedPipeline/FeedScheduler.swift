import FeedFetcher
import FeedModel
import Foundation

/// Which feeds are due, and when each is checked next (the rules are FeedFetcher's `FetchSchedule`: publishing
/// rate, back-off with jitter, and never earlier than Retry-After, Cache-Control/Expires or RSS `<ttl>` allow).
struct FeedScheduler: Sendable {
    var schedule: FetchSchedule

    init(interval: TimeInterval, minInterval: TimeInterval, maxInterval: TimeInterval) {
        schedule = FetchSchedule(defaultInterval: interval, minInterval: minInterval, maxInterval: maxInterval,
                                 backoffBase: minInterval, maxBackoff: maxInterval)
    }

    func isDue(_ feed: Feed, at now: Date) -> Bool {
        guard feed.fetch.disabledReason == nil else { return false }
        return (feed.fetch.nextCheckAt ?? .distantPast) <= now
    }

    func nextCheck(after now: Date, state: FetchState, result: FetchResult, entryDates: [Date],
                   ttl: TimeInterval?) -> Date {
        schedule.nextCheck(after: now, FetchSchedule.FeedTiming(
            entryDates: entryDates, freshUntil: result.freshUntil, ttl: ttl, retryAfter: result.retryAfter,
            consecutiveErrors: state.consecutiveErrors))
    }
}
