import DigestWriter
import FeedModel
import Foundation
import Logging

/// The `on_digest` command: run through /bin/sh after a day's final digest is written, with the files in its
/// environment (FEEDD_DIGEST_DATE, _HTML, _MARKDOWN, _JSON, _DIR). Its failure is logged; the digest is already
/// safely on disk, so nothing is lost.
struct DigestHook: Sendable {
    let command: String
    let logger: Logger
    var timeout: TimeInterval = 300

    func run(for day: DayStamp, output: DigestOutput) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        var environment = ProcessInfo.processInfo.environment
        environment["FEEDD_DIGEST_DATE"] = day.description
        environment["FEEDD_DIGEST_HTML"] = output.html.path
        environment["FEEDD_DIGEST_MARKDOWN"] = output.markdown.path
        environment["FEEDD_DIGEST_JSON"] = output.json.path
        environment["FEEDD_DIGEST_DIR"] = output.html.deletingLastPathComponent().path
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            logger.error("on_digest could not start: \(error)", metadata: ["command": "\(command)"])
            return
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning {
            process.terminate()
            logger.error("on_digest ran longer than \(Int(timeout)) s and was stopped", metadata: ["command": "\(command)"])
            return
        }
        if process.terminationStatus != 0 {
            logger.error("on_digest failed with exit status \(process.terminationStatus)", metadata: ["command": "\(command)"])
        } else {
            logger.info("on_digest ran for \(day)")
        }
    }
}
