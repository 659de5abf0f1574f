import ArgumentParser

/// `feedd cluster FILE.jsonl`: STUB, replaced by the clustering work.
struct ClusterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cluster", abstract: "Cluster JSONL items into stories.")
    @Argument var file: String
    func run() async throws {}
}
