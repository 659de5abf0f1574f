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
        // CPU time as well as wall time: on a shared machine the CPU time of this process is the stabler figure,
        // and bench/parse.sh measures xmllint the same way.
        let clock = ContinuousClock()
        let cpuStart = Self.cpuSeconds()
        let elapsed = clock.measure {
            for _ in 0..<iterations {
                for document in documents { _ = try? FeedParser.parse(document) }
            }
        }
        let cpu = Self.cpuSeconds() - cpuStart
        let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let megabytes = Double(bytes * iterations) / 1_000_000
        print("files=\(documents.count) bytes=\(bytes) iterations=\(iterations) entries=\(entries) failures=\(failures)")
        print(String(format: "feedd parse: %.1f MB/s of CPU time (%.3f s), %.1f MB/s wall (%.3f s)",
                     megabytes / cpu, cpu, megabytes / wall, wall))
        print(String(format: "MBPS=%.2f", megabytes / cpu))
    }

    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
