import Foundation
import Testing
import TestSupport

/// `feedd cluster` end to end: the built binary on the labelled dev sets, scored with B-cubed.
@Suite struct ClusterCommandTests {
    static var shared: URL { TestPaths.shared }
    static var dataAvailable: Bool {
        FileManager.default.fileExists(atPath: shared.appendingPathComponent("data/stories-dev.jsonl").path)
    }

    // Floors a little under what the default settings reach (stories-dev P 0.943 R 0.883 F1 0.912; headlines-dev
    // shuffled seed 7 P 0.846 F1 0.848, mean F1 over eight shuffles 0.854), so quality cannot silently regress.
    @Test(.enabled(if: dataAvailable, "needs ../shared/data"))
    func storiesDevQuality() async throws {
        let score = try await run("stories-dev.jsonl", []).score
        #expect(score.precision >= 0.93, "\(score)")
        #expect(score.f1 >= 0.90, "\(score)")
    }

    @Test(.enabled(if: dataAvailable, "needs ../shared/data"))
    func headlinesDevQualityInShuffledOrder() async throws {
        let score = try await run("headlines-dev.jsonl", ["--shuffle", "7"]).score
        #expect(score.f1 >= 0.835, "\(score)")
        #expect(score.precision >= 0.84, "\(score)")
    }

    /// The issue's measure: the mean over shuffles (one shuffle moves by a point when one large merge turns).
    @Test(.enabled(if: dataAvailable, "needs ../shared/data"))
    func headlinesDevMeanOverEightShuffles() async throws {
        // One run at a time: eight at once would starve the suite's timing-sensitive tests of both cores.
        var scores: [Score] = []
        for seed in [7, 3, 11, 1, 2, 5, 13, 21] {
            scores.append(try await run("headlines-dev.jsonl", ["--shuffle", "\(seed)"]).score)
        }
        let mean = scores.map(\.f1).reduce(0, +) / Double(scores.count)
        #expect(scores.count == 8 && mean >= 0.852, "mean F1 \(mean): \(scores)")
    }

    /// As a daemon meets the items: in time order, 50 per fetch cycle, each batch refined on its own and stories
    /// merged across batches. Measured: stories-dev P 0.921 R 0.867 F1 0.893, a little under one batch because
    /// the first batches weigh words with the statistics of a few dozen items; headlines-dev seed 7 F1 0.853.
    /// Ignoring the merges across batches drops stories-dev to R 0.849 (F1 0.884) and headlines-dev seed 7 to
    /// F1 0.787 (re-measured November 22).
    @Test(.enabled(if: dataAvailable, "needs ../shared/data"))
    func storiesDevStreamedInDaemonSizedBatches() async throws {
        let (score, clusters) = try await run("stories-dev.jsonl", ["--batch", "50"])
        #expect(score.precision >= 0.91, "\(score)")
        #expect(score.recall >= 0.86, "\(score)")
        #expect(score.f1 >= 0.885, "\(score)")
        // A story is named after its first item, which stays in it: every printed cluster names one of its items.
        let stray = clusters.filter { clusters[$0.value] != $0.value }
        #expect(stray.isEmpty, "\(stray.count) items name a cluster whose first item is elsewhere")
    }

    @Test(.enabled(if: dataAvailable, "needs ../shared/data"))
    func headlinesDevStreamedInDaemonSizedBatches() async throws {
        let score = try await run("headlines-dev.jsonl", ["--shuffle", "7", "--batch", "50"]).score
        #expect(score.f1 >= 0.83, "\(score)")
    }

    @Test func badLinesAreReportedAndTheRestIsKept() async throws {
        let (dir, file) = try itemsFile("""
        {"id": "a", "title": "Quake hits Hokkaido", "summary": "A magnitude 6.1 quake struck off Hokkaido.", "published": "2025-11-21T08:00:00Z"}
        {"id": "b", "title": "broken
        {"id": "c", "title": "Hokkaido earthquake of magnitude 6.1", "summary": "Japan's agency reported a magnitude 6.1 quake off Hokkaido.", "published": "2025-11-21T09:00:00Z"}
        {"id": "d", "title": "x", "published": "yesterday"}
        """)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try await FeeddProcess.run(["cluster", file.path])
        #expect(out.status == 0, "\(out.stderr)")
        let rows = try parse(out.stdout)
        #expect(rows.map(\.id) == ["a", "c"])
        #expect(rows.map(\.cluster) == ["a", "a"])
        let errors = out.stderr.split(separator: "\n")
        #expect(errors.count == 2)
        #expect(errors.first?.contains("line 2") == true)
        #expect(errors.last?.contains("line 4") == true && errors.last?.contains("published") == true)
    }

    @Test func aNamedConfigurationSetsTheThresholdAndABadOneIsRefused() async throws {
        let (dir, items) = try itemsFile("""
        {"id": "a", "title": "Quake hits Hokkaido", "summary": "A magnitude 6.1 quake struck off Hokkaido.", "published": "2025-11-21T08:00:00Z"}
        {"id": "c", "title": "Hokkaido earthquake of magnitude 6.1", "summary": "Japan's agency reported a magnitude 6.1 quake off Hokkaido.", "published": "2025-11-21T09:00:00Z"}
        """)
        defer { try? FileManager.default.removeItem(at: dir) }
        let strict = dir.appendingPathComponent("strict.toml")
        try "[cluster]\nsimilarity_threshold = 0.95\n".write(to: strict, atomically: true, encoding: .utf8)
        let out = try await FeeddProcess.run(["cluster", items.path, "--config", strict.path])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(try parse(out.stdout).map(\.cluster) == ["a", "c"], "the strict threshold keeps them apart")

        let bad = dir.appendingPathComponent("bad.toml")
        try "[cluster]\nsimilarity_treshold = 0.3\n".write(to: bad, atomically: true, encoding: .utf8)
        let refused = try await FeeddProcess.run(["cluster", items.path, "--config", bad.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("bad.toml:2") && refused.stderr.contains("similarity_treshold"), "\(refused.stderr)")
        #expect(refused.stdout.isEmpty)
    }

    @Test func itemsFedOneAtATimeJoinTheStoryOfAnEarlierBatch() async throws {
        // File order is not time order: the batches follow the times.
        let (dir, items) = try itemsFile("""
        {"id": "late", "title": "Hokkaido earthquake of magnitude 6.1", "summary": "Japan's agency reported a magnitude 6.1 quake off Hokkaido.", "published": "2025-11-21T09:00:00Z"}
        {"id": "first", "title": "Quake hits Hokkaido", "summary": "A magnitude 6.1 quake struck off Hokkaido.", "published": "2025-11-21T08:00:00Z"}
        {"id": "other", "title": "Chip maker opens research centre in Lisbon", "summary": "Two hundred engineers will work there.", "published": "2025-11-21T08:30:00Z"}
        """)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try await FeeddProcess.run(["cluster", items.path, "--batch", "1"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(try parse(out.stdout).map(\.cluster) == ["first", "first", "other"])

        let refused = try await FeeddProcess.run(["cluster", items.path, "--batch", "0"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("--batch must be at least 1"), "\(refused.stderr)")
        #expect(refused.stdout.isEmpty)
    }

    @Test func missingFileFailsWithOneClearLine() async throws {
        let out = try await FeeddProcess.run(["cluster", "/nonexistent/items.jsonl"])
        #expect(out.status != 0)
        #expect(out.stderr.contains("/nonexistent/items.jsonl"))
        #expect(out.stdout.isEmpty)
    }

    // MARK: - Helpers

    struct Score: CustomStringConvertible {
        var precision: Double, recall: Double, f1: Double
        var description: String { String(format: "B-cubed P=%.4f R=%.4f F1=%.4f", precision, recall, f1) }
    }

    /// Writes `jsonl` to `items.jsonl` in a fresh temporary directory, which the caller removes.
    private func itemsFile(_ jsonl: String) throws -> (dir: URL, file: URL) {
        let dir = try TestPaths.temporaryDirectory()
        let file = dir.appendingPathComponent("items.jsonl")
        try jsonl.write(to: file, atomically: true, encoding: .utf8)
        return (dir, file)
    }

    /// Runs `feedd cluster` on a dev set: its score, and the printed cluster of each item.
    private func run(_ name: String, _ options: [String]) async throws -> (score: Score, clusters: [String: String]) {
        let path = Self.shared.appendingPathComponent("data/\(name)")
        let out = try await FeeddProcess.run(["cluster", path.path] + options)
        #expect(out.status == 0, "\(out.stderr)")
        var gold: [String: String] = [:]
        for line in try String(contentsOf: path, encoding: .utf8).split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            gold[object["id"] as! String] = object["story"] as? String
        }
        let predicted = Dictionary(uniqueKeysWithValues: try parse(out.stdout).map { ($0.id, $0.cluster) })
        #expect(Set(predicted.keys) == Set(gold.keys), "every item gets a cluster")
        let score = Self.bcubed(gold: gold, predicted: predicted)
        print("\(name) \(options.joined(separator: " ")): \(score)")
        return (score, predicted)
    }

    private func parse(_ stdout: String) throws -> [(id: String, cluster: String)] {
        try stdout.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            return (object["id"] as! String, object["cluster"] as! String)
        }
    }

    /// B-cubed precision/recall/F1 (Bagga & Baldwin): per item, the share of its predicted cluster that shares its
    /// gold story (precision) and the share of its gold story inside its predicted cluster (recall), averaged.
    static func bcubed(gold: [String: String], predicted: [String: String]) -> Score {
        var cell: [String: Int] = [:], clusterSize: [String: Int] = [:], storySize: [String: Int] = [:]
        for (id, story) in gold {
            let cluster = predicted[id] ?? "missing:" + id
            cell[cluster + "\u{1}" + story, default: 0] += 1
            clusterSize[cluster, default: 0] += 1
            storySize[story, default: 0] += 1
        }
        var p = 0.0, r = 0.0
        for (key, n) in cell {
            let parts = key.split(separator: "\u{1}", omittingEmptySubsequences: false)
            let v = Double(n)
            p += v * v / Double(clusterSize[String(parts[0])]!)
            r += v * v / Double(storySize[String(parts[1])]!)
        }
        let count = Double(gold.count)
        p /= count
        r /= count
        return Score(precision: p, recall: r, f1: p + r > 0 ? 2 * p * r / (p + r) : 0)
    }

    @Test func bcubedOfKnownPartitions() {
        let gold = ["1": "x", "2": "x", "3": "y"]
        let perfect = Self.bcubed(gold: gold, predicted: ["1": "a", "2": "a", "3": "b"])
        #expect(perfect.f1 == 1)
        let lumped = Self.bcubed(gold: gold, predicted: ["1": "a", "2": "a", "3": "a"])
        // precision: (2/3 + 2/3 + 1/3) / 3 = 5/9; recall 1.
        #expect(abs(lumped.precision - 5.0 / 9.0) < 1e-12)
        #expect(lumped.recall == 1)
    }
}
