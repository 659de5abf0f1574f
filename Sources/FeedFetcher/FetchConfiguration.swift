import Foundation

public struct FetchConfiguration: Sendable, Hashable {
    /// Transfers in flight at once (also libcurl's total connection limit).
    public var maxConcurrent: Int = 16
    /// Transfers in flight at once to one host (scheme + host + port).
    public var maxPerHost: Int = 4
    public var connectTimeout: TimeInterval = 10
    public var totalTimeout: TimeInterval = 60
    /// Abort when slower than `lowSpeedBytesPerSecond` for `lowSpeedSeconds`.
    public var lowSpeedBytesPerSecond: Int = 100
    public var lowSpeedSeconds: Int = 20
    /// Cap on the body, enforced while downloading, both on the wire and after decompression (gzip bombs).
    public var maxBodyBytes: Int = 32 * 1024 * 1024
    public var maxRedirects: Int = 8
    public var userAgent: String = "feedd/0.1 (+https://github.com/feedd/feedd)"
    /// Extra CA certificates (PEM file) to trust, e.g. a private CA; nil = the system's. Verification stays on.
    public var caBundlePath: String?

    public init() {}
}
