import Foundation
import Testing
@testable import StoryClustering

/// The statistics keep each term's live count and the count frozen in the weighting table: weights read only the
/// frozen one, snapshots keep both as two packed tables, and forgetting rare terms treats both alike.
@Suite struct TermStatisticsTests {
    /// IDF as the weighting table defines it, for a frozen document frequency `df`.
    private func idf(_ df: Int, of statistics: TermStatistics) -> Float {
        Float(log((Double(statistics.weightingCount) + TermStatistics.prior) / (Double(df) + 0.5)))
    }

    /// Terms 1...3 in every item, term 10 + k only in item k.
    private func statistics(items: Range<Int>, into s: inout TermStatistics) {
        for k in items { s.add([1, 2, 3, UInt64(10 + k)].sorted()) }
    }

    @Test func weightsReadTheFrozenCountsUntilTheyAreRefreshed() {
        var s = TermStatistics()
        statistics(items: 0..<4, into: &s)
        s.refreshWeighting()
        statistics(items: 4..<10, into: &s)
        #expect(s.frequency(1) == 10 && s.frequency(12) == 1 && s.frequency(15) == 1)
        #expect(s.weightingCount == 4)
        #expect(s.idf(1) == idf(4, of: s), "frozen at 4 of 4 items")
        #expect(s.idf(15) == idf(0, of: s), "counted after the table was frozen")
        s.refreshWeighting()
        #expect(s.idf(1) == idf(10, of: s) && s.idf(15) == idf(1, of: s))
    }

    @Test func forgettingDropsEveryCountOfOne() throws {
        var s = TermStatistics()
        statistics(items: 0..<4, into: &s)
        s.add([12])  // term 12: live 2, frozen 1 after the refresh
        s.refreshWeighting()
        s.add([12, 13])  // term 12: live 3; term 13: live 2, frozen 1
        s.forgetTermsSeenOnce()
        #expect(s.frequency(10) == 0 && s.frequency(11) == 0, "seen once: forgotten")
        #expect(s.frequency(12) == 3 && s.frequency(13) == 2 && s.frequency(1) == 4)
        #expect(s.idf(12) == idf(2, of: s), "frozen at 2: kept")
        #expect(s.idf(13) == idf(0, of: s) && s.idf(10) == idf(0, of: s), "frozen at 1: weighs as unseen")
        #expect(s.idf(1) == idf(4, of: s))

        // A snapshot holds the two tables as before (packed pairs, ascending): live counts, and frozen ones.
        let data = try JSONEncoder().encode(s)
        let decoded = try JSONDecoder().decode(TermStatistics.self, from: data)
        #expect(decoded == s)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        func pairs(_ key: String) throws -> [UInt64: UInt32] {
            let text = try #require(object[key] as? String)
            let packed = try #require(Data(base64Encoded: text))
            let list = try TermStatistics.unpackPairs(packed) { _ in CocoaError(.coderReadCorrupt) }
            #expect(list.map(\.key) == list.map(\.key).sorted())
            return Dictionary(uniqueKeysWithValues: list.map { ($0.key, $0.count) })
        }
        #expect(try pairs("terms") == [1: 4, 2: 4, 3: 4, 12: 3, 13: 2])
        #expect(try pairs("weighting") == [1: 4, 2: 4, 3: 4, 12: 2])
    }

    @Test func snapshotsWithoutAWeightingTableFreezeTheLiveCounts() throws {
        var s = TermStatistics()
        statistics(items: 0..<5, into: &s)
        let data = try JSONEncoder().encode(s)
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object["weighting"] = nil
        object["weightingCount"] = nil
        let old = try JSONDecoder().decode(TermStatistics.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(old.weightingCount == 5)
        #expect(old.idf(1) == idf(5, of: old) && old.idf(11) == idf(1, of: old))
    }
}

/// The journal a clusterer keeps of its statistics: replayed on the snapshot taken before it, the same statistics.
@Suite struct StatisticsJournalTests {
    @Test func replayingTheJournalOnTheEarlierSnapshotGivesTheSameStatistics() throws {
        let clusterer = StoryClusterer(journaling: true)
        _ = clusterer.assign(batch: [Fixtures.kharkivStrike, Fixtures.ukraineBudget])
        let snapshot = try JSONEncoder().encode(clusterer.statistics)
        _ = clusterer.takeStatisticsJournal()
        // Items placed (the weighting refreshes as the counts double), and learned without being placed.
        _ = clusterer.assign(batch: [Fixtures.kharkivStrikeOtherOutlet, Fixtures.wire])
        _ = clusterer.assign(Fixtures.wireCopy)
        clusterer.learn(Fixtures.wireCopyEdited)
        let journal = clusterer.takeStatisticsJournal()
        #expect(journal.itemCount == 4)
        #expect(clusterer.takeStatisticsJournal().isEmpty, "handed over once")

        var restored = try JSONDecoder().decode(TermStatistics.self, from: snapshot)
        try restored.replay(StatisticsJournal(data: journal.data))
        #expect(restored == clusterer.statistics)
        #expect(restored.weightingCount == 4, "the refresh at four items is replayed")
    }

    @Test func aClustererNotJournalingHandsOverNothing() {
        let clusterer = StoryClusterer()
        _ = clusterer.assign(Fixtures.wire)
        #expect(clusterer.takeStatisticsJournal().isEmpty)
    }

    @Test func aTornOrForeignJournalIsRefusedWithWhereItBreaks() throws {
        var whole = StatisticsJournal()
        whole.recordAdd([1, 2, 3], feed: 7)
        whole.recordRefresh()
        let torn = whole.data.prefix(20)
        let error = #expect(throws: StatisticsJournal.Malformed.self) { try StatisticsJournal(data: torn) }
        #expect(error?.description == "statistics journal malformed at byte 13: 3 terms announced, fewer present")
        let foreign = #expect(throws: StatisticsJournal.Malformed.self) { try StatisticsJournal(data: Data([2, 9])) }
        #expect(foreign?.offset == 1)
        #expect(try StatisticsJournal(data: whole.data).itemCount == 1)
    }
}
