import Foundation
import Testing
@testable import StoryClustering

/// Items a hostile or broken feed can send: the engine reads each within its bounds (title tokens, text words,
/// slug words), files it, and goes on with the others.
@Suite struct HostileItemTests {
    static func hostile() -> [StoryItem] {
        var randomBytes = [UInt8]()
        var state: UInt64 = 0x1234_5678
        for _ in 0 ..< 200_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            randomBytes.append(UInt8(truncatingIfNeeded: state >> 56))
        }
        let texts: [(title: String, text: String, url: String?)] = [
            ("", "", nil),
            ("   \n\t ", "\u{0}\u{0}\u{0}", "https://"),
            (String(repeating: "spam ", count: 100_000), String(repeating: "word ", count: 400_000), nil),
            (String(repeating: "x", count: 500_000), String(repeating: "y", count: 2_000_000), nil),
            (String(repeating: "地震", count: 100_000), String(repeating: "ก", count: 300_000), nil),
            (String(decoding: randomBytes.prefix(1000), as: UTF8.self), String(decoding: randomBytes, as: UTF8.self),
             "https://example.org/" + String(decoding: randomBytes.prefix(5000), as: UTF8.self)),
            ("Combining \(String(repeating: "e\u{301}\u{302}\u{303}", count: 50_000))", "", nil),
            ("Link", "", "https://example.org/" + String(repeating: "%D0%B0-%ZZ-%", count: 50_000)),
            ("Numbers", (0 ..< 100_000).map(String.init).joined(separator: " "), nil),
            ("Names", (0 ..< 50_000).map { "Name\($0)" }.joined(separator: " Big "), nil),
            ("Oa", String(repeating: "hoà thuỷ luỹ ", count: 50_000), nil),
        ]
        return texts.enumerated().map { k, t in
            StoryItem(id: Int64(100 + k), feedID: Int64(k % 3), title: t.title, text: t.text, canonicalURL: t.url,
                      published: Fixtures.start.addingTimeInterval(Double(k) * 60))
        }
    }

    @Test func hostileItemsAreFiledAndTheOthersStillGroup() {
        let clusterer = StoryClusterer()
        let items = Self.hostile() + [Fixtures.kharkivStrike, Fixtures.kharkivStrikeOtherOutlet, Fixtures.ukraineBudget]
        let result = clusterer.assign(batch: items)
        #expect(result.count == items.count)
        let story = Dictionary(uniqueKeysWithValues: result.map { ($0.itemID, $0.storyID) })
        #expect(story[2] == story[1])
        #expect(story[3] != story[1])
        // None of the hostile items joins the real reports, and the window holds every item.
        for item in Self.hostile() { #expect(story[item.id] != story[1], "\(item.title.prefix(20))") }
        #expect(clusterer.indexedItemCount == items.count)
        // Explanations read them too, and the statistics they were counted into survive a save and a load.
        for item in Self.hostile() {
            #expect(!clusterer.explain(item, Fixtures.kharkivStrike).description.isEmpty)
        }
        let saved = try! JSONEncoder().encode(clusterer.statistics)
        #expect(try! JSONDecoder().decode(TermStatistics.self, from: saved) == clusterer.statistics)
    }
}
