import Foundation
import Testing
import FeedFetcher

@Suite struct FetchScheduleTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let hour: TimeInterval = 3600
    /// No jitter: exact expectations.
    var exact: FetchSchedule { FetchSchedule(defaultInterval: 3600, minInterval: 900, maxInterval: 86_400, jitter: 0) }

    func next(_ schedule: FetchSchedule, _ timing: FetchSchedule.FeedTiming, seed: UInt64 = 1) -> TimeInterval {
        var random = SeededRandomNumberGenerator(seed: seed)
        return schedule.nextCheck(after: now, timing, using: &random).timeIntervalSince(now)
    }

    /// Entries every `gap` seconds, the newest `age` seconds ago.
    func entries(every gap: TimeInterval, count: Int = 10, newestAge age: TimeInterval = 0) -> [Date] {
        (0..<count).map { now.addingTimeInterval(-age - Double($0) * gap) }
    }

    @Test func defaultIntervalWithoutHistory() {
        #expect(next(exact, .init()) == 3600)
        #expect(next(exact, .init(entryDates: [now.addingTimeInterval(-60)])) == 3600)
    }

    @Test func publishingRateAdaptsWithinBounds() {
        // Every 2 h, recently active: every 2 h.
        #expect(next(exact, .init(entryDates: entries(every: 2 * hour))) == 2 * hour)
        // Every 2 min: not below the minimum.
        #expect(next(exact, .init(entryDates: entries(every: 120))) == 900)
        // Weekly: not above the maximum.
        #expect(next(exact, .init(entryDates: entries(every: 7 * 24 * hour))) == 86_400)
        // Hourly but silent for 10 hours: half the silence.
        #expect(next(exact, .init(entryDates: entries(every: hour, newestAge: 10 * hour))) == 5 * hour)
    }

    @Test func rateUsesTheMedianGapOfRecentEntries() {
        // One burst of near-identical stamps does not make a slow feed look fast.
        var dates = entries(every: 4 * hour, count: 7)
        dates.append(contentsOf: [now.addingTimeInterval(-1), now.addingTimeInterval(-2)])
        #expect(next(exact, .init(entryDates: dates)) == 4 * hour)
        // Future stamps (clock errors) are ignored.
        let future = [now.addingTimeInterval(hour), now.addingTimeInterval(2 * hour)]
        #expect(next(exact, .init(entryDates: future)) == 3600)
    }

    @Test func errorsBackOffExponentiallyUpToTheCap() {
        let schedule = FetchSchedule(backoffBase: 600, maxBackoff: 6 * hour, jitter: 0)
        #expect(schedule.backoff(consecutiveErrors: 0) == 0)
        #expect(schedule.backoff(consecutiveErrors: 1) == 600)
        #expect(schedule.backoff(consecutiveErrors: 2) == 1200)
        #expect(schedule.backoff(consecutiveErrors: 3) == 2400)
        #expect(schedule.backoff(consecutiveErrors: 10) == 6 * hour)
        #expect(schedule.backoff(consecutiveErrors: 10_000) == 6 * hour)
        #expect(next(schedule, .init(entryDates: entries(every: 2 * hour), consecutiveErrors: 2)) == 1200)
    }

    @Test func jitterSpreadsWithinItsBoundsAndIsReproducible() {
        let schedule = FetchSchedule(defaultInterval: 3600, jitter: 0.1)
        let samples = (0..<500).map { next(schedule, .init(), seed: UInt64($0)) }
        #expect(samples.allSatisfy { $0 >= 3240 && $0 <= 3960 })
        #expect(Set(samples.map { Int($0) }).count > 100)
        #expect(samples.min()! < 3400 && samples.max()! > 3800)
        #expect(next(schedule, .init(), seed: 42) == next(schedule, .init(), seed: 42))
    }

    @Test func backoffCapHoldsAfterJitter() {
        let schedule = FetchSchedule(backoffBase: 600, maxBackoff: 2 * hour, jitter: 0.5)
        let samples = (0..<200).map { next(schedule, .init(consecutiveErrors: 30), seed: UInt64($0)) }
        #expect(samples.allSatisfy { $0 <= 2 * hour && $0 >= hour })
        #expect(Set(samples).count > 50)
    }

    @Test func publisherFloorsAreHonoured() {
        // Retry-After beyond the back-off wins.
        #expect(next(exact, .init(retryAfter: now.addingTimeInterval(5 * hour), consecutiveErrors: 1)) == 5 * hour)
        // ... but not when it is shorter.
        #expect(next(exact, .init(retryAfter: now.addingTimeInterval(60), consecutiveErrors: 1)) == 900)
        #expect(next(exact, .init(freshUntil: now.addingTimeInterval(3 * hour))) == 3 * hour)
        #expect(next(exact, .init(ttl: 2 * hour)) == 2 * hour)
        #expect(next(exact, .init(freshUntil: now.addingTimeInterval(60), ttl: 120)) == 3600)
    }

    @Test func absurdFloorsAreBounded() {
        let year: TimeInterval = 365 * 24 * hour
        #expect(next(exact, .init(freshUntil: now.addingTimeInterval(year))) == 86_400)
        #expect(next(exact, .init(ttl: year)) == 86_400)
        #expect(next(exact, .init(retryAfter: now.addingTimeInterval(year), consecutiveErrors: 1)) == exact.maxBackoff)
    }

    @Test func systemRandomVariantStaysInBounds() {
        let schedule = FetchSchedule(defaultInterval: 3600, jitter: 0.2)
        let delay = schedule.nextCheck(after: now, .init()).timeIntervalSince(now)
        #expect(delay >= 2880 && delay <= 4320)
    }
}

@Suite struct FeedTimingFromResultTests {
    let request = FetchRequest(feedID: 1, url: "http://127.0.0.1/feed")
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func failuresCountUpAndCarryRetryAfter() {
        let failed = FetchResult(request: request, outcome: .failed(FetchError(.http(status: 429), "HTTP 429")),
                                 status: 429, retryAfter: now.addingTimeInterval(600))
        let timing = FetchSchedule.FeedTiming(after: failed, previousConsecutiveErrors: 2)
        #expect(timing.consecutiveErrors == 3)
        #expect(timing.retryAfter == now.addingTimeInterval(600))
    }

    @Test func successAndNotModifiedReset() {
        let fresh = now.addingTimeInterval(300)
        let ok = FetchResult(request: request, outcome: .body(Data()), status: 200, freshUntil: fresh)
        let same = FetchResult(request: request, outcome: .notModified, status: 304)
        let okTiming = FetchSchedule.FeedTiming(after: ok, previousConsecutiveErrors: 5, ttl: 60)
        #expect(okTiming.consecutiveErrors == 0)
        #expect(okTiming.freshUntil == fresh)
        #expect(okTiming.ttl == 60)
        #expect(FetchSchedule.FeedTiming(after: same, previousConsecutiveErrors: 5).consecutiveErrors == 0)
    }
}
