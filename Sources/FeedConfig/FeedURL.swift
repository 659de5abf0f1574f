import FeedModel
import Foundation

/// Which feed URLs feedd can fetch, and de-duplication of a subscription list.
enum FeedURL {
    static func isSupported(_ url: String) -> Bool {
        let lower = url.lowercased()
        return (lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("file://")) && url.count > 8
    }

    /// A URL as given, or a local path (absolute, or relative to `base`) as a file:// URL.
    static func resolve(_ url: String, base: URL) -> String {
        if url.contains("://") { return url }
        let path = (url as NSString).expandingTildeInPath
        let file = path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)
        return file.standardizedFileURL.absoluteString
    }

    /// First occurrence wins, so an inline `[[feed]]` overrides the OPML entry for the same URL.
    static func deduplicated(_ feeds: [FeedSource]) -> [FeedSource] {
        var seen = Set<String>()
        return feeds.filter { seen.insert($0.url).inserted }
    }
}
