import ArgumentParser

@main
struct FeedDaemonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedd", abstract: "A feed aggregator daemon.",
        subcommands: [ParseCommand.self, ClusterCommand.self])
    func run() async throws {}
}
