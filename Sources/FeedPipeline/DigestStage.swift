import DigestWriter
import FeedConfig
import FeedModel
import FeedStore
import Foundation
import Logging

/// Gathers a day's stories from the store, has the DigestWriter render them, records what was shown (so later
/// digests do not repeat it) and, once a day is over, writes its final digest and runs the `on_digest` hook.
struct DigestStage: Sendable {
    let configuration: Configuration
    let store: FeedStore
    let logger: Logger

    var options: DigestOptions {
        let digest = configuration.digest
        return DigestOptions(title: digest.title, templateDirectory: digest.templateDirectory,
                             allowImages: digest.allowImages, dayStartMinutes: digest.dayStartMinutes,
                             categoryOrder: digest.sections, baseURL: digest.baseURL)
    }

    /// The configuration's `exclude` rules: `[digest]`'s for every feed, each `[[feed]]`'s for its own entries.
    func excludeRules(_ feeds: [Int64: Feed]) throws -> ExcludeRules {
        let patterns = Dictionary(configuration.feeds.map { ($0.url, $0.exclude) }, uniquingKeysWith: { a, _ in a })
        var perFeed: [Int64: [String]] = [:]
        for (id, feed) in feeds { perFeed[id] = patterns[feed.url] }
        return try ExcludeRules(global: configuration.digest.exclude, perFeed: perFeed)
    }

    /// The digest day an instant belongs to (with `time = "07:00"`, 08:00 belongs to tomorrow's digest).
    func day(containing date: Date) -> DayStamp {
        let minutes = configuration.digest.dayStartMinutes
        guard minutes > 0 else { return DayStamp(date, in: configuration.timeZone) }
        return DayStamp(date.addingTimeInterval(-Double(minutes) * 60), in: configuration.timeZone).adding(days: 1)
    }

    func write(days: Set<DayStamp>) throws -> [URL] {
        try days.sorted().flatMap { try write(day: $0).files }
    }

    @discardableResult
    func write(day: DayStamp) throws -> DigestOutput {
        let options = options
        let window = options.window(for: day, in: configuration.timeZone)
        let feeds = try store.allFeeds()
        let stories = try excludeRules(feeds).apply(to: try store.stories(filedIn: window))
        let input = DigestInput(
            day: day, timeZone: configuration.timeZone, stories: stories, feeds: feeds,
            shownBefore: try store.shownBefore(day: day, storyIDs: stories.map(\.id)),
            failures: try store.failures(in: window))
        let output: DigestOutput
        do {
            output = try DigestWriter(directory: configuration.digestDirectory, options: options).write(input)
        } catch {
            throw PipelineError.digestNotWritten(day: day, directory: configuration.digestDirectory.path,
                                                 reason: "\(error)")
        }
        for warning in output.warnings { logger.warning("\(warning)") }
        try store.recordShown(day: day, shown: output.displayed.mapValues(Set.init))
        logger.info("digest \(day): \(output.digest.counts.stories) stories, \(output.digest.counts.items) items",
                    metadata: ["file": "\(output.html.path)"])
        return output
    }

    /// Writes the final digest of the day before `now`'s digest day, once, and runs the hook for it.
    /// Returns that day (nil when it was final already) and the files written.
    func finalizePreviousDay(now: Date) throws -> (day: DayStamp?, files: [URL]) {
        let previous = day(containing: now).adding(days: -1)
        guard try !store.isFinal(day: previous) else { return (nil, []) }
        let output = try write(day: previous)
        if output.digest.counts.stories + output.digest.counts.updates > 0, let command = configuration.digest.onDigest {
            DigestHook(command: command, logger: logger).run(for: previous, output: output)
        }
        try store.markFinal(day: previous, at: now)
        return (previous, output.files)
    }
}
