import FeedStore
import Foundation
import Testing
import TestSupport

/// What a user meets when the environment is wrong: one clear line, a non-zero exit, nothing half-written.
@Suite struct BadEnvironmentTests {
    @Test func unwritableDigestDirectory() async throws {
        let demo = try DemoWorkspace()
        defer { demo.remove() }
        // A digest folder under a regular file cannot be created, whoever runs the test (root included).
        let blocker = demo.directory.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: blocker)
        let config = try String(contentsOf: demo.config, encoding: .utf8)
            .replacingOccurrences(of: "digest_dir = \"digests\"", with: "digest_dir = \"not-a-folder/digests\"")
        try config.write(to: demo.config, atomically: true, encoding: .utf8)
        let run = try await FeeddProcess.run(["--once", "--config", demo.config.path, "--log-level", "critical"])
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(run.stderr)")
        #expect(run.stderr.contains("could not be written to \(blocker.path)/digests"), "\(run.stderr)")
        // The entries were stored before the digest failed: nothing fetched is lost.
        #expect(try FeedStore(path: demo.database.path, readOnly: true).counts().entries == 10)
        #expect(try FileManager.default.contentsOfDirectory(atPath: demo.directory.path).allSatisfy { !$0.contains(".tmp") })
    }

    @Test func unusableStateDirectory() async throws {
        let demo = try DemoWorkspace()
        defer { demo.remove() }
        let blocker = demo.directory.appendingPathComponent("state-file")
        try Data("x".utf8).write(to: blocker)
        let config = try String(contentsOf: demo.config, encoding: .utf8)
            .replacingOccurrences(of: "state_dir = \"state\"", with: "state_dir = \"state-file/state\"")
        try config.write(to: demo.config, atomically: true, encoding: .utf8)
        let run = try await FeeddProcess.run(["--once", "--config", demo.config.path])
        #expect(run.status == 3)
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        #expect(run.stderr.contains("state-file/state"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: demo.digests.path))
    }

    @Test func readersWorkAndAMissingConfigIsNamed() async throws {
        let demo = try DemoWorkspace()
        defer { demo.remove() }
        #expect(try await FeeddProcess.run(["--once", "--config", demo.config.path, "--log-level", "critical"]).status == 0)
        // Reading commands open the store read-only; a missing configuration is named.
        let feeds = try await FeeddProcess.run(["feeds", "--config", demo.config.path])
        #expect(feeds.status == 0 && feeds.stdout.contains("4 feeds"))
        let missing = try await FeeddProcess.run(["feeds", "--config", demo.directory.appendingPathComponent("none.toml").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("none.toml: no such file"), "\(missing.stderr)")
    }
}
