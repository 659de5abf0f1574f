import ArgumentParser
import FeedParser
import Foundation

/// `feedd-bench parse DIR [--iterations N]`: parses every file of DIR N times in-process (files read into memory
/// first, so only parsing is timed) and prints the throughput. bench/parse.sh runs it next to `xmllint --stream`.
struct ParseBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "parse", abstract: "Parse throughput over a corpus.")

    @Argument(help: "A folder of feed documents.")
    var directory: String

    @Option(help: "How many times each file is parsed.")
    var iterations = 5

    func run() throws {
        let folder = URL(fileURLWithPath: directory)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let documents = try names.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
        let bytes = documents.reduce(0) { $0 + $1.count }
        guard bytes > 0 else { throw ValidationError("no files in \(directory)") }

        // One untimed pass: warms caches and counts what parses.
        var entries = 0, failures = 0
        for document in documents {
            if let feed = try? FeedParser.parse(document) { entries += feed.entries.count } else { failures += 1 }
        }
        // Each pass is timed in CPU seconds of this process (on a shared machine the stabler figure; bench/parse.sh
        // measures xmllint the same way); the best pass is the headline, the mean is shown next to it.
        var passes: [Double] = []
        for _ in 0..<iterations {
            let start = Self.cpuSeconds()
            for document in documents { _ = try? FeedParser.parse(document) }
            passes.append(Self.cpuSeconds() - start)
        }
        let megabytes = Double(bytes) / 1_000_000
        let best = passes.min() ?? .infinity
        let mean = passes.reduce(0, +) / Double(max(passes.count, 1))
        print("files=\(documents.count) bytes=\(bytes) passes=\(iterations) entries=\(entries) failures=\(failures)")
        print(String(format: "feedd parse: %.1f MB/s (best pass %.3f s CPU), mean %.1f MB/s", megabytes / best, best,
                     megabytes / mean))
        print(String(format: "MBPS=%.2f", megabytes / best))
    }

    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
