import CCurl
#if canImport(Glibc)
import Glibc
#endif

/// libcurl's process-wide state: `curl_global_init` must run once before any handle exists.
enum CurlRuntime {
    /// Swift runs a global's initialiser exactly once, thread-safely.
    private static let initialized: Bool = {
        // With CURLOPT_NOSIGNAL libcurl no longer shields the process from SIGPIPE, and a TLS library writing to
        // a socket the peer has closed could raise it: a network daemon must survive that, so ignore it.
        signal(SIGPIPE, SIG_IGN)
        return curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK
    }()

    static func ensureInitialized() {
        _ = initialized
    }
}
