import FeedHTML
import FeedModel
import Foundation

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
        let result: Result<ParsedFeed, FeedParseError> = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            do throws(FeedParseError) {
                return .success(try parse(bytes: bytes, options: options))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    static func parse(bytes: UnsafeBufferPointer<UInt8>, options: Options) throws(FeedParseError) -> ParsedFeed {
        do throws(FeedParseError) {
            return try parseFeed(bytes, options: options)
        } catch {
            // A web page where a feed was expected (a site's address, or a feed moved behind a page): name the
            // feeds the page links to, so whoever reads the error knows what to subscribe to instead.
            guard FeedLinkDiscovery.looksLikeHTML(bytes) else { throw error }
            let feeds = FeedLinkDiscovery.feeds(inPage: bytes, pageURL: options.documentURL)
            guard !feeds.isEmpty else { throw error }
            throw FeedParseError(error.reason, discoveredFeeds: feeds)
        }
    }

    private static func parseFeed(_ bytes: UnsafeBufferPointer<UInt8>, options: Options) throws(FeedParseError)
        -> ParsedFeed {
        let decision = EncodingSniffer.decide(bytes, contentType: options.contentType)
        let body = UnsafeBufferPointer(rebasing: bytes[decision.bomLength...])
        switch decision.encoding {
        case .utf16LE, .utf16BE, .utf32LE, .utf32BE:
            let utf8 = WideTranscoder.utf8(from: body, encoding: decision.encoding)
            return try utf8.withUnsafeBufferPointer { (p) throws(FeedParseError) -> ParsedFeed in
                try parseDecoded(p, mode: .utf8Repair, libxmlEncoding: "UTF-8", options: options)
            }
        case .utf8:
            return try parseDecoded(body, mode: .utf8Repair, libxmlEncoding: "UTF-8", options: options)
        case .windows1252:
            return try parseDecoded(body, mode: .windows1252, libxmlEncoding: "UTF-8", options: options)
        case .other(let name):
            return try parseDecoded(body, mode: .passthrough, libxmlEncoding: name, options: options)
        }
    }

    /// `bytes` are UTF-8 (repaired on the way) or, in passthrough mode, an ASCII-compatible encoding libxml2 decodes.
    private static func parseDecoded(_ bytes: UnsafeBufferPointer<UInt8>, mode: XMLPreprocessor.Mode,
                                     libxmlEncoding: String, options: Options) throws(FeedParseError) -> ParsedFeed {
        guard let first = bytes.firstIndex(where: { !MarkupEscaping.isSpace($0) }) else {
            throw FeedParseError("not a feed: the document is empty")
        }
        if bytes[first] == UInt8(ascii: "{") || bytes[first] == UInt8(ascii: "[") {
            // JSON must be UTF-8: invalid sequences become U+FFFD rather than losing the feed.
            let json = Data(String(decoding: UnsafeBufferPointer(rebasing: bytes[first...]), as: UTF8.self).utf8)
            return try JSONFeedParser.parse(json, documentURL: options.documentURL)
        }
        guard let start = XMLStart.offset(bytes) else {
            throw FeedParseError("not a feed: no XML or JSON found")
        }
        let input = UnsafeBufferPointer(rebasing: bytes[start...])
        guard let cleaned = XMLPreprocessor.process(input, mode: mode) else {
            return try XMLFeedReader.read(input, encoding: libxmlEncoding, documentURL: options.documentURL)
        }
        return try cleaned.withUnsafeBufferPointer { (p) throws(FeedParseError) -> ParsedFeed in
            try XMLFeedReader.read(p, encoding: libxmlEncoding, documentURL: options.documentURL)
        }
    }
}

/// Why a document could not be read as a feed: one line a person can act on.
public struct FeedParseError: Error, Sendable, CustomStringConvertible, Equatable {
    public var reason: String
    /// When the document is a web page: the feeds it links to (`FeedLinkDiscovery`), named in `reason` too.
    public var discoveredFeeds: [DiscoveredFeed]

    public init(_ reason: String) {
        self.reason = reason
        discoveredFeeds = []
    }

    /// `reason` followed by the feeds the page names (the first three; the rest counted).
    public init(_ reason: String, discoveredFeeds feeds: [DiscoveredFeed]) {
        let named = feeds.prefix(3).map(\.description).joined(separator: ", ")
        let more = feeds.count > 3 ? " and \(feeds.count - 3) more" : ""
        let names = feeds.count == 1 ? "a feed" : "\(feeds.count) feeds"
        self.reason = reason + "; the page names \(names): " + named + more
        discoveredFeeds = feeds
    }

    public var description: String { reason }
}
