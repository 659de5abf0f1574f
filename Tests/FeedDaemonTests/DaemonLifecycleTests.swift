import FeedStore
import Foundation
import Testing
import TestSupport

/// The daemon as systemd runs it: notifications over $NOTIFY_SOCKET, the writer lock, read-only commands beside
/// it, SIGHUP reloads (a bad config rejected, a good one applied at once) and a graceful SIGTERM.
@Suite(.serialized) struct DaemonLifecycleTests {
    /// Waits for a datagram containing `text`, returning every datagram seen on the way.
    /// Short blocking reads with a yield between them: the wait holds none of the test pool's threads for long.
    func waitFor(_ text: String, on socket: DatagramReceiver, seconds: Double = 20) async throws -> [String] {
        var seen: [String] = []
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            await Task.yield()
            if let message = try socket.next(waiting: 50) {
                seen.append(message)
                if message.contains(text) { return seen }
            }
        }
        Issue.record("no '\(text)' within \(seconds) s; saw \(seen)")
        return seen
    }

    @Test func notifiesHoldsTheLockReloadsAndStops() async throws {
        let demo = try DemoWorkspace()
        defer { demo.remove() }
        let socketPath = demo.directory.appendingPathComponent("notify.sock").path
        let socket = try DatagramReceiver(name: socketPath)
        defer { socket.close() }
        let log = demo.directory.appendingPathComponent("daemon.log")
        #expect(FileManager.default.createFile(atPath: log.path, contents: nil))

        let daemon = Process()
        daemon.executableURL = FeeddProcess.binary
        daemon.arguments = ["--config", demo.config.path, "--log-level", "info"]
        var environment = ProcessInfo.processInfo.environment
        environment["NOTIFY_SOCKET"] = socketPath
        environment["WATCHDOG_USEC"] = "2000000"
        daemon.environment = environment
        daemon.standardOutput = FileHandle.nullDevice
        daemon.standardError = try FileHandle(forWritingTo: log)
        try daemon.run()
        defer { if daemon.isRunning { kill(daemon.processIdentifier, SIGKILL) } }

        _ = try await waitFor("READY=1", on: socket)
        let afterPass = try await waitFor("last pass", on: socket)
        #expect(afterPass.last?.contains("4 checked, 4 updated, 0 failed") == true, "\(afterPass)")
        _ = try await waitFor("WATCHDOG=1", on: socket, seconds: 5)

        // Readers work beside the daemon; a second writer is refused, naming the holder.
        let feeds = try await FeeddProcess.run(["feeds", "--config", demo.config.path])
        #expect(feeds.status == 0, "\(feeds.stderr)")
        #expect(feeds.stdout.contains("4 feeds"))
        let second = try await FeeddProcess.run(["--once", "--config", demo.config.path, "--wait", "1"])
        #expect(second.status == 4)
        #expect(second.stderr.contains("pid \(daemon.processIdentifier)"), "\(second.stderr)")

        // A bad configuration is rejected and the running one kept.
        let good = try String(contentsOf: demo.config, encoding: .utf8)
        try (good + "\nconcurrency = \"lots\"\n").write(to: demo.config, atomically: true, encoding: .utf8)
        kill(daemon.processIdentifier, SIGHUP)
        _ = try await waitFor("READY=1", on: socket)
        #expect(daemon.isRunning)

        // A good one is applied: the new feed is fetched right away.
        let extra = demo.directory.appendingPathComponent("feeds/extra.xml")
        try """
            <?xml version="1.0"?><rss version="2.0"><channel><title>Extra Outlet</title>
            <item><title>Extra item</title><link>https://extra.example/1</link></item></channel></rss>
            """.write(to: extra, atomically: true, encoding: .utf8)
        try (good + "\n[[feed]]\nurl = \"feeds/extra.xml\"\n").write(to: demo.config, atomically: true, encoding: .utf8)
        kill(daemon.processIdentifier, SIGHUP)
        _ = try await waitFor("READY=1", on: socket)
        let reloadedPass = try await waitFor("last pass", on: socket)
        #expect(reloadedPass.last?.contains("1 checked, 1 updated") == true, "\(reloadedPass)")

        // SIGTERM: STOPPING=1 and a clean exit, well inside TimeoutStopSec.
        let stopAsked = Date()
        kill(daemon.processIdentifier, SIGTERM)
        _ = try await waitFor("STOPPING=1", on: socket)
        daemon.waitUntilExit()
        #expect(daemon.terminationStatus == 0)
        #expect(Date().timeIntervalSince(stopAsked) < 10)

        let output = try String(contentsOf: log, encoding: .utf8)
        #expect(output.contains("configuration not reloaded"), "\(output)")
        #expect(output.contains("configuration reloaded"))
        let store = try FeedStore(path: demo.database.path, readOnly: true)
        #expect(try store.subscribedFeeds().count == 5)
        #expect(try store.integrityCheck() == "ok")
    }
}
