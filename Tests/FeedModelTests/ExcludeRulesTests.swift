import FeedModel
import Foundation
import Testing

/// The digest's `exclude` rules: case-insensitive regular expressions over each entry's title and link, for every
/// feed or for one.
@Suite struct ExcludeRulesTests {
    let date = Date(timeIntervalSince1970: 1_800_000_000)

    func entry(_ id: Int64, feed: Int64, _ title: String, link: String? = nil) -> Entry {
        Entry(id: id, feedID: feed, key: "k\(id)", link: link, title: title, summary: "", text: "", published: date,
              firstSeen: date)
    }

    @Test func rulesMatchTitlesAndLinksForEveryFeedOrForOne() throws {
        let rules = try ExcludeRules(global: ["\\bsponsored\\b", "/deals/"], perFeed: [2: ["^Horoscope"]])
        #expect(rules.excludes(entry(1, feed: 1, "SPONSORED: the best mattress")))
        #expect(rules.excludes(entry(2, feed: 1, "Ten great laptops", link: "https://a.example/deals/laptops")))
        #expect(!rules.excludes(entry(3, feed: 1, "Unsponsored research finds…")))
        #expect(rules.excludes(entry(4, feed: 2, "horoscope for Friday")))
        // A feed's own rule stays with that feed.
        #expect(!rules.excludes(entry(5, feed: 1, "Horoscope writers strike")))
        #expect(try ExcludeRules().isEmpty)
        #expect(!(try ExcludeRules()).excludes(entry(6, feed: 1, "sponsored")))
    }

    @Test func aStoryKeepsItsOtherOutletsAndGoesWhenNoneIsLeft() throws {
        let rules = try ExcludeRules(perFeed: [9: ["."]])
        let mixed = Story(id: 1, entries: [entry(1, feed: 9, "Ferry strike"), entry(2, feed: 3, "Ferry strike ends")])
        let hidden = Story(id: 3, entries: [entry(3, feed: 9, "Only here")])
        let kept = rules.apply(to: [mixed, hidden])
        #expect(kept.map(\.id) == [1])
        #expect(kept.first?.entries.map(\.id) == [2])
    }

    @Test(arguments: ["(unclosed", "[z-a]", "*at the start", ""])
    func anInvalidPatternSaysWhich(_ pattern: String) {
        let error = #expect(throws: ExcludeRules.InvalidPattern.self) { try ExcludeRules.validate(pattern) }
        #expect(error?.pattern == pattern)
        #expect(error?.description.hasPrefix("'\(pattern)' is not a valid regular expression: ") == true)
    }

    @Test func theReasonSaysWhatIsWrong() {
        let error = #expect(throws: ExcludeRules.InvalidPattern.self) { try ExcludeRules.validate("Ferry (strike") }
        #expect(error?.description == "'Ferry (strike' is not a valid regular expression: expected ')'")
    }
}
