import ArgumentParser

struct ParseBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "parse", abstract: "Parse throughput over a corpus.")
    func run() throws {}
}
