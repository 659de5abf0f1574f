import Foundation
import FeedModel
@testable import FeedParser

enum Fixture {
    static func data(_ name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil) else {
            throw FeedParseError("fixture \(name) missing")
        }
        return try Data(contentsOf: url)
    }

    static func parse(_ name: String, documentURL: String? = nil) throws -> ParsedFeed {
        try FeedParser.parse(data(name), options: .init(documentURL: documentURL.flatMap(URL.init(string:))))
    }
}

/// Parses a document given as text (UTF-8).
func parse(_ text: String, documentURL: String? = nil, contentType: String? = nil) throws(FeedParseError) -> ParsedFeed {
    try FeedParser.parse(Data(text.utf8), options: .init(documentURL: documentURL.flatMap(URL.init(string:)),
                                                          contentType: contentType))
}

func parse(bytes: [UInt8], contentType: String? = nil) throws(FeedParseError) -> ParsedFeed {
    try FeedParser.parse(Data(bytes), options: .init(contentType: contentType))
}

func iso(_ date: Date?) -> String? { date.map(ISO8601UTC.string(from:)) }

/// A one-item RSS 2.0 document around `item` (the inside of `<item>`).
func rss(item: String, channel: String = "<title>T</title>") -> String {
    "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>\(channel)<item>\(item)</item></channel></rss>"
}
