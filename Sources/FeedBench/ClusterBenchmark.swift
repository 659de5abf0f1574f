import ArgumentParser
import Foundation
import StoryClustering
#if canImport(Glibc)
import Glibc
#endif

/// `feedd-bench cluster`: feeds a synthetic news stream (events reported by several outlets, spread over days)
/// through the story engine in daemon-sized batches, and a plain TF-IDF single-pass clusterer as the reference.
struct ClusterBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cluster", abstract: "Clustering throughput.")

    @Option(help: "Items to generate.") var items = 120_000
    @Option(help: "Days the stream spans.") var days = 10.0
    @Option(help: "Items per assign(batch:) call (one daemon fetch cycle).") var batch = 500
    @Option(help: "Items the TF-IDF reference clusters (it is slower).") var referenceItems = 20_000
    @Option(help: "Generator seed.") var seed: UInt64 = 1
    @Option(help: ArgumentHelp("Items of history (other events, same outlets) counted into the term statistics first, untimed.",
                               discussion: "A running daemon restores statistics learned from its store, so it rarely re-weighs its window; 0 measures a cold start."))
    var history = 0

    func run() throws {
        var generator = NewsGenerator(seed: seed, days: days)
        let t0 = Date()
        let stream = generator.stream(count: items)
        print(String(format: "generated %d items (%d events, %.0f days) in %.2f s", stream.count, generator.eventCount,
                     days, Date().timeIntervalSince(t0)))
        let words = stream.reduce(0) { $0 + $1.item.title.split(separator: " ").count + $1.item.text.split(separator: " ").count }
        print(String(format: "mean words per item: %.1f", Double(words) / Double(stream.count)))

        // The engine, batch by batch as the daemon feeds it.
        let rssBefore = maxRSSMiB()
        let clusterer = StoryClusterer()
        if history > 0 {
            var earlier = NewsGenerator(seed: seed &+ 1_000_003, days: days)
            for generated in earlier.stream(count: history) { clusterer.learn(generated.item) }
            print(String(format: "history: %d items of other events counted into the statistics (untimed)", history))
        }
        var storyOf: [Int64: Int64] = [:]
        var mergedInto: [Int64: Int64] = [:]
        var tiers: [MatchTier: Int] = [:]
        // Every decision folded into one hash (FNV-1a): any change in a story, tier, score bit or merge shows.
        var digest: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ x: UInt64) { digest = (digest ^ x) &* 0x0000_0100_0000_01b3 }
        let start = DispatchTime.now().uptimeNanoseconds
        let cpuStart = cpuSeconds()
        var index = 0
        while index < stream.count {
            let slice = stream[index..<min(index + batch, stream.count)].map(\.item)
            for a in clusterer.assign(batch: slice) {
                storyOf[a.itemID] = a.storyID
                tiers[a.tier, default: 0] += 1
                for m in a.mergedStoryIDs { mergedInto[m] = a.storyID }
                mix(UInt64(bitPattern: a.itemID)); mix(UInt64(bitPattern: a.storyID)); mix(a.score.bitPattern)
                mix(UInt64(bitPattern: a.matchedItemID ?? -1))
                for byte in a.tier.rawValue.utf8 { mix(UInt64(byte)) }
                for m in a.mergedStoryIDs { mix(UInt64(bitPattern: m)) }
            }
            index += batch
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let cpu = cpuSeconds() - cpuStart
        func final(_ s: Int64) -> Int64 { var s = s; while let n = mergedInto[s] { s = n }; return s }
        let predicted = Dictionary(uniqueKeysWithValues: stream.map { ($0.item.id, final(storyOf[$0.item.id]!)) })
        let gold = Dictionary(uniqueKeysWithValues: stream.map { ($0.item.id, $0.event) })
        let q = bcubed(gold: gold, predicted: predicted)
        print(String(format: "engine:    %d items in %.2f s wall = %.0f items/s (%.2f s CPU = %.0f items per CPU-second); peak RSS %.0f MiB (%.0f before); window holds %d items, %d open stories",
                     stream.count, seconds, Double(stream.count) / seconds, cpu, Double(stream.count) / cpu,
                     maxRSSMiB(), rssBefore,
                     clusterer.indexedItemCount, clusterer.openStoryCount))
        print("           tiers: " + [MatchTier.new, .identity, .nearCopy, .similar].map { "\($0.rawValue) \(tiers[$0] ?? 0)" }.joined(separator: ", ")
              + String(format: "; synthetic B-cubed P=%.3f R=%.3f F1=%.3f", q.p, q.r, q.f))
        print(String(format: "           decisions digest %016llx", digest))

        // A restart: the statistics through their snapshot, and the window put back from the stories found, in
        // (published, id) order as the store hands them back (`StoryStage`).
        let restartStart = DispatchTime.now().uptimeNanoseconds
        let snapshot = try JSONEncoder().encode(clusterer.statistics)
        let restored = StoryClusterer(statistics: try JSONDecoder().decode(TermStatistics.self, from: snapshot))
        let decoded = DispatchTime.now().uptimeNanoseconds
        for item in stream.map(\.item).sorted(by: { ($0.published, $0.id) < ($1.published, $1.id) }) {
            restored.restore(item, storyID: final(storyOf[item.id]!))
        }
        let restoredAt = DispatchTime.now().uptimeNanoseconds
        print(String(format: "restart:   statistics snapshot %.1f MiB encoded and decoded in %.2f s; %d items restored in %.2f s = %.0f items/s; %d open stories (the run left %d)",
                     Double(snapshot.count) / 1_048_576, Double(decoded - restartStart) / 1e9, restored.indexedItemCount,
                     Double(restoredAt - decoded) / 1e9, Double(restored.indexedItemCount) / (Double(restoredAt - decoded) / 1e9),
                     restored.openStoryCount, clusterer.openStoryCount))

        // Reference: plain TF-IDF, greedy single-pass centroid clustering over clusters active in the window.
        let prefix = Array(stream.prefix(referenceItems))
        let refStart = DispatchTime.now().uptimeNanoseconds
        let refCPU = cpuSeconds()
        let refAssign = TFIDFReference(windowHours: ClusteringSettings().windowHours).cluster(prefix.map(\.item))
        let refSeconds = Double(DispatchTime.now().uptimeNanoseconds - refStart) / 1e9
        let refCPUSeconds = cpuSeconds() - refCPU
        let rq = bcubed(gold: Dictionary(uniqueKeysWithValues: prefix.map { ($0.item.id, $0.event) }), predicted: refAssign)
        print(String(format: "reference: plain TF-IDF on the first %d items in %.2f s wall = %.0f items/s (%.0f items per CPU-second); synthetic B-cubed F1=%.3f",
                     prefix.count, refSeconds, Double(prefix.count) / refSeconds, Double(prefix.count) / refCPUSeconds, rq.f))
    }

    /// User + system CPU time of this process: the figure that holds on a shared, busy machine.
    func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return s(usage.ru_utime) + s(usage.ru_stime)
    }

    func maxRSSMiB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
    }

    func bcubed(gold: [Int64: Int], predicted: [Int64: Int64]) -> (p: Double, r: Double, f: Double) {
        var cell: [Int64: [Int: Int]] = [:], cs: [Int64: Int] = [:], gs: [Int: Int] = [:]
        for (id, g) in gold { let c = predicted[id]!; cell[c, default: [:]][g, default: 0] += 1; cs[c, default: 0] += 1; gs[g, default: 0] += 1 }
        var p = 0.0, r = 0.0
        for (c, row) in cell { for (g, n) in row { p += Double(n * n) / Double(cs[c]!); r += Double(n * n) / Double(gs[g]!) } }
        p /= Double(gold.count); r /= Double(gold.count)
        return (p, r, 2 * p * r / (p + r))
    }
}
