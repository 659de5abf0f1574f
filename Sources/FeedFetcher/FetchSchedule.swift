import Foundation

/// When to check a feed next: pure value code, no clock and no global randomness (both are passed in).
///
/// `nextCheck` works in four steps:
/// 1. **Base interval.** With no errors: `defaultInterval`, or, when the feed has at least two dated entries, the
///    median gap between its recent entries (stretched to half the time it has been silent, so a feed that went
///    quiet is asked less often), clamped to `minInterval...maxInterval`.
///    After `n` consecutive errors: `backoffBase * 2^(n-1)`, capped at `maxBackoff` (exponential back-off).
/// 2. **Jitter.** The interval is scaled by a random factor in `1 ± jitter`, so feeds added together do not fire
///    in lockstep (and failing feeds do not retry in lockstep either).
/// 3. **Floors.** The result is never earlier than what the publisher asked for: Retry-After, Cache-Control
///    max-age / Expires (`freshUntil`) and RSS `<ttl>`. Absurd floors are bounded: freshness/ttl by `maxInterval`,
///    Retry-After by `maxBackoff`, so a misconfigured server cannot hide a feed for a year.
/// 4. It is never earlier than `now + 1 s`.
///
/// After each fetch the daemon stores the result and the next check:
///
///     let timing = FetchSchedule.FeedTiming(after: result, previousConsecutiveErrors: feed.fetch.consecutiveErrors,
///                                           entryDates: recentEntryDates, ttl: rssTTL)
///     feed.fetch.consecutiveErrors = timing.consecutiveErrors
///     feed.fetch.nextCheckAt = schedule.nextCheck(after: now, timing)
///
/// (410 Gone is not a scheduling matter: the feed is disabled, see `FetchResult.isGone`.)
public struct FetchSchedule: Sendable, Hashable {
    public var defaultInterval: TimeInterval
    public var minInterval: TimeInterval
    public var maxInterval: TimeInterval
    /// The wait after the first error; doubled for each further consecutive error.
    public var backoffBase: TimeInterval
    public var maxBackoff: TimeInterval
    /// Fraction of the interval added or removed at random (0.1 = ±10 %).
    public var jitter: Double
    /// How many of the newest entry dates the publishing rate is estimated from.
    public var rateSampleSize: Int

    public init(defaultInterval: TimeInterval = 3600, minInterval: TimeInterval = 900,
                maxInterval: TimeInterval = 86_400, backoffBase: TimeInterval = 900,
                maxBackoff: TimeInterval = 86_400, jitter: Double = 0.1, rateSampleSize: Int = 10) {
        self.defaultInterval = defaultInterval
        self.minInterval = minInterval
        self.maxInterval = max(minInterval, maxInterval)
        self.backoffBase = backoffBase
        self.maxBackoff = maxBackoff
        self.jitter = min(max(jitter, 0), 0.9)
        self.rateSampleSize = max(2, rateSampleSize)
    }

    /// What the schedule needs to know about one feed after a fetch.
    public struct FeedTiming: Sendable, Hashable {
        /// Publication (or update) dates of the feed's recent entries, any order.
        public var entryDates: [Date]
        /// From Cache-Control max-age / Expires (`FetchResult.freshUntil`).
        public var freshUntil: Date?
        /// The publisher's stated interval (RSS `<ttl>`, else the syndication module's), in seconds.
        public var ttl: TimeInterval?
        /// From Retry-After (`FetchResult.retryAfter`).
        public var retryAfter: Date?
        /// Failed fetches in a row, including the one just made (0 after a success or a 304).
        public var consecutiveErrors: Int

        public init(entryDates: [Date] = [], freshUntil: Date? = nil, ttl: TimeInterval? = nil,
                    retryAfter: Date? = nil, consecutiveErrors: Int = 0) {
            self.entryDates = entryDates
            self.freshUntil = freshUntil
            self.ttl = ttl
            self.retryAfter = retryAfter
            self.consecutiveErrors = consecutiveErrors
        }
    }

    /// The next time to check the feed (see the type's documentation for the rules).
    public func nextCheck(after now: Date, _ timing: FeedTiming,
                          using random: inout some RandomNumberGenerator) -> Date {
        let base = timing.consecutiveErrors > 0
            ? backoff(consecutiveErrors: timing.consecutiveErrors)
            : publishingInterval(entryDates: timing.entryDates, now: now)
        let factor = jitter > 0 ? Double.random(in: (1 - jitter)...(1 + jitter), using: &random) : 1
        var interval = base * factor
        if timing.consecutiveErrors > 0 { interval = min(interval, maxBackoff) }  // the cap holds after jitter
        var next = now.addingTimeInterval(max(1, interval))

        let freshnessCap = now.addingTimeInterval(maxInterval)
        if let freshUntil = timing.freshUntil { next = max(next, min(freshUntil, freshnessCap)) }
        if let ttl = timing.ttl, ttl > 0 { next = max(next, min(now.addingTimeInterval(ttl), freshnessCap)) }
        if let retryAfter = timing.retryAfter {
            next = max(next, min(retryAfter, now.addingTimeInterval(maxBackoff)))
        }
        return next
    }

    /// `nextCheck` with the system's random numbers.
    public func nextCheck(after now: Date, _ timing: FeedTiming) -> Date {
        var random = SystemRandomNumberGenerator()
        return nextCheck(after: now, timing, using: &random)
    }

    /// Exponential back-off before jitter: `backoffBase * 2^(errors-1)`, capped at `maxBackoff`.
    public func backoff(consecutiveErrors: Int) -> TimeInterval {
        guard consecutiveErrors > 0 else { return 0 }
        let doublings = min(consecutiveErrors - 1, 40)  // 2^40 already exceeds any sane cap
        return min(maxBackoff, backoffBase * pow(2, Double(doublings)))
    }

    /// The interval the feed's own publishing rate suggests, clamped to `minInterval...maxInterval`;
    /// `defaultInterval` (clamped too) when fewer than two usable dates are known.
    public func publishingInterval(entryDates: [Date], now: Date) -> TimeInterval {
        // Future dates are clock or parse errors; identical stamps say nothing about the rate.
        let recent = Array(Set(entryDates.filter { $0 <= now })).sorted(by: >).prefix(rateSampleSize)
        guard recent.count >= 2 else { return clamp(defaultInterval) }
        let gaps = zip(recent, recent.dropFirst()).map { $0.timeIntervalSince($1) }.sorted()
        let median = gaps.count % 2 == 1
            ? gaps[gaps.count / 2]
            : (gaps[gaps.count / 2 - 1] + gaps[gaps.count / 2]) / 2
        let silentFor = now.timeIntervalSince(recent[recent.startIndex])
        return clamp(max(median, silentFor / 2))
    }

    private func clamp(_ interval: TimeInterval) -> TimeInterval {
        min(max(interval, minInterval), maxInterval)
    }
}

extension FetchSchedule.FeedTiming {
    /// The timing after `result`: a failure adds one to `previousConsecutiveErrors`, a body or a 304 resets it;
    /// Retry-After and freshness come from the result.
    public init(after result: FetchResult, previousConsecutiveErrors: Int, entryDates: [Date] = [],
                ttl: TimeInterval? = nil) {
        let failed = result.error != nil
        self.init(entryDates: entryDates, freshUntil: result.freshUntil, ttl: ttl, retryAfter: result.retryAfter,
                  consecutiveErrors: failed ? previousConsecutiveErrors + 1 : 0)
    }
}
