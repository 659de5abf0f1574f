import Foundation
import Testing
import TestSupport

/// Proxies come from the usual environment variables (libcurl's default, which the fetcher leaves on).
/// The environment is per process, so this runs the engine in a child: `feedd-bench fetch`.
@Suite struct ProxyEnvironmentTests {
    static var bench: URL { FeeddProcess.productsDirectory.appendingPathComponent("feedd-bench") }

    /// Until `fetch` is registered among feedd-bench's subcommands there is nothing to run.
    static var benchHasFetch: Bool {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("no-urls-\(UUID().uuidString).txt")
        guard FileManager.default.createFile(atPath: empty.path, contents: Data()) else { return false }
        defer { try? FileManager.default.removeItem(at: empty) }
        let process = Process()
        process.executableURL = bench
        // Not `--help`: ArgumentParser answers that with the root's help and success, registered or not.
        process.arguments = ["fetch", empty.path, "--passes", "1"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return process.terminationStatus == 0 && text.contains("fetch benchmark")
    }

    @Test(.enabled(if: benchHasFetch, "feedd-bench has no fetch subcommand"))
    func httpProxyVariableIsHonoured() async throws {
        let proxy = try HTTPTestServer()
        defer { proxy.stop() }
        // A proxy receives the absolute URL as the request target.
        let target = "http://feed.example.invalid/feed.xml"
        proxy.route(target, .ok(sampleFeed))
        let directory = try TestPaths.temporaryDirectory("fetcher-proxy")
        defer { try? FileManager.default.removeItem(at: directory) }
        let list = directory.appendingPathComponent("urls.txt")
        try Data("\(target)\n".utf8).write(to: list)

        let process = Process()
        process.executableURL = Self.bench
        process.arguments = ["fetch", list.path, "--passes", "1", "--timeout", "5"]
        var environment = ProcessInfo.processInfo.environment
        for name in ["no_proxy", "NO_PROXY", "all_proxy", "ALL_PROXY"] { environment[name] = nil }
        environment["http_proxy"] = "http://127.0.0.1:\(proxy.port)"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        #expect(process.terminationStatus == 0)
        #expect(text.contains("1 bodies (200)"), "\(text)")
        let seen = try #require(proxy.requests.first)
        #expect(seen.target == target)
        #expect(seen.header("Host") == "feed.example.invalid")
    }
}
