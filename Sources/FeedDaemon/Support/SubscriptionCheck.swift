import FeedFetcher
import FeedHTML
import FeedModel
import FeedParser
import Foundation

/// What `feedd add` subscribes to: the address itself when it serves a feed, else the first feed its web page
/// names that can be read. Fetched and parsed as the daemon will (`FeedFetcher`, `FeedParser`), so a subscription
/// that would only ever fail is caught when it is made.
enum SubscriptionCheck {
    struct Found {
        /// What to subscribe to: the address given, or a feed its page names.
        var url: String
        var feed: ParsedFeed
        /// When the address is a web page: every feed it names (`url` among them).
        var pageFeeds: [DiscoveredFeed] = []

        /// What was found at `source`, for the person subscribing.
        func report(for source: String) -> [String] {
            let summary = "\(feed.title ?? "(untitled)") [\(feed.format.rawValue)], \(feed.entries.count) entries"
            guard !pageFeeds.isEmpty else { return ["\(source): \(summary)"] }
            var lines = ["\(source) is a web page; it names \(url): \(summary)"]
            let others = pageFeeds.filter { $0.url.absoluteString != url }
            if !others.isEmpty {
                lines.append("the page also names (feedd add one of them to follow it too):")
                lines += others.map { "  \($0)" }
            }
            return lines
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Feeds of a page tried in turn before giving up (a page may name a dead feed first).
    static let candidates = 4

    /// `fetch`: the configuration's fetch settings (its user agent, timeouts and size limit).
    static func resolve(_ source: String, fetch: FetchConfiguration) async throws(Failure) -> Found {
        func read(_ source: String) async -> Result<ParsedFeed, any Error> {
            await Self.read(source, fetch: fetch)
        }
        let outcome = await read(source)
        switch outcome {
        case .success(let feed):
            return Found(url: source, feed: feed)
        case .failure(let error):
            guard let parseError = error as? FeedParseError, !parseError.discoveredFeeds.isEmpty else {
                throw Failure(description: "\(source): \(error)")
            }
            let pageFeeds = parseError.discoveredFeeds
            var reasons: [String] = []
            for candidate in pageFeeds.prefix(candidates) {
                let url = candidate.url.absoluteString
                switch await read(url) {
                case .success(let feed): return Found(url: url, feed: feed, pageFeeds: pageFeeds)
                case .failure(let error): reasons.append("\(url): \(error)")
                }
            }
            throw Failure(description: "\(source) is a web page, and no feed it names could be read: "
                + reasons.joined(separator: "; "))
        }
    }

    private static func read(_ source: String, fetch: FetchConfiguration) async -> Result<ParsedFeed, any Error> {
        do {
            return .success(try await FeedDocument.load(source, fetch: fetch).parse())
        } catch {
            return .failure(error)
        }
    }
}
