import ArgumentParser

/// `feedd parse FILE_OR_URL [--json]`: STUB, replaced by the parser work.
struct ParseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "parse", abstract: "Parse one feed and print it.")
    @Argument var source: String
    func run() async throws {}
}
