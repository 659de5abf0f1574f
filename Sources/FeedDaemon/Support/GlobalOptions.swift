import ArgumentParser
import FeedConfig
import FeedStore
import Foundation
import Logging

/// Options every command that reads the configuration shares.
struct GlobalOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp(
        "The configuration file.", discussion: "Default: $FEEDD_CONFIG, else ~/.config/feedd/feedd.toml, else /etc/feedd/feedd.toml.",
        valueName: "file"))
    var config: String?

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level?

    func configurationFile() -> URL {
        if let config { return URL(fileURLWithPath: config) }
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["FEEDD_CONFIG"], !path.isEmpty { return URL(fileURLWithPath: path) }
        let home = environment["XDG_CONFIG_HOME"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: NSHomeDirectory()).appendingPathComponent(".config")
        let user = home.appendingPathComponent("feedd/feedd.toml")
        return FileManager.default.fileExists(atPath: user.path) ? user : URL(fileURLWithPath: "/etc/feedd/feedd.toml")
    }

    /// Loads the configuration, or exits with the error naming file, line and key.
    func loadConfiguration() throws -> Configuration {
        do {
            return try ConfigurationLoader.load(from: configurationFile())
        } catch {
            printError("feedd: bad configuration: \(error)")
            throw ExitCode(2)
        }
    }

    /// Loads the configuration, starts logging and opens the store.
    func open(readOnly: Bool, defaultLevel: Logger.Level = .info) throws -> (Configuration, FeedStore, Logger) {
        try open(try loadConfiguration(), readOnly: readOnly, defaultLevel: defaultLevel)
    }

    func open(_ configuration: Configuration, readOnly: Bool, defaultLevel: Logger.Level = .info)
        throws -> (Configuration, FeedStore, Logger) {
        let level = logLevel ?? configuration.logLevel.flatMap(Logger.Level.init(rawValue:)) ?? defaultLevel
        LogSetup.bootstrap(level: level)
        do {
            let store = try FeedStore(path: configuration.databaseFile.path, readOnly: readOnly)
            let logger = Logger(label: "feedd")
            if store.relinkedEntries > 0 {
                logger.notice("stored entry identities brought up to this version's link rules and title repair",
                              metadata: ["entries": "\(store.relinkedEntries)"])
            }
            return (configuration, store, logger)
        } catch {
            printError("feedd: \(error)")
            throw ExitCode(3)
        }
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
