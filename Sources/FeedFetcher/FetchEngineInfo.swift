import CCurl

/// What the linked libcurl can do: "HTTP/2 where offered" and "every encoding libcurl supports" depend on how it
/// was built, so the daemon can report it (e.g. in `--version`) and tests can insist on it.
public struct FetchEngineInfo: Sendable, Hashable, CustomStringConvertible {
    public var libcurlVersion: String
    public var http2: Bool
    /// Content-Encodings this libcurl decodes (announced in Accept-Encoding).
    public var encodings: [String]
    public var sslVersion: String?

    public static var current: FetchEngineInfo {
        CurlRuntime.ensureInitialized()
        // CURLVERSION_NOW is a macro Swift cannot see; ELEVENTH is what it names in this libcurl.
        let info = curl_version_info(CURLVERSION_ELEVENTH).pointee
        let features = Int(info.features)
        var encodings: [String] = []
        if features & (1 << 3) != 0 { encodings += ["gzip", "deflate"] }  // CURL_VERSION_LIBZ
        if features & (1 << 23) != 0 { encodings.append("br") }           // CURL_VERSION_BROTLI
        if features & (1 << 26) != 0 { encodings.append("zstd") }         // CURL_VERSION_ZSTD
        return FetchEngineInfo(libcurlVersion: String(cString: info.version),
                               http2: features & (1 << 16) != 0,          // CURL_VERSION_HTTP2
                               encodings: encodings,
                               sslVersion: info.ssl_version.map { String(cString: $0) })
    }

    public var description: String {
        "libcurl \(libcurlVersion) (\(sslVersion ?? "no TLS")), HTTP/2 \(http2 ? "yes" : "no"), "
            + "encodings \(encodings.joined(separator: ", "))"
    }
}
