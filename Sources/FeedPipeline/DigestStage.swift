import DigestWriter
import FeedConfig
import FeedModel
import FeedStore
import Foundation
import Logging

/// Gathers a day's stories from the store and has the DigestWriter render them.
struct DigestStage: Sendable {
    let configuration: Configuration
    let store: FeedStore
    let logger: Logger

    func write(days: Set<DayStamp>) throws -> [URL] {
        var files: [URL] = []
        for day in days.sorted() {
            files += try write(day: day)
        }
        return files
    }

    func write(day: DayStamp) throws -> [URL] {
        let interval = day.interval(in: configuration.timeZone)
        let stories = try store.stories(filedIn: interval)
        let input = DigestInput(
            day: day, timeZone: configuration.timeZone, stories: stories, feeds: try store.allFeeds(),
            shownBefore: try store.shownBefore(day: day, storyIDs: stories.map(\.id)),
            failures: try store.failures(in: interval))
        let writer = DigestWriter(directory: configuration.digestDirectory)
        do {
            let files = try writer.write(input)
            logger.info("digest \(day): \(stories.count) stories", metadata: ["files": "\(files.map(\.lastPathComponent))"])
            return files
        } catch {
            throw PipelineError.digestNotWritten(day: day, directory: configuration.digestDirectory.path,
                                                 reason: "\(error)")
        }
    }
}
