import Foundation

/// `feedd --once` on a terminal: one self-overwriting line with feeds done/total and errors. Nothing when stderr
/// is not a terminal (piped, or under systemd), so logs and scripts see only the log lines and the summary.
final class ProgressLine: @unchecked Sendable {
    // @unchecked: `lastDraw` is only touched under `lock`.
    private let lock = NSLock()
    private var lastDraw = Date.distantPast
    private var drawn = false
    let enabled: Bool

    init(enabled: Bool = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["JOURNAL_STREAM"] == nil) {
        self.enabled = enabled
    }

    func update(done: Int, total: Int, failed: Int) {
        guard enabled else { return }
        lock.withLock {
            // At most ten redraws a second, and always the last one.
            guard done == total || Date().timeIntervalSince(lastDraw) > 0.1 else { return }
            lastDraw = Date()
            drawn = true
            let errors = failed == 1 ? "1 error" : "\(failed) errors"
            FileHandle.standardError.write(Data("\r\u{1B}[2Kfeeds \(done)/\(total), \(errors)".utf8))
        }
    }

    /// Ends the line so the summary starts on a fresh one.
    func finish() {
        guard enabled else { return }
        lock.withLock { if drawn { FileHandle.standardError.write(Data("\n".utf8)) } }
    }
}
