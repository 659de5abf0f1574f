import ArgumentParser
import FeedModel
import FeedPipeline
import Foundation

/// `feedd digest [--date YYYY-MM-DD]`: regenerate a day's digest from the store.
struct DigestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest", abstract: "Write the digest of a day (today by default) from the store.",
        discussion: "Example: feedd digest --date 2026-11-20")

    @OptionGroup var options: GlobalOptions

    @Option(help: ArgumentHelp("The day, in the configured time zone.", valueName: "YYYY-MM-DD"))
    var date: String?

    func validate() throws {
        if let date, DayStamp(date) == nil { throw ValidationError("--date must look like 2026-11-21") }
    }

    func run() async throws {
        let (configuration, store, logger) = try options.open(readOnly: false, defaultLevel: .warning)
        let day = date.flatMap(DayStamp.init) ?? DayStamp(Date(), in: configuration.timeZone)
        let pipeline = Pipeline(configuration: configuration, store: store, logger: logger)
        for file in try await pipeline.writeDigest(day: day) { print(file.path) }
    }
}
