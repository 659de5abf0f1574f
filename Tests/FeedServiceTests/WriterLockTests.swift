import FeedService
import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The writer lock against real holders: another process (a shell that flocks the file, writes its pid, then
/// execs `sleep` keeping the descriptor) and a second open file description in this process.
@Suite struct WriterLockTests {
    @Test func secondWriterInTheSameProcessWaitsUntilTheFirstReleases() async throws {
        let dir = try TestPaths.temporaryDirectory("feedd-lock")
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = WriterLock(stateDirectory: dir)
        try await first.acquire(waitingUpTo: .zero)
        #expect(first.isHeld)
        #expect(first.holderPID() == getpid())

        let second = WriterLock(stateDirectory: dir)
        #expect(try second.tryAcquire() == false)
        let error = await #expect(throws: WriterLockError.self) {
            try await second.acquire(waitingUpTo: .milliseconds(300), pollInterval: .milliseconds(50))
        }
        #expect(error?.reason == .held(by: getpid(), waited: .milliseconds(300)))
        #expect(error?.description == "another feedd (pid \(getpid())) is using \(dir.path) (lock file \(dir.path)/feedd.lock); waited 300ms")
        #expect(!second.isHeld)

        first.release()
        #expect(!first.isHeld)
        try await second.acquire(waitingUpTo: .seconds(1))
        #expect(second.isHeld)
    }

    @Test func deinitReleases() async throws {
        let dir = try TestPaths.temporaryDirectory("feedd-lock")
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            let lock = WriterLock(stateDirectory: dir)
            #expect(try lock.tryAcquire())
            #expect(try WriterLock(stateDirectory: dir).tryAcquire() == false)
        }
        // Waits rather than tries once: a test elsewhere in this process may fork (to spawn feedd or a shell) while
        // the lock is open, and until that child execs, its copy of the descriptor keeps the flock (CLOEXEC acts
        // at exec, not at fork). A lock the deinit left held would still time out here.
        let again = WriterLock(stateDirectory: dir)
        try await again.acquire(waitingUpTo: .seconds(5), pollInterval: .milliseconds(20))
        #expect(again.isHeld)
    }

    @Test func anotherProcessHoldingTheLockIsNamedAndItsDeathByKillNineFreesIt() async throws {
        let dir = try TestPaths.temporaryDirectory("feedd-lock")
        defer { try? FileManager.default.removeItem(at: dir) }
        let holder = try LockHolder(lockFile: dir.appendingPathComponent("feedd.lock"))
        defer { holder.kill() }

        let lock = WriterLock(stateDirectory: dir)
        let start = ContinuousClock.now
        let error = await #expect(throws: WriterLockError.self) {
            try await lock.acquire(waitingUpTo: .milliseconds(500))
        }
        #expect(ContinuousClock.now - start >= .milliseconds(500))
        #expect(error?.reason == .held(by: holder.pid, waited: .milliseconds(500)))
        #expect(error?.description.hasPrefix("another feedd (pid \(holder.pid)) is using \(dir.path)") == true)

        holder.kill()  // SIGKILL: no chance to clean up; the kernel drops the flock with the process
        try await lock.acquire(waitingUpTo: .seconds(5))
        #expect(lock.holderPID() == getpid())
    }

    @Test func waitsForAHolderThatFinishesWithinTheTimeout() async throws {
        let dir = try TestPaths.temporaryDirectory("feedd-lock")
        defer { try? FileManager.default.removeItem(at: dir) }
        // Long enough that the check below still meets the holder on a loaded machine (at 0.7 s a full parallel
        // test run once lost that race), short against the 20 s the lock waits.
        let holder = try LockHolder(lockFile: dir.appendingPathComponent("feedd.lock"), seconds: "3")
        defer { holder.kill() }
        let lock = WriterLock(stateDirectory: dir)
        #expect(try lock.tryAcquire() == false)
        try await lock.acquire(waitingUpTo: .seconds(20))
        #expect(lock.isHeld)
    }

    @Test func anUnusableStateDirectoryIsAClearError() async throws {
        let dir = try TestPaths.temporaryDirectory("feedd-lock")
        defer { try? FileManager.default.removeItem(at: dir) }
        // A regular file where the state directory should be: fails for root too, unlike a permission test.
        let blocker = dir.appendingPathComponent("state")
        try Data().write(to: blocker)
        let lock = WriterLock(stateDirectory: blocker.appendingPathComponent("inner"))
        let error = #expect(throws: WriterLockError.self) { try lock.tryAcquire() }
        #expect(error?.description.hasPrefix("cannot lock \(blocker.path)/inner/feedd.lock: ") == true)
    }

    @Test func formatsWaits() {
        #expect(WriterLockError(file: URL(fileURLWithPath: "/var/lib/feedd/feedd.lock"),
                                reason: .held(by: 1234, waited: .seconds(10))).description
                == "another feedd (pid 1234) is using /var/lib/feedd (lock file /var/lib/feedd/feedd.lock); waited 10s")
        #expect(WriterLockError(file: URL(fileURLWithPath: "/s/feedd.lock"),
                                reason: .held(by: nil, waited: .milliseconds(1500))).description
                == "another feedd is using /s (lock file /s/feedd.lock); waited 1.5s")
    }
}

/// A separate process holding an exclusive flock on a file, with its pid written in it, as feedd does.
final class LockHolder: @unchecked Sendable {
    let process = Process()
    var pid: pid_t { process.processIdentifier }

    /// Holds the lock for `seconds`, then exits (releasing it).
    init(lockFile: URL, seconds: String = "120") throws {
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // fd 9 stays open across `exec sleep`, so the lock lives exactly as long as this pid.
        process.arguments = ["-c", "exec 9>>\"$1\" && flock -x 9 && echo $$ > \"$1\" && exec sleep \"$2\"", "sh",
                             lockFile.path, seconds]
        try process.run()
        // Wait until it holds the lock (its pid is in the file).
        let deadline = Date().addingTimeInterval(10)
        while (try? String(contentsOf: lockFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
            != "\(process.processIdentifier)" {
            guard Date() < deadline, process.isRunning else { throw POSIXError(.ETIMEDOUT) }
            usleep(10_000)
        }
    }

    func kill() {
        guard process.isRunning else { return }
        Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
