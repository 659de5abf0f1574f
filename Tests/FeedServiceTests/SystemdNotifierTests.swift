import FeedService
import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The notifier against real AF_UNIX datagram sockets, bound the way systemd binds its notify socket.
@Suite struct SystemdNotifierTests {
    @Test func sendsEachMessageAsOneDatagramToAPathSocket() throws {
        let dir = try TestPaths.temporaryDirectory("feedd-notify")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("notify").path
        let receiver = try DatagramReceiver(name: path)
        defer { receiver.close() }
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": path])
        #expect(notifier.isEnabled)

        #expect(notifier.ready(status: "12 feeds, first pass running"))
        #expect(notifier.status("last run 10:02: 11 updated,\n1 failed"))
        #expect(notifier.watchdog())
        #expect(notifier.stopping())

        #expect(try receiver.next() == "READY=1\nSTATUS=12 feeds, first pass running")
        // A newline inside a status would start a second assignment: it is folded into one line.
        #expect(try receiver.next() == "STATUS=last run 10:02: 11 updated, 1 failed")
        #expect(try receiver.next() == "WATCHDOG=1")
        #expect(try receiver.next() == "STOPPING=1")
        #expect(try receiver.next(waiting: 200) == nil)
    }

    @Test func reachesAnAbstractSocket() throws {
        let name = "feedd-test-\(UUID().uuidString)"
        let receiver = try DatagramReceiver(name: "@" + name)
        defer { receiver.close() }
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": "@" + name])
        #expect(notifier.watchdog())
        #expect(try receiver.next() == "WATCHDOG=1")
        // Another abstract name (a prefix of ours) must not receive it: the address length is exact.
        let prefix = SystemdNotifier(environment: ["NOTIFY_SOCKET": "@" + name.dropLast(4)])
        #expect(!prefix.watchdog())
        #expect(try receiver.next(waiting: 200) == nil)
    }

    @Test func reloadingCarriesTheMonotonicClock() throws {
        let dir = try TestPaths.temporaryDirectory("feedd-notify")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("notify").path
        let receiver = try DatagramReceiver(name: path)
        defer { receiver.close() }
        var before = timespec()
        clock_gettime(CLOCK_MONOTONIC, &before)
        #expect(SystemdNotifier(environment: ["NOTIFY_SOCKET": path]).reloading())
        var after = timespec()
        clock_gettime(CLOCK_MONOTONIC, &after)

        let lines = try #require(try receiver.next()).split(separator: "\n")
        #expect(lines.first == "RELOADING=1")
        #expect(lines.count == 2)
        let usec = try #require(lines.last.flatMap { $0.hasPrefix("MONOTONIC_USEC=") ? UInt64($0.dropFirst(15)) : nil })
        #expect(usec >= UInt64(before.tv_sec) * 1_000_000 + UInt64(before.tv_nsec) / 1000)
        #expect(usec <= UInt64(after.tv_sec) * 1_000_000 + UInt64(after.tv_nsec) / 1000)
    }

    @Test func doesNothingOutsideSystemd() throws {
        let notifier = SystemdNotifier(environment: [:])
        #expect(!notifier.isEnabled)
        try notifier.send("READY=1")
        #expect(notifier.ready())
        #expect(notifier.watchdogInterval == nil)
    }

    @Test func reportsAnUnreachableSocket() throws {
        let dir = try TestPaths.temporaryDirectory("feedd-notify")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("nobody-listens").path
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": path])
        #expect(!notifier.ready())
        let error = #expect(throws: SystemdNotifierError.self) { try notifier.send("READY=1") }
        #expect(error?.description == "cannot notify systemd at \(path): No such file or directory")
        let relative = SystemdNotifier(environment: ["NOTIFY_SOCKET": "run/notify"])
        #expect(throws: SystemdNotifierError.self) { try relative.send("READY=1") }
    }

    @Test func watchdogIntervalComesFromWatchdogUsecForThisProcessOnly() {
        let mine = "\(getpid())"
        let on = SystemdNotifier(environment: ["NOTIFY_SOCKET": "/run/x", "WATCHDOG_USEC": "300000000"])
        #expect(on.watchdogTimeout == .seconds(300))
        #expect(on.watchdogInterval == .seconds(150))
        let forUs = SystemdNotifier(environment: ["WATCHDOG_USEC": "2000000", "WATCHDOG_PID": mine])
        #expect(forUs.watchdogTimeout == .seconds(2))
        let forAnother = SystemdNotifier(environment: ["WATCHDOG_USEC": "2000000", "WATCHDOG_PID": "\(getpid() + 1)"])
        #expect(forAnother.watchdogTimeout == nil)
        #expect(SystemdNotifier(environment: ["WATCHDOG_USEC": "0"]).watchdogTimeout == nil)
        #expect(SystemdNotifier(environment: ["WATCHDOG_USEC": "five"]).watchdogTimeout == nil)
    }
}

