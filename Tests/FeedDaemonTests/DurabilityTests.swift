import FeedModel
import FeedStore
import Foundation
import Testing
import TestSupport

/// Kill -9 at random moments during `feedd --once` over a few hundred loopback feeds: the store stays sound after
/// every kill, and a final clean run ends with exactly the entries, stories and digest of an uninterrupted run.
@Suite(.serialized) struct DurabilityTests {
    static let feedCount = 240
    static let kills = 50

    /// A made-up word, the same on every run: items share no vocabulary, so only identity can merge them.
    static func word(_ seed: Int) -> String {
        let syllables = ["ka", "lo", "mi", "ter", "vos", "na", "pri", "dul", "sen", "ro", "bex", "qui", "fa", "zan"]
        var value = UInt64(truncatingIfNeeded: seed) &* 0x9E37_79B9_7F4A_7C15 ^ 0xD1B5_4A32_D192_ED03
        var word = ""
        for _ in 0..<3 {
            word += syllables[Int(value % UInt64(syllables.count))]
            value /= UInt64(syllables.count)
        }
        return word
    }

    static func words(_ seed: Int, _ count: Int) -> String {
        (0..<count).map { word(seed &* 131 &+ $0) }.joined(separator: " ")
    }

    /// Feed `n`'s document: eight items of its own, and every sixth feed also carries one wire item.
    /// `date(minute, second)`: an RFC 822 date that many minutes and seconds after the feeds' base time.
    static func feed(_ n: Int, date: (Int, Int) -> String) -> String {
        var items = ""
        for i in 0..<8 {
            let seed = n * 8 + i
            items += """
                <item><title>\(words(seed, 5).capitalized)</title>
                <link>https://outlet\(n).example/\(i)</link><guid>o\(n)-\(i)</guid>
                <pubDate>\(date(i + 1, n % 60))</pubDate>
                <description>\(words(seed + 100_000, 14)) \(seed * 7919).</description></item>

                """
        }
        if n % 6 == 0 {
            items += """
                <item><title>Storm closes the coastal road for two days</title>
                <link>https://wire.example/storm-road?utm_source=o\(n)</link><guid>wire-storm-road</guid>
                <pubDate>\(date(5, 0))</pubDate>
                <description>A storm closed the coastal road on Friday; officials expect it to reopen on Sunday.</description></item>

                """
        }
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Outlet \(n)</title>\n\(items)</channel></rss>"
    }

    struct Snapshot: Equatable {
        var entries: Set<String>
        var stories: Set<Set<String>>
        var digest: Data
    }

    func snapshot(_ dir: URL, day: String) throws -> Snapshot {
        let store = try FeedStore(path: dir.appendingPathComponent("state/feedd.sqlite").path)
        #expect(try store.integrityCheck() == "ok")
        let feeds = try store.allFeeds()
        let interval = DayStamp(day)!.interval(in: TimeZone(identifier: "UTC")!)
        var entries = Set<String>()
        var stories = Set<Set<String>>()
        for story in try store.stories(filedIn: interval) {
            let keys = story.entries.map { "\(feeds[$0.feedID]!.url) \($0.key)" }
            entries.formUnion(keys)
            stories.insert(Set(keys))
        }
        #expect(try store.unclusteredEntries().isEmpty)
        let digest = try Data(contentsOf: dir.appendingPathComponent("digests/\(day).md"))
        return Snapshot(entries: entries, stories: stories, digest: digest)
    }

    func workspace(server: HTTPTestServer) throws -> URL {
        let dir = try TestPaths.temporaryDirectory("feedd-durability")
        var config = "state_dir = \"state\"\ndigest_dir = \"digests\"\ntimezone = \"UTC\"\nconcurrency = 24\n"
        config += "[fetch]\nper_host = 24\ntimeout = 20\n"
        for n in 0..<Self.feedCount { config += "[[feed]]\nurl = \"\(server.url("/feed/\(n).xml"))\"\n" }
        try config.write(to: dir.appendingPathComponent("feedd.toml"), atomically: true, encoding: .utf8)
        return dir
    }

    @Test func killedRunsLoseNothingAndStoreNothingTwice() async throws {
        let server = try HTTPTestServer(lifetime: 600)
        defer { server.stop() }
        let now = Date()
        let utc = TimeZone(identifier: "UTC")!
        let day = DayStamp(now, in: utc).description
        // Items dated today and in the past (up to 10 minutes after a base two hours ago, or after midnight): an
        // item dated in the future is filed at the time it was first seen, which differs between the runs.
        let base = RSSDate.startOfToday(within: 2 * 3600, before: now)
        func date(_ minute: Int, _ second: Int) -> String {
            RSSDate.string(base.addingTimeInterval(Double(minute * 60 + second)))
        }
        for n in 0..<Self.feedCount {
            server.route("/feed/\(n).xml", .ok(Self.feed(n, date: date), etag: "\"v\(n)\""))
        }

        // The reference: one uninterrupted run.
        let reference = try workspace(server: server)
        defer { try? FileManager.default.removeItem(at: reference) }
        let clean = try await FeeddProcess.run(["--once", "--config", reference.appendingPathComponent("feedd.toml").path,
                                          "--log-level", "error"])
        #expect(clean.status == 0, "\(clean.stderr)")
        let expected = try snapshot(reference, day: day)
        #expect(expected.entries.count == Self.feedCount * 8 + Self.feedCount / 6)

        // The same feeds, killed at random moments, 50 times.
        let killed = try workspace(server: server)
        defer { try? FileManager.default.removeItem(at: killed) }
        let config = killed.appendingPathComponent("feedd.toml").path
        var generator = SystemRandomNumberGenerator()
        for round in 0..<Self.kills {
            let process = Process()
            process.executableURL = FeeddProcess.binary
            process.arguments = ["--once", "--force", "--config", config, "--log-level", "critical"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            try await Task.sleep(for: .milliseconds(Int.random(in: 5...900, using: &generator)))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let store = try FeedStore(path: killed.appendingPathComponent("state/feedd.sqlite").path)
            #expect(try store.integrityCheck() == "ok", "after kill \(round)")
        }
        let final = try await FeeddProcess.run(["--once", "--force", "--config", config, "--log-level", "error"])
        #expect(final.status == 0, "\(final.stderr)")
        let after = try snapshot(killed, day: day)
        #expect(after.entries == expected.entries)
        #expect(after.stories == expected.stories)
        // Compared line by line: a mismatch names the first differing line instead of diffing half a megabyte.
        let afterLines = String(decoding: after.digest, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = String(decoding: expected.digest, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let firstDifference = (0..<min(afterLines.count, expectedLines.count)).first { afterLines[$0] != expectedLines[$0] }
        #expect(firstDifference == nil && afterLines.count == expectedLines.count,
                "digests differ at line \(firstDifference.map { $0 + 1 } ?? min(afterLines.count, expectedLines.count) + 1): \(firstDifference.map { "\(afterLines[$0]) vs \(expectedLines[$0])" } ?? "lengths \(afterLines.count) vs \(expectedLines.count)")")
    }
}
