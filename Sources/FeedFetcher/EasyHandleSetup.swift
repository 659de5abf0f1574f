import CCurl
import Foundation

/// The libcurl options every transfer gets: politeness, limits, redirects, decoding and the callbacks.
extension Transfer {
    static let acceptHeader = "Accept: application/rss+xml, application/atom+xml, application/feed+json, "
        + "application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8"

    /// Applies the options; nil on success, else libcurl's complaint (e.g. a URL it cannot take).
    func configure(_ configuration: FetchConfiguration) -> String? {
        var failure: CURLcode = CURLE_OK
        func set(_ option: CURLoption, _ value: Int) {
            let code = feedd_easy_setopt_long(easy, option, value)
            if code != CURLE_OK, failure == CURLE_OK { failure = code }
        }
        func set(_ option: CURLoption, _ value: String) {
            let code = feedd_easy_setopt_string(easy, option, value)
            if code != CURLE_OK, failure == CURLE_OK { failure = code }
        }

        set(CURLOPT_URL, request.url)
        // Threads and signals don't mix: no SIGALRM-based DNS timeouts.
        set(CURLOPT_NOSIGNAL, 1)
        _ = feedd_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer)
        set(CURLOPT_USERAGENT, configuration.userAgent)
        // Empty string = every encoding this libcurl decodes (gzip, deflate, br, zstd here).
        set(CURLOPT_ACCEPT_ENCODING, "")
        set(CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS))
        // Over TLS, wait for a connection that may turn out to be HTTP/2 and multiplex on it rather than opening
        // another. Not for cleartext: that is HTTP/1.1 anyway, and a hanging response would hold the others back.
        if request.url.lowercased().hasPrefix("https:") { set(CURLOPT_PIPEWAIT, 1) }
        // Feeds live on http(s) or local files; a redirect must never lead to a local file.
        set(CURLOPT_PROTOCOLS_STR, "http,https,file")
        set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        set(CURLOPT_FOLLOWLOCATION, 1)
        set(CURLOPT_MAXREDIRS, configuration.maxRedirects)
        set(CURLOPT_AUTOREFERER, 0)
        set(CURLOPT_SSL_VERIFYPEER, 1)
        set(CURLOPT_SSL_VERIFYHOST, 2)
        if let caBundlePath = configuration.caBundlePath { set(CURLOPT_CAINFO, caBundlePath) }
        // A proxy's "200 Connection established" must not look like a hop.
        set(CURLOPT_SUPPRESS_CONNECT_HEADERS, 1)
        set(CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(configuration.connectTimeout))
        set(CURLOPT_TIMEOUT_MS, Self.milliseconds(configuration.totalTimeout))
        set(CURLOPT_LOW_SPEED_LIMIT, configuration.lowSpeedBytesPerSecond)
        set(CURLOPT_LOW_SPEED_TIME, configuration.lowSpeedSeconds)
        if failure == CURLE_OK {
            // Rejects an announced Content-Length over the cap before any body byte arrives.
            failure = feedd_easy_setopt_off(easy, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(configuration.maxBodyBytes))
        }

        var headerList = curl_slist_append(nil, Self.acceptHeader)
        if let etag = request.etag, !etag.isEmpty {
            headerList = curl_slist_append(headerList, "If-None-Match: \(Self.singleLine(etag))")
        }
        if let lastModified = request.lastModified, !lastModified.isEmpty {
            headerList = curl_slist_append(headerList, "If-Modified-Since: \(Self.singleLine(lastModified))")
        }
        requestHeaders = headerList
        _ = feedd_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, headerList)

        let context = Unmanaged.passUnretained(self).toOpaque()
        _ = feedd_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, context)
        _ = feedd_easy_setopt_write_callback(easy, CURLOPT_WRITEFUNCTION) { data, size, count, context in
            guard let context else { return 0 }
            let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
            let length = size * count
            return transfer.receiveBody(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
        }
        _ = feedd_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, context)
        _ = feedd_easy_setopt_write_callback(easy, CURLOPT_HEADERFUNCTION) { data, size, count, context in
            guard let context else { return 0 }
            let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
            let length = size * count
            return transfer.receiveHeaderLine(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
        }
        return failure == CURLE_OK ? nil : String(cString: curl_easy_strerror(failure))
    }

    private static func milliseconds(_ seconds: TimeInterval) -> Int {
        max(1, Int((seconds * 1000).rounded()))
    }

    /// Stored validators come from servers: never let one smuggle a header line in.
    private static func singleLine(_ value: String) -> String {
        // By scalar: "\r\n" is a single Character in Swift.
        String(String.UnicodeScalarView(value.unicodeScalars.filter { $0 != "\r" && $0 != "\n" }))
    }
}
