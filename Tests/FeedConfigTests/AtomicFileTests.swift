import FeedConfig
import Foundation
import SafeFiles
import Testing
import TestSupport

@Suite struct AtomicFileTests {
    @Test func replacesContentKeepingModeAndLeavingNoTemporaryFile() throws {
        let dir = try TestPaths.temporaryDirectory("feedd-atomic")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("feeds.opml")
        try AtomicFile.write(Data("one".utf8), to: file, permissions: 0o640)
        #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int == 0o640)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        try AtomicFile.write(Data("two".utf8), to: file, permissions: 0o644)
        #expect(try String(contentsOf: file, encoding: .utf8) == "two")
        #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["feeds.opml"])
    }

    @Test func aFailedReplaceLeavesTheOldFileAndNoTemporary() throws {
        let dir = try TestPaths.temporaryDirectory("feedd-atomic")
        defer { try? FileManager.default.removeItem(at: dir) }
        // A non-empty directory where the file should go: the final rename fails, after the data was written.
        let target = dir.appendingPathComponent("feedd.toml")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        try Data("keep".utf8).write(to: target.appendingPathComponent("inside"))
        let error = #expect(throws: AtomicFileError.self) { try AtomicFile.write(Data("new".utf8), to: target) }
        #expect(error?.description.hasPrefix("cannot write \(target.path): ") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["feedd.toml"])
        #expect(try String(contentsOf: target.appendingPathComponent("inside"), encoding: .utf8) == "keep")
    }
}
