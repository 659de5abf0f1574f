import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a file so readers see the old bytes or the new ones, never half: the data goes to a temporary file in
/// the same folder (same file system, so rename is atomic), is flushed to disk, then renamed over the target; the
/// folder is flushed so the rename itself survives a crash.
enum AtomicFile {
    struct WriteError: Error, CustomStringConvertible {
        var path: String
        var step: String
        var code: Int32
        var description: String { "cannot write \(path): \(step) failed: \(String(cString: strerror(code)))" }
    }

    /// `beforeRename` runs once the temporary file is complete; tests use it to fail at the worst moment.
    static func write(_ data: Data, to url: URL, beforeRename: (() throws -> Void)? = nil) throws {
        let directory = url.deletingLastPathComponent().path
        let temp = directory + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteError(path: url.path, step: "create temporary file", code: errno) }
        var renamed = false
        defer { if !renamed { unlink(temp) } }
        do {
            defer { close(fd) }
            try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
                var offset = 0
                while offset < buffer.count {
                    #if canImport(Glibc)
                    let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    #else
                    let n = Darwin.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    #endif
                    if n < 0 {
                        if errno == EINTR { continue }
                        throw WriteError(path: url.path, step: "write", code: errno)
                    }
                    offset += n
                }
            }
            guard fsync(fd) == 0 else { throw WriteError(path: url.path, step: "fsync", code: errno) }
        }
        try beforeRename?()
        guard rename(temp, url.path) == 0 else { throw WriteError(path: url.path, step: "rename", code: errno) }
        renamed = true
        let dirfd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirfd >= 0 { _ = fsync(dirfd); close(dirfd) }
    }
}
