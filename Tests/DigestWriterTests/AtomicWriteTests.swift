import Foundation
import SafeFiles
import FeedModel
import Testing
@testable import DigestWriter

@Suite struct AtomicWriteTests {
    @Test func writingTwiceIsByteIdenticalAndLeavesNoTemporaryFiles() throws {
        let dir = try Fixture.tempDirectory()
        let other = try Fixture.tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir); try? FileManager.default.removeItem(at: other) }
        let first = try DigestWriter(directory: dir).write(SampleDigest.input())
        let bytes = try first.files.map { try Data(contentsOf: $0) }
        let second = try DigestWriter(directory: dir).write(SampleDigest.input())
        #expect(try second.files.map { try Data(contentsOf: $0) } == bytes)
        // A fresh folder, another input order: the same bytes.
        var shuffled = SampleDigest.input()
        shuffled.stories.reverse()
        shuffled.failures.reverse()
        let third = try DigestWriter(directory: other).write(shuffled)
        #expect(try third.files.map { try Data(contentsOf: $0) } == bytes)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(names.allSatisfy { !$0.hasPrefix(".") })
        #expect(names.count == 5)
    }

    @Test func aFailedWriteLeavesTheOldFileIntact() throws {
        let dir = try Fixture.tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("2026-11-21.html")
        try AtomicFile.write(Data("old".utf8), to: target)
        struct Crash: Error {}
        let error = #expect(throws: AtomicFileError.self) {
            try AtomicFile.write(Data("new".utf8), to: target, beforeRename: { throw Crash() })
        }
        #expect(error?.description.contains("Crash") == true)
        #expect(try Fixture.read(target) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["2026-11-21.html"])
    }

    @Test func aRealRenameFailureIsReportedAndCleansUp() throws {
        let dir = try Fixture.tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // The Markdown target is a non-empty folder: rename(2) fails, as on a real misconfigured digest dir.
        let blocker = dir.appendingPathComponent("2026-11-21.md")
        try FileManager.default.createDirectory(at: blocker, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: blocker.appendingPathComponent("keep.txt"))
        let html = dir.appendingPathComponent("2026-11-21.html")
        try Data("yesterday's html".utf8).write(to: html)
        #expect {
            _ = try DigestWriter(directory: dir).write(SampleDigest.input())
        } throws: { error in
            "\(error)".contains("2026-11-21.md") && "\(error)".contains("rename")
        }
        #expect(try Fixture.read(blocker.appendingPathComponent("keep.txt")) == "keep")
        // The HTML is written after the Markdown: the old one is untouched.
        #expect(try Fixture.read(html) == "yesterday's html")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).allSatisfy { !$0.hasPrefix(".") })
    }

    @Test func createsTheDigestFolder() throws {
        let dir = try Fixture.tempDirectory().appendingPathComponent("nested/digest")
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent().deletingLastPathComponent()) }
        let output = try DigestWriter(directory: dir).write(Fixture.input([], feeds: []))
        #expect(FileManager.default.fileExists(atPath: output.html.path))
        #expect(try Fixture.read(output.html).contains("Nothing new was reported on this day."))
    }
}
