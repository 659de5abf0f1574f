import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Replaces a file so that readers (a browser on a digest, the daemon reloading its config, node_exporter reading
/// metrics) see either the old content or the new, never a mix, and a crash leaves one of the two: write a
/// temporary file in the same directory, fsync it, rename it over the target, fsync the directory.
/// The one way feedd writes every file it produces.
public enum AtomicFile {
    /// Writes `data` to `url`. A symlink is followed, so the file it points at is the one replaced. An existing
    /// file keeps its permissions (and owner, when allowed); a new one gets `permissions` (default: 0644 less the
    /// umask). `beforeRename` runs once the temporary file is complete: tests use it to fail at the worst moment.
    public static func write(_ data: Data, to url: URL, permissions: mode_t? = nil,
                             beforeRename: (() throws -> Void)? = nil) throws(AtomicFileError) {
        let target = url.resolvingSymlinksInPath()
        let directory = target.deletingLastPathComponent()
        var existing = stat()
        let exists = stat(target.path, &existing) == 0
        // Not ending in the target's extension: node_exporter only reads *.prom, the daemon only its config.
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")

        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, exists ? 0o600 : 0o644)
        guard fd >= 0 else { throw AtomicFileError(file: target, step: "create temporary file", errno: errno) }
        var committed = false
        defer {
            if !committed { unlink(temporary.path) }
        }
        do {
            defer { close(fd) }
            if exists {
                _ = fchown(fd, existing.st_uid, existing.st_gid)  // only root may; otherwise the writer owns it
                guard fchmod(fd, existing.st_mode & 0o7777) == 0 else { throw AtomicFileError(file: target, step: "chmod", errno: errno) }
            } else if let permissions {
                guard fchmod(fd, permissions) == 0 else { throw AtomicFileError(file: target, step: "chmod", errno: errno) }
            }
            let failure = data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Int32 in
                var offset = 0
                while offset < raw.count {
                    let written = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        return errno
                    }
                    offset += written
                }
                return 0
            }
            guard failure == 0 else { throw AtomicFileError(file: target, step: "write", errno: failure) }
            guard fsync(fd) == 0 else { throw AtomicFileError(file: target, step: "fsync", errno: errno) }
        }
        do {
            try beforeRename?()
        } catch {
            throw AtomicFileError(file: target, reason: "\(error)")
        }
        guard rename(temporary.path, target.path) == 0 else { throw AtomicFileError(file: target, step: "rename", errno: errno) }
        committed = true
        // Make the rename itself durable; failing here only weakens durability, the content is in place.
        let dirfd = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirfd >= 0 {
            _ = fsync(dirfd)
            close(dirfd)
        }
    }
}

/// A file that could not be replaced, and why (the old content, if any, is intact).
public struct AtomicFileError: Error, Sendable, CustomStringConvertible {
    public var file: URL
    public var reason: String

    public init(file: URL, reason: String) {
        self.file = file
        self.reason = reason
    }

    init(file: URL, step: String, errno code: Int32) {
        self.init(file: file, reason: "\(step) failed: \(String(cString: strerror(code)))")
    }

    public var description: String { "cannot write \(file.path): \(reason)" }
}
