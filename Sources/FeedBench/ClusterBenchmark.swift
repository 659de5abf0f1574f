import ArgumentParser

struct ClusterBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cluster", abstract: "Clustering throughput.")
    func run() throws {}
}
