import ArgumentParser
import FeedPipeline
import FeedStore
import Foundation
import Logging
import ServiceLifecycle

@main
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
        subcommands: [FeedsCommand.self, DigestCommand.self, ParseCommand.self, ClusterCommand.self,
                      CheckConfigCommand.self])

    @OptionGroup var options: GlobalOptions

    @Flag(help: "Fetch the due feeds once, update the store and the digest, then exit.")
    var once = false

    @Flag(help: "With --once: fetch every feed, due or not.")
    var force = false

    func validate() throws {
        if force && !once { throw ValidationError("--force goes with --once") }
    }

    func run() async throws {
        let (configuration, store, logger) = try options.open(readOnly: false)
        let pipeline = Pipeline(configuration: configuration, store: store, logger: logger)
        if once {
            do {
                let report = try await pipeline.runOnce(force: force)
                RunSummary.print(report)
            } catch {
                printError("feedd: \(error)")
                throw ExitCode(error is StoreError ? 3 : 1)
            }
            return
        }
        let daemon = DaemonService(pipeline: pipeline, logger: logger)
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [.init(service: daemon)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}

enum FeeddVersion {
    static let string = "0.1.0"
}
