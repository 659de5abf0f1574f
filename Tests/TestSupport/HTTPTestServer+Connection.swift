import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading requests and writing responses on one connection (runs on that connection's thread).
extension HTTPTestServer {
    // MARK: Reading

    /// Reads up to the blank line ending the request head; nil when the client closed or the server stops.
    func readHead(fd: Int32, buffer: inout Data) -> String? {
        let separator = Data("\r\n\r\n".utf8)
        while true {
            if let range = buffer.range(of: separator) {
                let head = String(decoding: buffer[buffer.startIndex..<range.lowerBound], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex..<range.upperBound)
                return head
            }
            if buffer.count > 64 * 1024 || isStopping || !readMore(fd: fd, into: &buffer) { return nil }
        }
    }

    /// Waits (in short polls, watching for stop) for bytes; false on EOF, error or stop.
    func readMore(fd: Int32, into buffer: inout Data) -> Bool {
        var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        while !isStopping {
            let ready = poll(&pfd, 1, 50)
            if ready < 0 && errno != EINTR { return false }
            if ready <= 0 { continue }
            var chunk = [UInt8](repeating: 0, count: 16 * 1024)
            let count = recv(fd, &chunk, chunk.count, 0)
            if count <= 0 { return false }
            buffer.append(contentsOf: chunk[0..<count])
            return true
        }
        return false
    }

    static func parse(head: String, connection: Int) -> RecordedRequest? {
        let lines = head.components(separatedBy: "\r\n")
        let parts = lines[0].split(separator: " ")
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1.") else { return nil }
        let target = String(parts[1])
        var headers: [HeaderField] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append(HeaderField(String(line[..<colon]),
                                       line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        let path = String(target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        return RecordedRequest(method: String(parts[0]), target: target, path: path, headers: headers,
                               connection: connection, receivedAt: Date())
    }

    // MARK: Writing

    /// Sends the response; returns whether the connection may serve another request.
    func respond(_ response: Response, to request: inout RecordedRequest, fd: Int32) -> Bool {
        if response.delay > 0, !pause(response.delay, fd: fd) {
            request.clientAborted = !isStopping
            return false
        }
        if case .hang = response.body {
            _ = pause(lifetime, fd: fd)
            request.clientAborted = !isStopping
            return false
        }
        var status = response.status
        var headers = response.headers
        var body = response.body
        if response.conditional, status == 200, Self.validatorsMatch(request, headers) {
            status = 304
            headers = headers.filter { ["etag", "last-modified", "cache-control", "expires"].contains($0.name.lowercased()) }
            body = .data(Data())
        } else if let gzipped = response.gzippedBody,
                  request.header("Accept-Encoding")?.lowercased().contains("gzip") == true {
            headers.append(HeaderField("Content-Encoding", "gzip"))
            body = .data(gzipped)
        }
        if response.gzippedBody != nil { headers.append(HeaderField("Vary", "Accept-Encoding")) }

        let clientWantsClose = request.header("Connection")?.lowercased() == "close"
        var keepAlive = !clientWantsClose
        let noBody = status == 304 || status == 204 || request.method == "HEAD"
        switch body {
        case .data(let data): headers.append(HeaderField("Content-Length", "\(noBody ? 0 : data.count)"))
        case .trickle(let data, _, _): headers.append(HeaderField("Content-Length", "\(data.count)"))
        case .truncated(_, let claimed):
            headers.append(HeaderField("Content-Length", "\(claimed)"))
            keepAlive = false
        case .stream(let bytes, let chunked):
            headers.append(chunked ? HeaderField("Transfer-Encoding", "chunked") : HeaderField("Content-Length", "\(bytes)"))
        case .hang: break
        }
        if status == 304 || status == 204 { headers.removeAll { $0.name.lowercased() == "content-length" } }
        if !keepAlive { headers.append(HeaderField("Connection", "close")) }

        var head = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
        for field in headers { head += "\(field.name): \(field.value)\r\n" }
        head += "\r\n"
        guard sendAll(fd, Data(head.utf8)) else {
            request.clientAborted = true
            return false
        }
        if noBody {
            request.completed = true
            return keepAlive
        }
        let delivered = sendBody(body, fd: fd, sent: &request.bodyBytesSent)
        request.completed = delivered
        request.clientAborted = !delivered && !isStopping
        if case .truncated = body { request.completed = true }
        return keepAlive && delivered
    }

    func sendBody(_ body: Body, fd: Int32, sent: inout Int) -> Bool {
        switch body {
        case .data(let data), .truncated(let data, _):
            guard sendAll(fd, data) else { return false }
            sent += data.count
            return true
        case .trickle(let data, let chunk, let pause):
            var offset = 0
            while offset < data.count {
                let end = min(offset + max(chunk, 1), data.count)
                guard sendAll(fd, data.subdata(in: offset..<end)) else { return false }
                sent += end - offset
                offset = end
                if offset < data.count, !self.pause(pause, fd: fd) { return false }
            }
            return true
        case .stream(let bytes, let chunked):
            let block = Data(repeating: UInt8(ascii: "x"), count: 64 * 1024)
            var remaining = bytes
            while remaining > 0 {
                if isStopping { return false }
                let piece = block.prefix(min(remaining, block.count))
                let framed = chunked ? Data(String(piece.count, radix: 16).utf8) + Data("\r\n".utf8) + piece + Data("\r\n".utf8) : Data(piece)
                guard sendAll(fd, framed) else { return false }
                sent += piece.count
                remaining -= piece.count
            }
            return chunked ? sendAll(fd, Data("0\r\n\r\n".utf8)) : true
        case .hang:
            return false
        }
    }

    func sendAll(_ fd: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { raw -> Bool in
            guard let base = raw.baseAddress else { return true }
            var offset = 0
            while offset < raw.count {
                let count = send(fd, base + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { return false }
                offset += count
            }
            return true
        }
    }

    /// Sleeps up to `seconds` in short steps; false if the server stops or the client closes meanwhile.
    func pause(_ seconds: TimeInterval, fd: Int32) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if isStopping { return false }
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&pfd, 1, 10) > 0 {
                // Readable during a pause means the client closed (or pipelined; peek tells).
                var byte: UInt8 = 0
                if recv(fd, &byte, 1, Int32(MSG_PEEK) | Int32(MSG_DONTWAIT)) == 0 { return false }
                if pfd.revents & Int16(POLLHUP | POLLERR) != 0 { return false }
                usleep(10_000)
            }
        }
        return true
    }
}
