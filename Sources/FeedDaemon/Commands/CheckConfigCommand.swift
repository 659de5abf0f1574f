import ArgumentParser
import Foundation

/// `feedd check-config`: validate the configuration without touching the store or the network.
struct CheckConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config", abstract: "Check the configuration file and print what it sets.",
        discussion: "Exits 2 with file, line and key named when something is wrong.\n\nExample: feedd check-config -c feedd.toml")

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let configuration = try options.loadConfiguration()
        print("configuration: \(configuration.sourceFile?.path ?? "-") ok")
        print("state_dir: \(configuration.stateDirectory.path)")
        print("digest_dir: \(configuration.digestDirectory.path)")
        print("timezone: \(configuration.timeZone.identifier)")
        print("feeds: \(configuration.feeds.count)")
    }
}
