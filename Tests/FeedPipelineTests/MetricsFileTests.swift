import FeedModel
import FeedPipeline
import FeedStore
import Foundation
import Testing
import TestSupport

/// The metrics file read back the way Prometheus reads it: HELP and TYPE before each family's samples,
/// `name{labels} value` sample lines.
@Suite struct MetricsFileTests {
    struct Family {
        var help: String?
        var type: String?
        var samples: [String: Double] = [:]
    }

    /// Parses exposition text strictly: every line is a HELP, a TYPE or a sample of the family just declared.
    func parse(_ text: String) throws -> [String: Family] {
        var families: [String: Family] = [:]
        var current: String?
        #expect(text.hasSuffix("\n"))
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            let parts = line.split(separator: " ", maxSplits: 3).map(String.init)
            if parts.first == "#" {
                try #require(parts.count == 4, "\(line)")
                if parts[1] == "HELP" {
                    #expect(families[parts[2]] == nil, "family \(parts[2]) declared twice")
                    families[parts[2]] = Family(help: parts[3])
                    current = parts[2]
                } else {
                    #expect(parts[1] == "TYPE" && parts[2] == current, "\(line)")
                    families[parts[2]]?.type = parts[3]
                }
                continue
            }
            try #require(parts.count == 2, "sample line: \(line)")
            let series = parts[0]
            let name = String(series.prefix { $0 != "{" })
            #expect(name == current, "sample \(series) outside its family")
            #expect(name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } && name.hasPrefix("feedd_"))
            let labels = series.dropFirst(name.count)
            if !labels.isEmpty {
                #expect(labels.hasPrefix("{") && labels.hasSuffix("}") && labels.contains("=\""), "\(series)")
            }
            let value = try #require(Double(parts[1]), "value of \(series)")
            #expect(families[name]?.samples[String(labels)] == nil, "duplicate series \(series)")
            families[name]?.samples[String(labels)] = value
        }
        return families
    }

    func sampleReport() -> RunReport {
        var report = RunReport()
        report.feedsChecked = 15
        report.fetched = 11
        report.notModified = 3
        report.failed = 1
        report.bytes = 123_456
        report.newEntries = 40
        report.newStories = 31
        report.merged = 9
        report.duration = .milliseconds(2_345)
        report.recordTransfer(.updated, milliseconds: 1_500)
        report.recordTransfer(.updated, milliseconds: 250)
        report.recordTransfer(.failed, milliseconds: 10_000)
        return report
    }

    @Test func everyFigureIsAGaugeWithHelp() throws {
        let snapshot = MetricsSnapshot(report: sampleReport(), finishedAt: Date(timeIntervalSince1970: 1_763_700_000.25),
                                       subscribedFeeds: 17, storedEntries: 1_200, storedStories: 950)
        let families = try parse(MetricsFile.render(snapshot))
        for (name, family) in families {
            #expect(family.type == "gauge", "\(name)")
            #expect(family.help?.isEmpty == false, "\(name)")
            #expect(!family.samples.isEmpty, "\(name)")
        }
        #expect(families["feedd_last_run_fetches"]?.samples == [
            "{outcome=\"updated\"}": 11, "{outcome=\"not_modified\"}": 3, "{outcome=\"failed\"}": 1])
        #expect(families["feedd_last_run_fetch_duration_seconds"]?.samples == [
            "{outcome=\"updated\"}": 1.75, "{outcome=\"not_modified\"}": 0, "{outcome=\"failed\"}": 10])
        #expect(families["feedd_last_run_feeds_checked"]?.samples[""] == 15)
        #expect(families["feedd_last_run_downloaded_bytes"]?.samples[""] == 123_456)
        #expect(families["feedd_last_run_duration_seconds"]?.samples[""] == 2.345)
        #expect(families["feedd_last_run_new_entries"]?.samples[""] == 40)
        #expect(families["feedd_last_run_new_stories"]?.samples[""] == 31)
        #expect(families["feedd_last_run_duplicates_merged"]?.samples[""] == 9)
        #expect(families["feedd_last_run_timestamp_seconds"]?.samples[""] == 1_763_700_000.25)
        #expect(families["feedd_feeds"]?.samples[""] == 17)
        #expect(families["feedd_entries"]?.samples[""] == 1_200)
        #expect(families["feedd_stories"]?.samples[""] == 950)
        #expect(families.count == 12)
    }

    @Test func unmeasuredDurationsAreLeftOutRatherThanZero() throws {
        var report = RunReport()
        report.fetched = 2
        let families = try parse(MetricsFile.render(MetricsSnapshot(report: report, subscribedFeeds: 2,
                                                                     storedEntries: 5, storedStories: 4)))
        #expect(families["feedd_last_run_fetch_duration_seconds"] == nil)
        #expect(families["feedd_last_run_duration_seconds"] == nil)
        #expect(families["feedd_last_run_fetches"]?.samples["{outcome=\"updated\"}"] == 2)
    }

    @Test func writesAtomicallyAndReadableByTheCollector() throws {
        let dir = try TestPaths.temporaryDirectory("feedd-metrics")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("feedd.prom")
        let first = MetricsSnapshot(report: sampleReport(), subscribedFeeds: 1, storedEntries: 2, storedStories: 3)
        try MetricsFile.write(first, to: file)
        var second = first
        second.storedEntries = 99
        try MetricsFile.write(second, to: file)

        #expect(try String(contentsOf: file, encoding: .utf8) == MetricsFile.render(second))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["feedd.prom"])
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o644)
    }

    @Test func aMissingFolderIsAClearError() throws {
        let snapshot = MetricsSnapshot(report: RunReport(), subscribedFeeds: 0, storedEntries: 0, storedStories: 0)
        let error = #expect(throws: (any Error).self) {
            try MetricsFile.write(snapshot, to: URL(fileURLWithPath: "/nonexistent-feedd/metrics/feedd.prom"))
        }
        #expect("\(error.map { "\($0)" } ?? "")" == "cannot write /nonexistent-feedd/metrics/feedd.prom: create temporary file failed: No such file or directory")
    }

    @Test func snapshotTakesTheStoreTotals() throws {
        let dir = try TestPaths.temporaryDirectory("feedd-metrics")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try FeedStore(path: dir.appendingPathComponent("feedd.sqlite").path)
        try store.syncSubscriptions([FeedSource(url: "https://a.example/feed"), FeedSource(url: "https://b.example/feed")])
        let snapshot = try MetricsSnapshot(report: RunReport(), store: store)
        #expect(snapshot.subscribedFeeds == 2)
        #expect(snapshot.storedEntries == 0)
        let families = try parse(MetricsFile.render(snapshot))
        #expect(families["feedd_feeds"]?.samples[""] == 2)
    }
}
