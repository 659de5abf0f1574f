import CCurl

/// libcurl's process-wide state: `curl_global_init` must run once before any handle exists.
enum CurlRuntime {
    /// Swift runs a global's initialiser exactly once, thread-safely.
    private static let initialized: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

    static func ensureInitialized() {
        _ = initialized
    }
}
