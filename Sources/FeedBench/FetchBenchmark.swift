import ArgumentParser
import FeedFetcher
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `feedd-bench fetch URLS_FILE`: the fetch engine alone over a URL list (e.g. feedfarm's urls.txt): a cold pass,
/// then warm passes sending the validators the previous pass got. Prints per pass: wall and CPU time, peak RSS,
/// requests, statuses, 200s vs 304s, bytes, and every failure with its reason. Bodies are counted, not kept.
///
///     python3 ../shared/tools/feedfarm.py --corpus ../shared/corpus/feeds --outdir /tmp/farm --feeds 1000 --include-bad &
///     feedd-bench fetch /tmp/farm/urls.txt --concurrency 64 --per-host 64
///
/// (feedfarm serves every feed from one host, so the per-host limit is the one that binds.)
struct FetchBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch", abstract: "Fetch a list of URLs with FeedFetcher, cold then warm, and report.")

    @Argument(help: "A file with one URL per line.") var urlsFile: String
    @Option(help: "Passes; the second and later send the validators of the previous one.") var passes = 2
    @Option(help: "Transfers in flight at once.") var concurrency = 32
    @Option(help: "Transfers in flight per host.") var perHost = 32
    @Option(help: "Total timeout per transfer, seconds.") var timeout = 10.0
    @Option(help: "Connect timeout, seconds.") var connectTimeout = 5.0
    @Option(help: "Low-speed abort: seconds below 100 B/s.") var lowSpeedSeconds = 5
    @Option(help: "Response size cap, MB.") var maxMB = 32
    @Flag(help: "Print every failure (default: the first 30).") var allFailures = false

    func run() throws {
        let text = try String(contentsOfFile: urlsFile, encoding: .utf8)
        let urls = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        var configuration = FetchConfiguration()
        configuration.maxConcurrent = concurrency
        configuration.maxPerHost = perHost
        configuration.totalTimeout = timeout
        configuration.connectTimeout = connectTimeout
        configuration.lowSpeedSeconds = lowSpeedSeconds
        configuration.maxBodyBytes = maxMB << 20
        let fetcher = FeedFetcher(configuration: configuration)
        print("fetch benchmark: \(urls.count) URLs, concurrency \(concurrency), per host \(perHost), timeout \(timeout) s")

        var requests = urls.enumerated().map { FetchRequest(feedID: Int64($0.offset), url: $0.element) }
        for pass in 1...max(1, passes) {
            let (summary, next) = Self.runPass(fetcher, requests)
            print("pass \(pass) (\(pass == 1 ? "cold" : "warm")): \(summary.line)")
            let shown = allFailures ? summary.failures : Array(summary.failures.prefix(30))
            for failure in shown { print("  failed \(failure)") }
            if shown.count < summary.failures.count { print("  ... \(summary.failures.count - shown.count) more") }
            requests = next
        }
    }

    struct PassSummary {
        var wallSeconds = 0.0
        var cpuSeconds = 0.0
        var peakRSSMB = 0.0
        var results = 0
        var bodies = 0
        var notModified = 0
        var bytes = 0
        var bodyBytes = 0
        var statuses: [Int: Int] = [:]
        var failures: [String] = []
        /// When the last 200/304 arrived: the good feeds' share of the wall time.
        var lastSuccessSeconds = 0.0

        var line: String {
            let statusText = statuses.sorted { $0.key < $1.key }.map { "\($0.key)x\($0.value)" }.joined(separator: " ")
            return String(format: "%.2f s wall (last success at %.2f s), %.2f s CPU, peak RSS %.0f MB, ",
                          wallSeconds, lastSuccessSeconds, cpuSeconds, peakRSSMB)
                + "\(results) results: \(bodies) bodies (200), \(notModified) not modified (304), "
                + "\(failures.count) failed; \(bytes) bytes on the wire, \(bodyBytes) decoded; statuses [\(statusText)]"
        }
    }

    /// One pass; returns its summary and the requests for the next pass (with the validators just received).
    static func runPass(_ fetcher: FeedFetcher, _ requests: [FetchRequest]) -> (PassSummary, [FetchRequest]) {
        final class Box: @unchecked Sendable {
            var summary = PassSummary()
            var next: [FetchRequest] = []
        }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let cpuBefore = cpuTime()
        let started = Date()
        // The root command is synchronous: run the async stream in a task and wait for it here.
        Task {
            var summary = PassSummary()
            var next = requests
            for await result in fetcher.fetchAll(requests) {
                summary.results += 1
                summary.bytes += result.bytes
                if let status = result.status { summary.statuses[status, default: 0] += 1 }
                switch result.outcome {
                case .body(let data):
                    summary.lastSuccessSeconds = Date().timeIntervalSince(started)
                    summary.bodies += 1
                    summary.bodyBytes += data.count
                case .notModified:
                    summary.lastSuccessSeconds = Date().timeIntervalSince(started)
                    summary.notModified += 1
                case .failed(let error):
                    summary.failures.append("\(result.request.url): \(error.message) [\(result.durationMs) ms]")
                }
                let index = Int(result.request.feedID)
                next[index].etag = result.etag
                next[index].lastModified = result.lastModified
            }
            box.summary = summary
            box.next = next
            done.signal()
        }
        done.wait()
        box.summary.wallSeconds = Date().timeIntervalSince(started)
        box.summary.cpuSeconds = cpuTime() - cpuBefore
        box.summary.peakRSSMB = peakRSSMegabytes()
        box.summary.failures.sort()
        return (box.summary, box.next)
    }

    static func cpuTime() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// ru_maxrss is in KB on Linux.
    static func peakRSSMegabytes() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
