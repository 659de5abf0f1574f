import ArgumentParser
import FeedModel
import FeedParser
import Foundation

/// `feedd parse FILE_OR_URL [--json] [--base-url URL] [--content-type TYPE]`: parses one feed and prints it, as the
/// contract's JSON or as a short summary. A document that is not a feed exits 1 with one line on stderr.
struct ParseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "parse", abstract: "Parse one feed and print it.")

    @Argument(help: "A file path, a file:// URL or an http(s):// URL.")
    var source: String

    @Flag(help: "Print the parsed feed as JSON.")
    var json = false

    @Option(name: .customLong("base-url"), help: "The document's URL, for resolving relative links.")
    var baseURL: String?

    @Option(name: .customLong("content-type"), help: "An HTTP Content-Type (its charset is an encoding hint).")
    var contentType: String?

    func run() async throws {
        let document: FeedDocument
        do {
            document = try await FeedDocument.load(source)
        } catch {
            Self.fail("\(source): \(error)")
        }
        var base: URL? = nil
        if let baseURL {
            guard let url = URL(string: baseURL), url.scheme != nil else {
                Self.fail("--base-url \(baseURL): not an absolute URL")
            }
            base = url
        }
        let feed: ParsedFeed
        do {
            feed = try document.parse(documentURL: base, contentType: contentType)
        } catch {
            Self.fail("\(source): \(error.reason)")
        }
        print(json ? ParsedFeedJSON.encode(feed) : ParseSummary.text(feed))
    }

    static func fail(_ message: String) -> Never {
        let line = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        FileHandle.standardError.write(Data(("feedd: " + line + "\n").utf8))
        Foundation.exit(1)
    }
}

/// A few lines for a person: the feed, then one line per entry.
enum ParseSummary {
    static func text(_ feed: ParsedFeed) -> String {
        var lines = ["\(feed.title ?? "(untitled)") [\(feed.format.rawValue)] \(feed.entries.count) entries"]
        if let link = feed.link { lines.append(link) }
        for entry in feed.entries {
            let date = (entry.published ?? entry.updated).map { String(ISO8601UTC.string(from: $0).prefix(10)) } ?? "----------"
            lines.append("  \(date)  \(entry.title ?? "(untitled)")\(entry.link.map { "  <\($0)>" } ?? "")")
        }
        return lines.joined(separator: "\n")
    }
}
