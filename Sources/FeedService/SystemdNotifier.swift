import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Tells systemd how the service is doing (sd_notify(3)) without linking libsystemd: each message is one datagram
/// of `KEY=value` lines sent to the AF_UNIX socket named by `$NOTIFY_SOCKET`. Outside systemd (no `$NOTIFY_SOCKET`)
/// every call does nothing, so callers need no "are we a service?" checks.
public struct SystemdNotifier: Sendable {
    /// `$NOTIFY_SOCKET` as given: a path, or `@name` for the abstract namespace. nil: not under systemd.
    public let socket: String?
    /// How often systemd expects `WATCHDOG=1` at the latest (`$WATCHDOG_USEC`), when the watchdog is on for us.
    public let watchdogTimeout: Duration?

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let socket = environment["NOTIFY_SOCKET"] ?? ""
        self.socket = socket.isEmpty ? nil : socket
        watchdogTimeout = Self.watchdogTimeout(environment, pid: getpid())
    }

    /// Whether messages go anywhere.
    public var isEnabled: Bool { socket != nil }

    /// How often to send `WATCHDOG=1`: half the timeout, as sd_watchdog_enabled(3) advises, so one late ping
    /// does not get the service killed.
    public var watchdogInterval: Duration? { watchdogTimeout.map { $0 / 2 } }

    // MARK: The messages feedd sends. Each returns false when the message could not be delivered
    // (systemd gone, socket unreachable); a service keeps running either way, so callers may ignore it.

    /// Start-up is complete (store open, schedule loaded).
    @discardableResult
    public func ready(status: String? = nil) -> Bool {
        deliver(["READY=1"] + (status.map { ["STATUS=\(Self.oneLine($0))"] } ?? []))
    }

    /// A one-line status shown by `systemctl status`.
    @discardableResult
    public func status(_ text: String) -> Bool {
        deliver(["STATUS=\(Self.oneLine(text))"])
    }

    /// The run loop is healthy: resets systemd's watchdog timer.
    @discardableResult
    public func watchdog() -> Bool {
        deliver(["WATCHDOG=1"])
    }

    /// Shutdown has begun.
    @discardableResult
    public func stopping(status: String? = nil) -> Bool {
        deliver(["STOPPING=1"] + (status.map { ["STATUS=\(Self.oneLine($0))"] } ?? []))
    }

    /// A configuration reload has begun; send `ready()` when it is done. MONOTONIC_USEC is what systemd 253+
    /// wants with Type=notify-reload to match the message to the reload; older versions ignore it.
    @discardableResult
    public func reloading(status: String? = nil) -> Bool {
        deliver(["RELOADING=1", "MONOTONIC_USEC=\(Self.monotonicMicroseconds())"]
            + (status.map { ["STATUS=\(Self.oneLine($0))"] } ?? []))
    }

    private func deliver(_ lines: [String]) -> Bool {
        do {
            try send(lines.joined(separator: "\n"))
            return true
        } catch {
            return false
        }
    }

    /// Sends `message` (newline-separated `KEY=value` assignments) as one datagram. Does nothing without a socket.
    public func send(_ message: String) throws(SystemdNotifierError) {
        guard let socket else { return }
        var address = try Self.address(of: socket)
        let fd = Glibc.socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw SystemdNotifierError(socket: socket, errno: errno) }
        defer { close(fd) }
        let bytes = Array(message.utf8)
        let sent = withUnsafePointer(to: &address.storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { sa in
                sendto(fd, bytes, bytes.count, Int32(MSG_NOSIGNAL), sa, address.length)
            }
        }
        guard sent == bytes.count else { throw SystemdNotifierError(socket: socket, errno: sent < 0 ? errno : EMSGSIZE) }
    }

    /// `sockaddr_un` for a path, or for `@name` in the abstract namespace (a leading NUL and no terminator, so the
    /// length counts exactly the name's bytes).
    static func address(of socket: String) throws(SystemdNotifierError) -> (storage: sockaddr_un, length: socklen_t) {
        var storage = sockaddr_un()
        storage.sun_family = sa_family_t(AF_UNIX)
        let abstract = socket.hasPrefix("@")
        guard abstract || socket.hasPrefix("/") else {
            throw SystemdNotifierError(socket: socket, reason: "not an absolute path nor an abstract (@) socket name")
        }
        var path = Array(socket.utf8)
        if abstract { path[0] = 0 }
        let capacity = MemoryLayout.size(ofValue: storage.sun_path)
        // A path needs room for its NUL terminator; an abstract name has none.
        guard path.count < capacity || (abstract && path.count <= capacity) else {
            throw SystemdNotifierError(socket: socket, reason: "socket name too long")
        }
        withUnsafeMutableBytes(of: &storage.sun_path) { raw in
            raw.copyBytes(from: path)
        }
        let offset = MemoryLayout<sockaddr_un>.offset(of: \.sun_path)!
        let length = offset + path.count + (abstract ? 0 : 1)
        return (storage, socklen_t(length))
    }

    /// systemd reads one assignment per line: a newline inside a status would start a bogus assignment.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
    }

    /// `$WATCHDOG_USEC`, if set, positive, and meant for this process (`$WATCHDOG_PID`, when set, names it).
    static func watchdogTimeout(_ environment: [String: String], pid: pid_t) -> Duration? {
        guard let text = environment["WATCHDOG_USEC"], let usec = UInt64(text), usec > 0, usec < UInt64(Int64.max)
        else { return nil }
        if let owner = environment["WATCHDOG_PID"], !owner.isEmpty {
            guard let ownerPID = pid_t(owner), ownerPID == pid else { return nil }
        }
        return .microseconds(Int64(usec))
    }
}

/// A notification that could not be sent, naming the socket and why.
public struct SystemdNotifierError: Error, Sendable, CustomStringConvertible {
    public var socket: String
    public var reason: String

    public init(socket: String, reason: String) {
        self.socket = socket
        self.reason = reason
    }

    init(socket: String, errno code: Int32) {
        self.init(socket: socket, reason: String(cString: strerror(code)))
    }

    public var description: String { "cannot notify systemd at \(socket): \(reason)" }
}
