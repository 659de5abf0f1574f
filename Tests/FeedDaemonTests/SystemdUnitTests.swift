import Foundation
import Testing
import TestSupport

/// The shipped units pass systemd's own checks: `verify` prints nothing, `security` scores at most 1.5.
@Suite struct SystemdUnitTests {
    static let units = ["feedd.service", "feedd-once.service", "feedd-once.timer"]

    /// The units with ExecStart pointing at the built binary (verify insists the program exists).
    func stagedUnits() throws -> URL {
        let dir = try TestPaths.temporaryDirectory("feedd-units")
        for unit in Self.units {
            let text = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("systemd/\(unit)"), encoding: .utf8)
                .replacingOccurrences(of: "/usr/local/bin/feedd", with: FeeddProcess.binary.path)
            try text.write(to: dir.appendingPathComponent(unit), atomically: true, encoding: .utf8)
        }
        return dir
    }

    func analyze(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["systemd-analyze"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(arguments: units) func verifyPrintsNothing(unit: String) throws {
        let dir = try stagedUnits()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try analyze(["verify", "--man=no", dir.appendingPathComponent(unit).path])
        #expect(result.status == 0)
        #expect(result.output.isEmpty, "\(result.output)")
    }

    @Test(arguments: ["feedd.service", "feedd-once.service"]) func securityScoreIsAtMostOnePointFive(unit: String) throws {
        let path = TestPaths.packageRoot.appendingPathComponent("systemd/\(unit)").path
        var result = try analyze(["security", "--offline=true", "--threshold=1.5", path])
        if result.output.contains("Failed to parse threshold") {
            // systemd 252 (Debian 12) takes the threshold in tenths: 15 means 1.5.
            result = try analyze(["security", "--offline=true", "--threshold=15", path])
        }
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("Overall exposure level"))
    }
}
