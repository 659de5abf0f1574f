import ArgumentParser
import FeedPipeline
import FeedService
import FeedStore
import Foundation
import Logging
import ServiceLifecycle

struct FeedDaemonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedd",
        abstract: "Follows RSS, Atom and JSON feeds and writes one readable digest a day.",
        discussion: """
            Without a subcommand feedd runs as a daemon: it checks each feed when it is due and keeps today's \
            digest up to date. With --once it makes one pass and exits.

            Examples:
              feedd --once --config Config/demo/feedd.toml
              feedd --config /etc/feedd/feedd.toml        (the service)
            """,
        version: FeeddVersion.string,
        subcommands: [FeedsCommand.self, DigestCommand.self, AddCommand.self, RemoveCommand.self,
                      ImportCommand.self, ExportCommand.self, ParseCommand.self, ClusterCommand.self, ExplainCommand.self,
                      CheckConfigCommand.self])

    @OptionGroup var options: GlobalOptions

    @Flag(help: "Fetch the due feeds once, update the store and the digest, then exit.")
    var once = false

    @Flag(help: "With --once: fetch every feed, due or not.")
    var force = false

    @Option(help: ArgumentHelp("How long to wait for another feedd using the same state directory.",
                               valueName: "seconds"))
    var wait: Int = 10

    func validate() throws {
        if force && !once { throw ValidationError("--force goes with --once") }
    }

    func run() async throws {
        let configuration = try options.loadConfiguration()
        // One writer per state directory: taken before the store is opened, held until exit.
        let lock = WriterLock(stateDirectory: configuration.stateDirectory)
        do {
            try await lock.acquire(waitingUpTo: .seconds(wait))
        } catch {
            printError("feedd: \(error)")
            if case .held = error.reason { throw ExitCode(4) }
            throw ExitCode(3)
        }
        defer { lock.release() }
        let (_, store, logger) = try options.open(configuration, readOnly: false)
        if once {
            let pipeline = Pipeline(configuration: configuration, store: store, logger: logger)
            let progress = ProgressLine()
            do {
                let report = try await pipeline.runOnce(force: force, progress: progress.update)
                progress.finish()
                RunSummary.print(report)
            } catch {
                progress.finish()
                printError("feedd: \(error)")
                throw ExitCode(error is StoreError ? 3 : 1)
            }
            return
        }
        let daemon = DaemonService(configuration: configuration, configurationFile: options.configurationFile(),
                                   store: store, logger: logger)
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [.init(service: daemon)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}

enum FeeddVersion {
    static let string = "0.1.0"
}
