import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Static files, gzip and HTTP dates and reasons: the helpers routes are built from.
extension HTTPTestServer {
    /// Serves the files under `directory` at `prefix` (e.g. "/feeds/"), like a static web server: ETag from the
    /// content, Last-Modified from the file's mtime (so conditional GETs get 304), gzip when the client accepts it.
    /// Files are read on each request, so tests can change them between fetches. Missing files and paths that try
    /// to leave the directory get 404.
    public func serveDirectory(_ directory: URL, at prefix: String = "/") {
        let root = directory.standardizedFileURL
        route(prefix: prefix) { request in
            let relative = String(request.path.dropFirst(prefix.count)).removingPercentEncoding ?? ""
            let file = root.appendingPathComponent(relative).standardizedFileURL
            guard file.path.hasPrefix(root.path + "/"), !relative.split(separator: "/").contains(".."),
                  let data = FileManager.default.contents(atPath: file.path) else { return .status(404) }
            let modified = (try? FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date) ?? nil
            var hasher = Hasher()
            hasher.combine(data)  // per-process seed: stable for the server's lifetime, which is all a test needs
            let etag = "\"\(String(UInt(bitPattern: hasher.finalize()), radix: 16))-\(data.count)\""
            var response = Response.ok(data, contentType: Self.contentType(for: file.pathExtension), etag: etag,
                                       lastModified: modified.map { Self.httpDate($0) })
            response.gzippedBody = try? Self.gzip(data)
            return response
        }
    }

    static func contentType(for pathExtension: String) -> String {
        switch pathExtension.lowercased() {
        case "rss": "application/rss+xml"
        case "atom": "application/atom+xml"
        case "json": "application/feed+json"
        case "xml", "rdf": "application/xml"
        case "html", "htm": "text/html"
        default: "application/octet-stream"
        }
    }

    /// gzip-compresses `data` with the system's gzip (Foundation on Linux has no compressor).
    public static func gzip(_ data: Data) throws -> Data {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("httptestserver-\(UUID().uuidString)")
        try data.write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-c", "-n", input.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let compressed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ServerError("gzip exited with \(process.terminationStatus)") }
        return compressed
    }

    // MARK: HTTP details

    static func validatorsMatch(_ request: RecordedRequest, _ headers: [HeaderField]) -> Bool {
        func value(_ name: String) -> String? {
            headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
        if let inm = request.header("If-None-Match") {
            guard let etag = value("ETag") else { return false }
            let tags = inm.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            return tags.contains("*") || tags.contains(etag)
        }
        if let ims = request.header("If-Modified-Since"), let modified = value("Last-Modified") {
            if ims == modified { return true }
            guard let since = httpDate(ims), let last = httpDate(modified) else { return false }
            return last <= since
        }
        return false
    }

    /// Parses an IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT").
    public static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }

    /// Formats an IMF-fixdate.
    public static func httpDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 303: "See Other"
        case 304: "Not Modified"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 410: "Gone"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}
