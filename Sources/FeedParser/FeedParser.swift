import Foundation
import FeedModel

/// Bytes + the document's URL -> `ParsedFeed`. Liberal with broken real-world feeds, safe with hostile ones.
public enum FeedParser {
    public struct Options: Sendable {
        /// Where the document came from: base for relative links.
        public var documentURL: URL?
        /// The HTTP Content-Type, if fetched (its charset is one of the encoding hints).
        public var contentType: String?

        public init(documentURL: URL? = nil, contentType: String? = nil) {
            self.documentURL = documentURL
            self.contentType = contentType
        }
    }

    public static func parse(_ data: Data, options: Options = Options()) throws(FeedParseError) -> ParsedFeed {
        // STUB: replaced by the FeedParser implementation.
        throw FeedParseError("parser not implemented")
    }
}

/// Why a document could not be read as a feed: one line a person can act on.
public struct FeedParseError: Error, Sendable, CustomStringConvertible, Equatable {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
