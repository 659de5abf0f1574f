import FeedPipeline
import Foundation
import StoryClustering
import TestSupport

/// Short news texts written for these tests (not taken from any data set), and helpers around the shared data.
enum Fixtures {
    static let start = Date(timeIntervalSince1970: 1_763_700_000)

    static func item(_ id: Int64, _ title: String, _ text: String, hours: Double = 0, url: String? = nil,
                     guid: String? = nil, feed: Int64? = nil) -> StoryItem {
        StoryItem(id: id, feedID: feed, title: title, text: text, canonicalURL: url, guid: guid,
                  published: start.addingTimeInterval(hours * 3600))
    }

    /// Each item's story once every merge the results report is applied (an absorbed story's items under the
    /// story that absorbed it, through chains of merges).
    static func storiesAfterMerges(_ results: [StoryAssignment]) -> [Int64: Int64] {
        var mergedInto: [Int64: Int64] = [:]
        for r in results { for absorbed in r.mergedStoryIDs { mergedInto[absorbed] = r.storyID } }
        func final(_ s: Int64) -> Int64 { mergedInto[s].map(final) ?? s }
        return Dictionary(uniqueKeysWithValues: results.map { ($0.itemID, final($0.storyID)) })
    }

    // Two distinct events on one topic (Ukraine), the same day, and a second outlet's report of the first.
    static let kharkivStrike = item(
        1, "Drone strike cuts power to Kharkiv as Russia targets energy grid",
        """
        A Russian drone strike on a thermal power plant in Kharkiv left 200,000 homes without electricity on Tuesday, \
        regional governor Oleh Syniehubov said. Repair crews worked through the night as temperatures fell below \
        freezing, and the city switched its metro to backup generators.
        """, hours: 0, feed: 10)
    static let kharkivStrikeOtherOutlet = item(
        2, "Kharkiv plunged into darkness after Russian drones hit power plant",
        """
        Russian drones struck a power plant in the north-eastern city of Kharkiv overnight, cutting electricity to \
        about 200,000 households, governor Oleh Syniehubov said on Tuesday. Engineers were trying to restore heating \
        before another night of frost.
        """, hours: 3, feed: 11)
    static let ukraineBudget = item(
        3, "Ukraine's parliament approves 2026 budget with record defence spending",
        """
        Ukraine's parliament, the Verkhovna Rada, approved the 2026 state budget on Tuesday, allotting a record share \
        to defence. Finance Minister Serhiy Marchenko said the plan depends on continued foreign financing from the \
        European Union and the International Monetary Fund.
        """, hours: 2, feed: 12)

    // A wire report; copies below change the headline (and, in one, the dateline).
    static let wireBody = """
        The European Central Bank left its deposit rate unchanged at 2 percent on Thursday, as policymakers said \
        inflation was settling near their target and the economy of the 20 countries that share the euro was holding \
        up better than feared. President Christine Lagarde told reporters in Frankfurt the bank was in a good place \
        but would decide meeting by meeting, keeping the door open to a cut if trade tensions deepen.
        """
    static let wire = item(20, "ECB holds rates steady as inflation nears target", wireBody, hours: 0, feed: 20)
    static let wireCopy = item(21, "Lagarde keeps door open as ECB stands pat", wireBody, hours: 1, feed: 21)
    static let wireCopyEdited = item(
        22, "Euro zone rates on hold, Lagarde says bank in 'good place'",
        "FRANKFURT (Reuters) - " + wireBody.replacingOccurrences(of: "on Thursday", with: "on Thursday afternoon"),
        hours: 2, feed: 22)

    // A story that a new outlet picks up a day later, in its own words.
    static let lateStory = [
        item(30, "Magnitude 6.1 earthquake strikes off Hokkaido, no tsunami warning",
             """
             A magnitude 6.1 earthquake struck off the coast of Hokkaido in northern Japan on Friday morning, the \
             Japan Meteorological Agency said. No tsunami warning was issued and there were no immediate reports of \
             damage in Kushiro or Nemuro.
             """, hours: 0, feed: 30),
        item(31, "Strong quake shakes Hokkaido; Japan agency rules out tsunami",
             """
             A strong earthquake of magnitude 6.1 shook eastern Hokkaido on Friday, the Japan Meteorological Agency \
             reported, adding that there was no risk of a tsunami. Trains in Kushiro were briefly halted for checks.
             """, hours: 2, feed: 31),
        item(32, "Hokkaido quake: aftershocks rattle Kushiro a day after magnitude 6.1 tremor",
             """
             Aftershocks rattled Kushiro and Nemuro on Saturday, a day after a magnitude 6.1 earthquake off Hokkaido, \
             the Japan Meteorological Agency said, warning residents that stronger shaking could follow within a week.
             """, hours: 30, feed: 33),
    ]

    static var shared: URL { TestPaths.shared }

    static var sharedAvailable: Bool {
        FileManager.default.fileExists(atPath: shared.appendingPathComponent("data/stories-dev.jsonl").path)
    }

    static func devSet(_ name: String) throws -> JSONLItems {
        try JSONLItems(contentsOf: shared.appendingPathComponent("data/\(name)"))
    }

    /// The two seed articles: first line the title, the rest the text.
    static func seeds() throws -> [StoryItem] {
        let folder = shared.appendingPathComponent("seeds")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        return try files.enumerated().map { index, file in
            let content = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let title = String(content.prefix { $0 != "\n" })
            let text = String(content.dropFirst(title.count))
            return item(Int64(100 + index), title, text, hours: Double(index) * 5)
        }
    }
}
