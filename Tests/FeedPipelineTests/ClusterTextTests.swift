import FeedModel
import Foundation
import StoryClustering
import Testing
@testable import FeedPipeline

/// The words the story engine reads of an item: the same for an item the daemon stores and for a JSON Lines
/// line `feedd cluster` reads, with the lead counted once and no markup among them.
@Suite struct ClusterTextTests {
    let seen = Date(timeIntervalSince1970: 1_800_000_000)
    /// A lead well over the store's summary cut (`EntryMapper.summaryLimit`), so the stored summary is cut.
    let article = (1...60).map { "Sentence \($0) of the harbour report names the pier, the union and the fleet." }
        .joined(separator: " ")

    func words(_ text: String, _ word: String) -> Int { text.components(separatedBy: word).count - 1 }

    @Test func aCutSummaryThatOpensTheBodyIsNotReadTwice() {
        // A feed with only a description: the store keeps it as the text and its cut lead as the summary.
        let stored = EntryMapper.entry(from: ParsedEntry(id: "a", title: "Strike", summary: article),
                                       feedID: 1, seenAt: seen)
        #expect(stored.summary.hasSuffix(TextNormalization.ellipsis) && stored.summary.count < article.count)
        #expect(StoryItem(entry: stored).text == article)
        #expect(words(StoryItem(entry: stored).text, "Sentence 1 ") == 1)
        // A summary of its own (a dek, not the body's start) is still read beside the body.
        let dek = "Dock workers stop work at dawn."
        let both = EntryMapper.entry(from: ParsedEntry(id: "b", title: "Strike", summary: dek, content: article),
                                     feedID: 1, seenAt: seen)
        #expect(StoryItem(entry: both).text == dek + " " + article)
    }

    @Test func jsonLinesAreMappedAsTheDaemonMapsAFeedsItem() throws {
        let summary = #"<p>Chips &amp; fish at the <a href="https://twitter.com/hashtag/pier?src=hash">#pier</a>"#
            + " today.</p>"
        let link = "https://news.example/a?utm_source=rss"
        let records: [[String: String]] = [
            ["id": "x1", "feed": "Wire", "title": "Fish &amp; chips on <i>True Detective</i>", "url": link,
             "published": "2014-03-10T10:00:00Z", "summary": summary],
            ["id": "x2", "title": "Long read", "summary": article],
        ]
        let lines = try records.map { try JSONSerialization.data(withJSONObject: $0) }
        let input = JSONLItems(data: Data(lines.joined(separator: Data("\n".utf8))))
        #expect(input.errors.isEmpty)
        let items = input.storyItems().map(\.item)
        #expect(items[0].title == "Fish & chips on True Detective")
        #expect(items[0].text == "Chips & fish at the #pier today.")
        #expect(items[0].canonicalURL == CanonicalURL.canonicalize("https://news.example/a"))
        #expect(words(items[1].text, "Sentence 1 ") == 1)
        // Exactly what the store would hand the engine for the same item.
        let parsed = ParsedEntry(title: "Fish & chips on True Detective", link: link, published: items[0].published,
                                 summary: summary)
        var stored = StoryItem(entry: EntryMapper.entry(from: parsed, feedID: items[0].feedID ?? 0, seenAt: seen))
        stored.id = items[0].id
        #expect(stored == items[0])
    }
}
