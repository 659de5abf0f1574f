import Foundation
import Testing
@testable import StoryClustering

/// Chinese and Japanese news, written without spaces, and Korean, which joins particles to its words: two outlets'
/// reports of one event in different words join one story, and another story of the day stays apart, as in any
/// other language.
@Suite struct EastAsianScriptTests {
    /// A store of news in one language: a fortnight of other items (`places` x `topics`), learned before the
    /// items come, so its common words are known to be common.
    private static func clusterer(history places: [String], _ topics: [String],
                                  _ text: (String, String) -> String) -> StoryClusterer {
        let clusterer = StoryClusterer()
        var id: Int64 = 1000
        for place in places {
            for topic in topics {
                id += 1
                clusterer.learn(Fixtures.item(id, place + topic, text(place, topic), hours: -48, feed: 9))
            }
        }
        return clusterer
    }

    private static func stories(_ clusterer: StoryClusterer, _ items: [StoryItem]) -> [Int64: Int64] {
        Dictionary(uniqueKeysWithValues: clusterer.assign(batch: items).map { ($0.itemID, $0.storyID) })
    }

    // An earthquake reported by two outlets, and another Japanese story of the same morning.
    static let quake = Fixtures.item(
        1, "日本北海道东部海域发生6.8级地震",
        "日本气象厅说，北海道东部海域周二凌晨发生6.8级地震，震源深度约50公里。钏路市震感强烈，目前没有人员伤亡的报告，"
            + "气象厅没有发布海啸警报。", feed: 1)
    static let quakeOtherOutlet = Fixtures.item(
        2, "北海道强震：钏路震感明显 未收到伤亡报告",
        "周二凌晨北海道东部近海发生强烈地震，日本气象厅测定震级为6.8级。钏路和根室等地有明显震感，当局表示尚未收到"
            + "伤亡报告，也没有海啸风险。", hours: 1, feed: 2)
    static let interestRates = Fixtures.item(
        3, "日本央行维持超宽松货币政策 日元走低",
        "日本央行周二结束货币政策会议，决定维持超宽松的货币政策不变。消息公布后，日元兑美元汇率走低，东京股市小幅上涨。",
        hours: 2, feed: 1)

    @Test func chineseReportsOfOneEventMergeAndAnotherStoryOfTheDayStaysApart() {
        let clusterer = Self.clusterer(
            history: ["上海", "广州", "成都", "武汉", "西安", "杭州", "日本", "韩国", "印尼", "美国"],
            ["地铁新线开通", "房价继续下跌", "学校招生改革", "医院扩建工程", "暴雨导致航班延误", "发生地震",
             "气温创下新高", "消费券发放"]) { place, topic in
            "据当地媒体报道，\(place)有关部门周一表示，\(topic)的消息引起民众关注，具体情况将在下个月公布。"
        }
        let story = Self.stories(clusterer, [Self.quake, Self.quakeOtherOutlet, Self.interestRates])
        #expect(story[2] == 1, "\(clusterer.explain(Self.quake, Self.quakeOtherOutlet))")
        #expect(story[3] == 3, "\(clusterer.explain(Self.quake, Self.interestRates))")
        // The evidence names the shared character pairs as they are written.
        let shared = clusterer.explain(Self.quake, Self.quakeOtherOutlet).sharedTerms.map(\.term)
        #expect(shared.contains("北海") && shared.contains("钏路"), "\(shared)")
    }

    static let jishin = Fixtures.item(
        11, "北海道東部沖でM6.8の地震 津波の心配なし",
        "気象庁によると、火曜日の未明、北海道東部沖を震源とするマグニチュード6.8の地震があった。釧路市で震度5強を観測した。"
            + "この地震による津波の心配はないという。", feed: 1)
    static let jishinOtherOutlet = Fixtures.item(
        12, "釧路で震度5強 北海道沖の地震、けが人の情報なし",
        "火曜日の未明、北海道の東の沖合で強い地震があり、釧路市で震度5強の揺れを観測した。気象庁は地震の規模をM6.8と"
            + "推定している。警察によると、けが人の情報は入っていない。", hours: 1, feed: 2)
    static let nichigin = Fixtures.item(
        13, "日銀、大規模緩和を維持 円安が進む",
        "日本銀行は火曜日の金融政策決定会合で、大規模な金融緩和策の維持を決めた。発表を受けて外国為替市場では円安が進み、"
            + "東京株式市場の株価は小幅に上昇した。", hours: 2, feed: 1)

    @Test func japaneseReportsOfOneEventMergeAndAnotherStoryOfTheDayStaysApart() {
        let clusterer = Self.clusterer(
            history: ["東京", "大阪", "名古屋", "福岡", "札幌", "仙台", "沖縄", "京都"],
            ["で新しい地下鉄が開業", "の住宅価格が下落", "で大雨、交通に乱れ", "で気温が記録的な高さに", "で地震",
             "の病院が拡張工事"]) { place, topic in
            "地元のメディアによると、\(place)の関係者は月曜日、\(topic)と明らかにした。詳しい内容は来月発表される。"
        }
        let story = Self.stories(clusterer, [Self.jishin, Self.jishinOtherOutlet, Self.nichigin])
        #expect(story[12] == 11, "\(clusterer.explain(Self.jishin, Self.jishinOtherOutlet))")
        #expect(story[13] == 13, "\(clusterer.explain(Self.jishin, Self.nichigin))")
    }

    // Headlines alone, as many feeds send them: the same words with other particles (서울시는 / 서울시가, 요금을 / 요금).
    static let fares = Fixtures.item(21, "서울시는 내년부터 지하철요금을 150원 올린다", "", feed: 1)
    static let faresOtherOutlet = Fixtures.item(22, "서울시가 지하철요금 인상을 발표했다", "", hours: 1, feed: 2)
    static let bikeLane = Fixtures.item(23, "서울시는 한강공원에 자전거 도로를 개통했다", "", hours: 2, feed: 1)

    @Test func koreanReportsOfOneEventMergeAndAnotherStoryOfTheDayStaysApart() {
        let clusterer = Self.clusterer(
            history: ["부산", "대구", "인천", "광주", "대전", "울산", "서울"],
            ["에서 새 병원 문을 열어", "아파트 가격 하락", "폭우로 항공편 지연", "기온 역대 최고", "학교 입학 제도 개편"]) {
            place, topic in
            "현지 언론에 따르면 \(place) 관계자는 월요일 \(topic) 소식을 전했다. 자세한 내용은 다음 달 발표된다."
        }
        let story = Self.stories(clusterer, [Self.fares, Self.faresOtherOutlet, Self.bikeLane])
        #expect(story[22] == 21, "\(clusterer.explain(Self.fares, Self.faresOtherOutlet))")
        #expect(story[23] == 23, "\(clusterer.explain(Self.fares, Self.bikeLane))")
    }
}
