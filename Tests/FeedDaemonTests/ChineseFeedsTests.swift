import FeedModel
import FeedStore
import Foundation
import Testing
import TestSupport

/// Two Chinese outlets' feeds through the whole pipeline in a brand-new store: their reports of one earthquake, in
/// different words, become one story listed under both outlets, while each outlet's other story of the day stays
/// its own. The second feed writes its text as numeric character references inside HTML, as some CMSs do.
@Suite struct ChineseFeedsTests {
    static let quake = (
        "日本北海道东部海域发生6.8级地震",
        "日本气象厅说，北海道东部海域周二凌晨发生6.8级地震，震源深度约50公里。钏路市震感强烈，目前没有人员伤亡的报告，气象厅没有发布海啸警报。")
    static let quakeOtherOutlet = (
        "北海道强震：钏路震感明显 未收到伤亡报告",
        "周二凌晨北海道东部近海发生强烈地震，日本气象厅测定震级为6.8级。钏路和根室等地有明显震感，当局表示尚未收到伤亡报告，也没有海啸风险。")
    static let rates = (
        "日本央行维持超宽松货币政策 日元走低",
        "日本央行周二结束货币政策会议，决定维持超宽松的货币政策不变。消息公布后，日元兑美元汇率走低，东京股市小幅上涨。")
    static let metro = (
        "上海地铁十四号线今天开通运营",
        "上海地铁十四号线今天正式开通运营，全长三十八公里，共设三十一座车站，市民可以在早上六点开始乘坐。")

    /// `text` with every character beyond ASCII written as a numeric character reference, inside a paragraph.
    static func referenced(_ text: String) -> String {
        "&lt;p&gt;" + text.unicodeScalars.map { $0.isASCII ? String($0) : "&amp;#\($0.value);" }.joined() + "&lt;/p&gt;"
    }

    @Test func twoOutletsReportsOfOneEventAreOneStoryUnderBothOutlets() async throws {
        // Every item dated today (UTC, the digest's zone), in the last 90 minutes or since midnight: a story
        // whose reports straddle midnight is shown on the second day as an update with its new outlet only.
        let now = Date()
        let base = RSSDate.startOfToday(within: 90 * 60, before: now)
        func item(_ outlet: Int, _ slug: String, _ story: (String, String), at share: Double,
                  description: String) -> String {
            "<item><title>\(story.0)</title><link>https://outlet\(outlet).example/\(slug)</link>"
                + "<pubDate>\(RSSDate.string(base.addingTimeInterval(share * now.timeIntervalSince(base))))</pubDate>"
                + "<description>\(description)</description></item>"
        }
        let feeds = [
            ("新闻一台", item(0, "quake", Self.quake, at: 0, description: Self.quake.1)
                + item(0, "rates", Self.rates, at: 1 / 3, description: Self.rates.1)),
            ("东方快讯", item(1, "quake", Self.quakeOtherOutlet, at: 2 / 3,
                          description: Self.referenced(Self.quakeOtherOutlet.1))
                + item(1, "metro", Self.metro, at: 7 / 9, description: Self.referenced(Self.metro.1))),
        ]
        let outlets = try OutletFeeds("feedd-chinese", outlets: feeds)
        defer { outlets.remove() }
        let run = try await outlets.runOnce()
        #expect(run.status == 0, "\(run.stderr)")

        let store = try FeedStore(path: outlets.database.path, readOnly: true)
        func story(_ link: String) throws -> Int64? { try store.entries(linkedTo: link).first?.storyID }
        let quake = try story("https://outlet0.example/quake")
        let quakeElsewhere = try story("https://outlet1.example/quake")
        #expect(quake != nil && quake == quakeElsewhere)
        let others = try [story("https://outlet0.example/rates"), story("https://outlet1.example/metro")]
        #expect(others.allSatisfy { $0 != nil && $0 != quake } && others[0] != others[1])
        // The second outlet's text arrived as character references: stored as the characters themselves.
        let text = try store.entries(linkedTo: "https://outlet1.example/metro").first.map { $0.summary + $0.text }
        #expect(text?.contains("上海地铁十四号线") == true, "\(text ?? "")")

        // Today's digest lists the story once, under both outlets.
        let digests = outlets.directory.appendingPathComponent("digests")
        let today = digests.appendingPathComponent("\(DayStamp(now, in: TimeZone(identifier: "UTC")!)).md")
        let digest = try String(contentsOf: today, encoding: .utf8)
        #expect(digest.contains("2 outlets"), "\(digest)")
        #expect(digest.contains("新闻一台") && digest.contains("东方快讯"), "\(digest)")
    }
}
