import Foundation
import Testing
import FeedModel
@testable import FeedParser

@Suite struct ParsedFeedJSONTests {
    @Test func everyKeyPresentWithNulls() throws {
        let feed = ParsedFeed(format: .rss2, entries: [ParsedEntry()])
        let object = try JSONSerialization.jsonObject(with: Data(ParsedFeedJSON.encode(feed).utf8)) as! [String: Any]
        #expect(Set(object.keys) == ["format", "title", "link", "description", "language", "updated", "entries"])
        #expect(object["title"] is NSNull)
        let entry = (object["entries"] as! [[String: Any]])[0]
        #expect(Set(entry.keys) == ["id", "title", "link", "published", "updated", "author", "summary", "content",
                                    "categories", "enclosures"])
        #expect(entry["published"] is NSNull)
        #expect((entry["categories"] as! [Any]).isEmpty)
        #expect((entry["enclosures"] as! [Any]).isEmpty)
    }

    @Test func escapesAndDates() throws {
        let feed = ParsedFeed(format: .atom10, title: "q\"b\\s\n\t\u{1}é✓", updated: Date(timeIntervalSince1970: 1_795_255_200.9),
                              entries: [ParsedEntry(enclosures: [Enclosure(url: "u", type: nil, length: 7)])])
        let json = ParsedFeedJSON.encode(feed)
        #expect(json.hasPrefix(#"{"format":"atom10","title":"q\"b\\s\n\t\u0001é✓","link":null"#))
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        #expect(object["title"] as? String == "q\"b\\s\n\t\u{1}é✓")
        #expect(object["updated"] as? String == "2026-11-21T10:00:00Z")
        let enclosure = ((object["entries"] as! [[String: Any]])[0]["enclosures"] as! [[String: Any]])[0]
        #expect(enclosure["length"] as? Int == 7)
        #expect(enclosure["type"] is NSNull)
    }
}
