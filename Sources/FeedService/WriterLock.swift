import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One writer per state directory: an exclusive `flock` on `<state_dir>/feedd.lock`, with the holder's pid written
/// in the file so that a second feedd can say who is in the way. The kernel drops the lock when the holder's file
/// is closed, including when the process dies (even by SIGKILL), so a crash never leaves a stale lock behind.
/// The file itself stays: unlinking it on release would let two processes lock two different files.
///
/// Read-only commands do not take it: SQLite's WAL mode lets them read while the writer writes.
public final class WriterLock: @unchecked Sendable {
    // @unchecked: `descriptor` is only touched under `mutex`.
    public static let fileName = "feedd.lock"

    public let stateDirectory: URL
    public let file: URL
    private let mutex = NSLock()
    private var descriptor: Int32 = -1

    public init(stateDirectory: URL) {
        self.stateDirectory = stateDirectory
        file = stateDirectory.appendingPathComponent(Self.fileName)
    }

    deinit {
        release()
    }

    public var isHeld: Bool { mutex.withLock { descriptor >= 0 } }

    /// Takes the lock, polling every `pollInterval` while another process holds it, for at most `timeout`
    /// (zero: one attempt). Creates the state directory if needed.
    public func acquire(waitingUpTo timeout: Duration, pollInterval: Duration = .milliseconds(100))
        async throws(WriterLockError) {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while true {
            if try tryAcquire() { return }
            let now = clock.now
            guard now < deadline else { break }
            do {
                try await Task.sleep(for: min(pollInterval, now.duration(to: deadline)))
            } catch {
                throw WriterLockError(file: file, reason: .cancelled)
            }
        }
        throw WriterLockError(file: file, reason: .held(by: holderPID(), waited: timeout))
    }

    /// One attempt: true if this object now holds the lock (or already did), false if another holder has it.
    public func tryAcquire() throws(WriterLockError) -> Bool {
        mutex.lock()
        defer { mutex.unlock() }
        if descriptor >= 0 { return true }
        do {
            try FileManager.default.createDirectory(at: stateDirectory, withIntermediateDirectories: true)
        } catch {
            throw WriterLockError(file: file, reason: .unusable(Self.reason(of: error)))
        }
        // O_CLOEXEC: a child (the on_digest command) must not inherit the lock and keep it after feedd exits.
        let fd = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriterLockError(file: file, reason: .unusable(String(cString: strerror(errno)))) }
        var locked: Int32
        repeat { locked = flock(fd, LOCK_EX | LOCK_NB) } while locked != 0 && errno == EINTR
        guard locked == 0 else {
            let code = errno
            close(fd)
            if code == EWOULDBLOCK { return false }
            throw WriterLockError(file: file, reason: .unusable(String(cString: strerror(code))))
        }
        // The pid is informative only: the lock is the flock, not the file's content.
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pwrite(fd, pid, pid.count, 0)
        descriptor = fd
        return true
    }

    /// Gives the lock up (also done on deinit and, by the kernel, on exit).
    public func release() {
        mutex.lock()
        defer { mutex.unlock() }
        guard descriptor >= 0 else { return }
        _ = ftruncate(descriptor, 0)
        close(descriptor)  // closing the only descriptor of this open file description drops the flock
        descriptor = -1
    }

    /// The pid the holder wrote, if it could be read.
    public func holderPID() -> pid_t? {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        return pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private static func reason(of error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }
}

/// Why the writer lock could not be taken; the description is the one line feedd prints before exiting.
public struct WriterLockError: Error, Sendable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// Another process holds it (its pid, if it could be read) and it stayed held for `waited`.
        case held(by: pid_t?, waited: Duration)
        /// The lock file could not be created or locked (read-only file system, permissions…).
        case unusable(String)
        /// The wait was cancelled (shutdown requested meanwhile).
        case cancelled
    }

    public var file: URL
    public var reason: Reason

    public init(file: URL, reason: Reason) {
        self.file = file
        self.reason = reason
    }

    public var description: String {
        let directory = file.deletingLastPathComponent().path
        switch reason {
        case .held(let pid, let waited):
            let holder = pid.map { "another feedd (pid \($0))" } ?? "another feedd"
            return "\(holder) is using \(directory) (lock file \(file.path)); waited \(Self.format(waited))"
        case .unusable(let why):
            return "cannot lock \(file.path): \(why)"
        case .cancelled:
            return "stopped while waiting for the lock on \(file.path)"
        }
    }

    /// "10s", "1.5s", "250ms".
    static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        if milliseconds < 1000 { return "\(milliseconds)ms" }
        if milliseconds % 1000 == 0 { return "\(milliseconds / 1000)s" }
        return String(format: "%.1fs", Double(milliseconds) / 1000)
    }
}
