import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small HTTP/1.1 server on 127.0.0.1 for tests: programmable routes (status, headers, delays, trickles, hangs,
/// truncated and huge bodies, gzip), honours If-None-Match / If-Modified-Since, and records every request.
///
/// Threads: one accept thread plus one thread per connection. `stop()` (also called by `deinit` and by itself once
/// `lifetime` has passed) wakes every thread and waits for all of them, so no test leaks a thread or a port.
///
///     let server = try HTTPTestServer()
///     server.route("/feed.xml", .ok("<rss/>", etag: "\"v1\""))
///     let url = server.url("/feed.xml")
///     ...
///     server.stop()
public final class HTTPTestServer: @unchecked Sendable {
    // @unchecked: all mutable state is guarded by `lock`; the fds are written once before the threads start.
    // Internal (not private) so the extensions in the other HTTPTestServer+*.swift files can reach it.
    public typealias Handler = @Sendable (RecordedRequest) -> Response

    /// The port the server listens on (picked by the kernel).
    public let port: UInt16
    public let lifetime: TimeInterval

    let listenFD: Int32
    let lock = NSLock()
    let threads = DispatchGroup()
    let deadline: Date
    var stopping = false
    var routes: [String: Handler] = [:]
    var prefixRoutes: [String: Handler] = [:]
    var log: [RecordedRequest] = []
    var openConnections: [Int: Int32] = [:]
    var connectionsAccepted = 0
    var peakConnections = 0
    var activeResponses = 0
    var peakResponses = 0

    /// Starts listening on 127.0.0.1 at an ephemeral port. The server stops by itself after `lifetime` seconds.
    public init(lifetime: TimeInterval = 120) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerError("socket: \(String(cString: strerror(errno)))") }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 512) == 0 else {
            let message = String(cString: strerror(errno))
            close(fd)
            throw ServerError("bind/listen on 127.0.0.1: \(message)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listenFD = fd
        port = UInt16(bigEndian: address.sin_port)
        self.lifetime = lifetime
        deadline = Date().addingTimeInterval(lifetime)
        startThread(name: "HTTPTestServer.accept") { $0.acceptLoop() }
    }

    deinit { stop() }

    // MARK: Public API

    /// `http://127.0.0.1:<port><path>`.
    public func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Answers requests whose path (without query) is `path`; paths with no route get 404.
    public func route(_ path: String, _ handler: @escaping Handler) {
        lock.withLock { routes[path] = handler }
    }

    public func route(_ path: String, _ response: Response) {
        route(path) { _ in response }
    }

    /// Answers every path under `prefix` that has no exact route (the longest matching prefix wins).
    public func route(prefix: String, _ handler: @escaping Handler) {
        lock.withLock { prefixRoutes[prefix] = handler }
    }
    /// Every request received so far, in arrival order.
    public var requests: [RecordedRequest] { lock.withLock { log } }

    public func requests(for path: String) -> [RecordedRequest] { requests.filter { $0.path == path } }

    /// TCP connections accepted so far.
    public var connectionCount: Int { lock.withLock { connectionsAccepted } }
    /// The most connections open at the same time.
    public var maxConcurrentConnections: Int { lock.withLock { peakConnections } }
    /// The most responses in progress at the same time (requests received but not yet fully answered).
    public var maxConcurrentResponses: Int { lock.withLock { peakResponses } }

    /// Checks `condition` every 10 ms until it holds or `timeout` passes; returns whether it held.
    /// Async on purpose: a blocking wait would starve Swift's small cooperative pool, including the client under test.
    @discardableResult
    public func wait(timeout: TimeInterval, until condition: (HTTPTestServer) -> Bool) async -> Bool {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            if condition(self) { return true }
            try? await Task.sleep(nanoseconds: 10_000_000)
        }
        return condition(self)
    }

    /// Stops accepting, drops every connection and waits for all server threads to end. Idempotent.
    public func stop() {
        let fds: [Int32] = lock.withLock {
            if stopping { return [] }
            stopping = true
            return Array(openConnections.values)
        }
        // Wakes threads blocked in send/recv; each thread closes its own descriptor.
        for fd in fds { shutdown(fd, Int32(SHUT_RDWR)) }
        _ = threads.wait(timeout: .now() + 10)
    }
    public struct ServerError: Error, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }
    // MARK: Threads

    var isStopping: Bool {
        lock.withLock { stopping } || Date() >= deadline
    }

    func startThread(name: String, _ body: @escaping @Sendable (HTTPTestServer) -> Void) {
        threads.enter()
        let thread = Thread { [self] in
            body(self)
            threads.leave()
        }
        thread.name = name
        thread.start()
    }

    func acceptLoop() {
        defer { close(listenFD) }
        while !isStopping {
            var pfd = pollfd(fd: listenFD, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, 50) > 0 else { continue }
            let fd = accept(listenFD, nil, nil)
            guard fd >= 0 else { continue }
            var one: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            let id: Int? = lock.withLock {
                if stopping { return nil }
                connectionsAccepted += 1
                openConnections[connectionsAccepted] = fd
                peakConnections = max(peakConnections, openConnections.count)
                return connectionsAccepted
            }
            guard let id else { close(fd); break }
            startThread(name: "HTTPTestServer.connection") { $0.serve(connection: id, fd: fd) }
        }
        // Past the lifetime: make sure connection threads notice too.
        lock.withLock { stopping = true }
        let fds = lock.withLock { Array(openConnections.values) }
        for fd in fds { shutdown(fd, Int32(SHUT_RDWR)) }
    }

    func serve(connection id: Int, fd: Int32) {
        defer {
            lock.withLock { _ = openConnections.removeValue(forKey: id) }
            close(fd)
        }
        var buffer = Data()
        while !isStopping {
            guard let head = readHead(fd: fd, buffer: &buffer) else { return }
            guard var request = Self.parse(head: head, connection: id) else {
                _ = sendAll(fd, Data("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8))
                return
            }
            // Request bodies are not expected (GET/HEAD); skip one if announced.
            if let length = request.header("Content-Length").flatMap(Int.init), length > 0 {
                while buffer.count < length, !isStopping, readMore(fd: fd, into: &buffer) {}
                buffer.removeFirst(min(length, buffer.count))
            }
            let handler: Handler? = lock.withLock {
                routes[request.path] ?? prefixRoutes.filter { request.path.hasPrefix($0.key) }
                    .max { $0.key.count < $1.key.count }?.value
            }
            let response = handler?(request) ?? .status(404)
            let index: Int = lock.withLock {
                log.append(request)
                activeResponses += 1
                peakResponses = max(peakResponses, activeResponses)
                return log.count - 1
            }
            let keepAlive = respond(response, to: &request, fd: fd)
            lock.withLock {
                activeResponses -= 1
                log[index].completed = request.completed
                log[index].clientAborted = request.clientAborted
                log[index].bodyBytesSent = request.bodyBytesSent
            }
            if !keepAlive { return }
        }
    }
}
