import ArgumentParser

@main
struct FeedDaemonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "feedd", abstract: "A feed aggregator daemon.")
    func run() async throws {}
}
