import ArgumentParser
import FeedConfig
import FeedFetcher
import FeedModel
import FeedPipeline
import Foundation

/// `feedd add URL`: subscribe. Feeds live where the user keeps them: the OPML file the configuration names, else
/// the configuration itself (as a `[[feed]]` table); comments and everything else in the file are kept.
struct AddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Subscribe to a feed.",
        discussion: """
            Reads the address first, as the daemon will: a feed is subscribed as given; a web page is read for \
            the feeds it names (<link rel="alternate">), and the first one that reads as a feed is subscribed. \
            An address that serves neither is refused (exit 1) unless --no-check is given.

            Writes to the OPML file named by `opml` in the configuration, else to the configuration file. \
            A running daemon picks the change up on its next reload (systemctl reload feedd).

            Examples:
              feedd add https://example.org/feed.xml --title Example --category Tech
              feedd add https://blog.example.org/   # the feed the site's page names
            """)

    @OptionGroup var options: GlobalOptions
    @Argument(help: "The feed's URL (http, https or file), a web page that names its feed, or a local path.")
    var url: String
    @Option(help: "A title that overrides the feed's own.") var title: String?
    @Option(help: "The digest section (an OPML folder).") var category: String?
    @Flag(help: "Subscribe to the address as given, without reading it first (offline, or a feed down for now).")
    var noCheck = false

    func run() async throws {
        var target = url
        if !noCheck {
            // Read as the daemon will read it: with the configuration's user agent, timeouts and size limit.
            let fetch = FetchConfiguration(try options.loadConfiguration())
            let found: SubscriptionCheck.Found
            do {
                found = try await SubscriptionCheck.resolve(url, fetch: fetch)
            } catch {
                printError("feedd: \(error.description) (--no-check subscribes anyway)")
                throw ExitCode(1)
            }
            target = found.url
            for line in found.report(for: url) { print(line) }
        }
        try editSubscriptions(options) { try $0.add(url: target, title: title, category: category) }
    }
}

/// `feedd remove URL`: unsubscribe (the stored entries stay for past digests).
struct RemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Unsubscribe from a feed.",
        discussion: "Example: feedd remove https://example.org/feed.xml")

    @OptionGroup var options: GlobalOptions
    @Argument(help: "The feed's URL as `feedd feeds` lists it.") var url: String

    func run() async throws {
        try editSubscriptions(options) { try $0.remove(url: url) }
    }
}

/// `feedd import FILE.opml`: subscribe to every feed of an OPML file.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Subscribe to the feeds of an OPML file.",
        discussion: "Feeds already subscribed are skipped.\n\nExample: feedd import ~/Downloads/subscriptions.opml")

    @OptionGroup var options: GlobalOptions
    @Argument(help: "The OPML file.") var file: String

    func run() async throws {
        try editSubscriptions(options) { try $0.importOPML(from: URL(fileURLWithPath: file)) }
    }
}

/// `feedd export`: the subscriptions as OPML on stdout.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Print the subscriptions as OPML.",
        discussion: "Example: feedd export > subscriptions.opml")

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let configuration = try options.loadConfiguration()
        print(OPMLWriter.document(for: configuration.feeds), terminator: "")
    }
}

private func editSubscriptions(_ options: GlobalOptions,
                               _ edit: (SubscriptionEditor) throws -> SubscriptionChange) throws {
    let editor = SubscriptionEditor(configurationFile: options.configurationFile())
    let change: SubscriptionChange
    do {
        change = try edit(editor)
    } catch {
        printError("feedd: \(error)")
        throw ExitCode(2)
    }
    for feed in change.added { print("added \(feed.url)") }
    for feed in change.removed { print("removed \(feed.url)") }
    for feed in change.alreadySubscribed { print("already subscribed: \(feed.url)") }
    for file in change.editedFiles { print("edited \(file.path)") }
}
