import CCurl
import FeedModel
import Foundation

/// One request in flight: its easy handle and everything the callbacks learn while it runs.
/// Confined to the event-loop thread (created, driven and finished there), hence not Sendable.
final class Transfer {
    let request: FetchRequest
    let easy: OpaquePointer
    /// The key per-host limits are counted under.
    let hostKey: String
    let maxBodyBytes: Int
    let startedAt = DispatchTime.now()

    /// The decoded body of the final response (only 2xx / file bodies are kept).
    private(set) var body = Data()
    /// Decoded body bytes of the current response, kept or not.
    private var receivedBodyBytes = 0
    /// Headers of the latest response; after the transfer, of the final one.
    private(set) var headers = ResponseHeaders()
    /// Status of every response on the way, 1xx excluded: redirects first, the final response last.
    private(set) var hopStatuses: [Int] = []
    /// The URL each of those responses came from.
    private(set) var hopURLs: [String] = []
    /// Set when a callback stopped the transfer on purpose; says why better than libcurl's write error.
    private(set) var abortReason: FetchError?

    /// libcurl writes its error text here (CURLOPT_ERRORBUFFER).
    let errorBuffer: UnsafeMutablePointer<CChar>
    /// Request headers; libcurl reads them until the transfer ends.
    var requestHeaders: UnsafeMutablePointer<curl_slist>?

    init?(request: FetchRequest, hostKey: String, maxBodyBytes: Int) {
        guard let easy = curl_easy_init() else { return nil }
        self.easy = easy
        self.request = request
        self.hostKey = hostKey
        self.maxBodyBytes = maxBodyBytes
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    }

    deinit {
        curl_easy_cleanup(easy)
        curl_slist_free_all(requestHeaders)
        errorBuffer.deallocate()
    }

    var elapsedMs: Int { Int((DispatchTime.now().uptimeNanoseconds - startedAt.uptimeNanoseconds) / 1_000_000) }

    var curlErrorText: String { String(cString: errorBuffer) }

    // MARK: Callbacks (return false to abort the transfer)

    /// A body chunk, already decoded by libcurl. The cap counts decoded bytes, so a gzip bomb stops here, and it
    /// counts error pages too (which are not kept), so an endless 500 page stops as well.
    func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        receivedBodyBytes += bytes.count
        guard receivedBodyBytes <= maxBodyBytes else {
            abortReason = FetchError(.tooLarge, "response larger than \(ByteCount(maxBodyBytes)) (decoded), aborted")
            body = Data()
            return false
        }
        let status = headers.status ?? 0
        if status == 0 || (200..<300).contains(status) { body.append(contentsOf: bytes) }
        return true
    }

    /// One header line (with its CRLF). A status line starts a new response: redirects show up as a sequence.
    func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let line = Substring(String(decoding: bytes, as: UTF8.self)).trimmingCharacters(in: .newlines)[...]
        if let status = ResponseHeaders.status(ofStatusLine: line) {
            headers = ResponseHeaders(status: status)
            receivedBodyBytes = 0
            guard status >= 200 else { return true }
            let url = currentURL
            if status >= 300, status < 400, hopURLs.contains(url) {
                abortReason = FetchError(.redirectLoop, "redirect loop: "
                    + (hopURLs + [url]).map(URLRedaction.redacted).joined(separator: " -> "))
                return false
            }
            hopStatuses.append(status)
            hopURLs.append(url)
        } else if let field = ResponseHeaders.field(ofLine: line) {
            headers.fields.append(field)
        }
        return true
    }

    /// The URL of the request being answered right now (libcurl updates it on each redirect hop).
    var currentURL: String {
        var pointer: UnsafeMutablePointer<CChar>?
        guard feedd_easy_getinfo_string(easy, CURLINFO_EFFECTIVE_URL, &pointer) == CURLE_OK, let pointer else {
            return request.url
        }
        return String(cString: pointer)
    }
}

/// "32 MB", "512 KB", "100 bytes": for messages.
struct ByteCount: CustomStringConvertible {
    var bytes: Int
    init(_ bytes: Int) { self.bytes = bytes }
    var description: String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KB" }
        return "\(bytes) bytes"
    }
}
