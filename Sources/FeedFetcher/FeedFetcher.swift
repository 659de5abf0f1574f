import Foundation
import FeedModel

/// What to fetch, with the validators from the previous fetch for a conditional GET.
public struct FetchRequest: Sendable, Hashable {
    public var feedID: Int64
    public var url: String
    public var etag: String?
    public var lastModified: String?

    public init(feedID: Int64, url: String, etag: String? = nil, lastModified: String? = nil) {
        self.feedID = feedID
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
    }
}

public enum FetchOutcome: Sendable {
    /// A complete body (decompressed).
    case body(Data)
    /// 304: nothing changed since the validators.
    case notModified
    case failed(FetchError)
}

/// Why a fetch failed, with a one-line message naming the cause.
public struct FetchError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        case http(status: Int)
        case transport
        case timeout
        case tooLarge
        case truncated
        case redirectLoop
    }
    public var kind: Kind
    public var message: String
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
    public var description: String { message }
}

public struct FetchResult: Sendable {
    public var request: FetchRequest
    public var outcome: FetchOutcome
    /// HTTP status of the final response (nil for file:// and transport errors).
    public var status: Int?
    public var etag: String?
    public var lastModified: String?
    public var contentType: String?
    /// The URL the body finally came from, after redirects.
    public var effectiveURL: String?
    /// Set when every redirect on the way was permanent (301/308): where the feed now lives.
    public var permanentRedirect: String?
    /// From Retry-After (seconds or HTTP date), made absolute.
    public var retryAfter: Date?
    /// From Cache-Control max-age / Expires: not worth asking again before this.
    public var freshUntil: Date?
    public var durationMs: Int
    /// Bytes received over the wire.
    public var bytes: Int

    public init(request: FetchRequest, outcome: FetchOutcome, status: Int? = nil, etag: String? = nil,
                lastModified: String? = nil, contentType: String? = nil, effectiveURL: String? = nil,
                permanentRedirect: String? = nil, retryAfter: Date? = nil, freshUntil: Date? = nil,
                durationMs: Int = 0, bytes: Int = 0) {
        self.request = request
        self.outcome = outcome
        self.status = status
        self.etag = etag
        self.lastModified = lastModified
        self.contentType = contentType
        self.effectiveURL = effectiveURL
        self.permanentRedirect = permanentRedirect
        self.retryAfter = retryAfter
        self.freshUntil = freshUntil
        self.durationMs = durationMs
        self.bytes = bytes
    }
}

public struct FetchConfiguration: Sendable, Hashable {
    public var maxConcurrent: Int = 16
    public var maxPerHost: Int = 4
    public var connectTimeout: TimeInterval = 10
    public var totalTimeout: TimeInterval = 60
    /// Abort when slower than `lowSpeedBytesPerSecond` for `lowSpeedSeconds`.
    public var lowSpeedBytesPerSecond: Int = 100
    public var lowSpeedSeconds: Int = 20
    public var maxBodyBytes: Int = 32 * 1024 * 1024
    public var maxRedirects: Int = 8
    public var userAgent: String = "feedd/0.1 (+https://github.com/feedd/feedd)"

    public init() {}
}

/// The libcurl multi engine: many transfers on one event loop running on its own thread.
public final class FeedFetcher: Sendable {
    public let configuration: FetchConfiguration

    public init(configuration: FetchConfiguration = FetchConfiguration()) {
        self.configuration = configuration
    }

    /// Fetches every request concurrently; results arrive as transfers finish.
    public func fetchAll(_ requests: [FetchRequest]) -> AsyncStream<FetchResult> {
        // STUB: replaced by the FeedFetcher implementation.
        AsyncStream { continuation in
            for request in requests {
                continuation.yield(FetchResult(request: request, outcome: .failed(FetchError(.transport, "fetcher not implemented"))))
            }
            continuation.finish()
        }
    }
}
