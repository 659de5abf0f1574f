import Foundation

public enum FetchOutcome: Sendable {
    /// A complete body (decompressed).
    case body(Data)
    /// 304: nothing changed since the validators.
    case notModified
    case failed(FetchError)
}

public struct FetchResult: Sendable {
    public var request: FetchRequest
    public var outcome: FetchOutcome
    /// HTTP status of the final response (nil for file:// and transport errors).
    public var status: Int?
    /// Validators to send next time. On a 304 that did not repeat them, the request's own are carried over,
    /// so the store can always save what it finds here.
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

extension FetchResult {
    /// The failure, if the fetch failed.
    public var error: FetchError? {
        if case .failed(let error) = outcome { return error }
        return nil
    }

    /// 410 Gone: the publisher retired the feed; keep it, mark it disabled, stop fetching it.
    public var isGone: Bool { status == 410 }
}
