import ArgumentParser

@main
struct FeedBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedd-bench",
        abstract: "Benchmarks of feedd's hot paths (run through bench/*.sh, which also measure the references).",
        subcommands: [ParseBenchmark.self, ClusterBenchmark.self, FetchBenchmark.self])
}
