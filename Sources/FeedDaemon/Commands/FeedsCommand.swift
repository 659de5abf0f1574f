import ArgumentParser
import FeedModel
import Foundation

/// `feedd feeds`: each subscription and how fetching it went.
struct FeedsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feeds", abstract: "List the feeds with their last fetch and next check.",
        discussion: "Reads the store only; safe while the daemon runs.\n\nExample: feedd feeds --config feedd.toml")

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let (_, store, _) = try options.open(readOnly: true, defaultLevel: .warning)
        let feeds = try store.subscribedFeeds()
        for feed in feeds {
            print(describe(feed))
        }
        print("\(feeds.count) feeds")
    }

    func describe(_ feed: Feed) -> String {
        let state = feed.fetch
        var lines = ["\(feed.url)", "  title: \(feed.displayName)"]
        if let moved = feed.movedTo { lines.append("  moved permanently to: \(moved) (fetched there)") }
        if let at = state.lastFetchedAt {
            let status = state.lastStatus.map { "HTTP \($0)" } ?? (state.lastError == nil ? "ok" : "error")
            lines.append("  last fetch: \(status) at \(at.formatted(.iso8601)), \(state.lastDurationMs ?? 0) ms, \(state.lastBytes ?? 0) bytes")
        } else {
            lines.append("  last fetch: never")
        }
        lines.append("  validators: etag \(state.etag == nil ? "no" : "yes"), last-modified \(state.lastModified == nil ? "no" : "yes")")
        lines.append("  next check: \(state.nextCheckAt.map { $0.formatted(.iso8601) } ?? "now")")
        if state.consecutiveErrors > 0 || state.lastError != nil {
            lines.append("  errors in a row: \(state.consecutiveErrors); last: \(state.lastError ?? "-")")
        }
        if let disabled = state.disabledReason { lines.append("  disabled: \(disabled)") }
        return lines.joined(separator: "\n")
    }
}
