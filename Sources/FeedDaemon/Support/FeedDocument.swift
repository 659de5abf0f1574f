import FeedFetcher
import FeedModel
import FeedParser
import Foundation

/// The bytes of a feed and where they came from.
struct FeedDocument {
    var data: Data
    /// The document URL for http(s) sources (after redirects); local files have none.
    var url: URL?
    var contentType: String?

    struct LoadError: Error, CustomStringConvertible {
        var description: String
    }

    /// The document read as the daemon reads a fetched feed: relative links against where it came from, the HTTP
    /// charset as an encoding hint. `documentURL` and `contentType` stand in for those when given.
    func parse(documentURL: URL? = nil, contentType: String? = nil) throws(FeedParseError) -> ParsedFeed {
        try FeedParser.parse(data, options: FeedParser.Options(documentURL: documentURL ?? url,
                                                               contentType: contentType ?? self.contentType))
    }

    /// `fetch`: how to fetch an http(s) source (the configuration's `[fetch]` settings, where there is one).
    static func load(_ source: String, fetch: FetchConfiguration = FetchConfiguration()) async throws -> FeedDocument {
        let lower = source.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            return try await Self.fetch(source, configuration: fetch)
        }
        let path: String
        if lower.hasPrefix("file://") {
            guard let url = URL(string: source), url.isFileURL else {
                throw LoadError(description: "not a valid file URL")
            }
            path = url.path
        } else {
            path = source
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            throw LoadError(description: exists ? (isDirectory.boolValue ? "is a directory" : "cannot be read")
                                                : "no such file")
        }
        return FeedDocument(data: data, url: nil, contentType: nil)
    }

    private static func fetch(_ source: String, configuration: FetchConfiguration) async throws -> FeedDocument {
        for await result in FeedFetcher(configuration: configuration).fetchAll([FetchRequest(feedID: 0, url: source)]) {
            switch result.outcome {
            case .body(let data):
                let url = URL(string: result.effectiveURL ?? source)
                return FeedDocument(data: data, url: url, contentType: result.contentType)
            case .notModified:
                throw LoadError(description: "the server answered 304 Not Modified to an unconditional request")
            case .failed(let error):
                throw LoadError(description: error.message)
            }
        }
        throw LoadError(description: "the fetch produced no result")
    }
}
