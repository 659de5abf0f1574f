import CCurl
import Foundation

/// Turns a finished transfer (libcurl's result code plus what the callbacks saw) into a FetchResult.
extension Transfer {
    func result(code: CURLcode, now: Date = Date()) -> FetchResult {
        var responseCode = 0
        _ = feedd_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &responseCode)
        var downloaded: curl_off_t = 0
        _ = feedd_easy_getinfo_off(easy, CURLINFO_SIZE_DOWNLOAD_T, &downloaded)
        let isFile = request.url.lowercased().hasPrefix("file:")
        let status: Int? = (isFile || responseCode == 0) ? nil : responseCode
        let effectiveURL = currentURL

        var result = FetchResult(request: request, outcome: .notModified, status: status,
                                 effectiveURL: effectiveURL, durationMs: elapsedMs, bytes: Int(downloaded))
        if status != nil {
            result.etag = headers["etag"]
            result.lastModified = headers["last-modified"]
            result.contentType = headers["content-type"]
            result.retryAfter = FreshnessHeaders.retryAfter(headers["retry-after"], serverDate: headers["date"], now: now)
            result.freshUntil = FreshnessHeaders.freshUntil(cacheControl: headers["cache-control"],
                                                            expires: headers["expires"], age: headers["age"],
                                                            serverDate: headers["date"], now: now)
            result.permanentRedirect = Self.permanentTarget(hopStatuses: hopStatuses, finalURL: effectiveURL)
        }
        result.outcome = outcome(code: code, status: status)
        if case .notModified = result.outcome {
            result.etag = result.etag ?? request.etag
            result.lastModified = result.lastModified ?? request.lastModified
        }
        return result
    }

    /// The final URL when at least one redirect happened, every one was permanent (301/308) and the chain ended
    /// somewhere (a final response that is not itself a redirect: not a loop, not cut off by the hop limit).
    static func permanentTarget(hopStatuses: [Int], finalURL: String) -> String? {
        guard let last = hopStatuses.last, !redirectStatuses.contains(last) else { return nil }
        let redirects = hopStatuses.dropLast()
        guard !redirects.isEmpty, redirects.allSatisfy({ $0 == 301 || $0 == 308 }) else { return nil }
        return finalURL
    }

    static let redirectStatuses: Set<Int> = [301, 302, 303, 307, 308]

    private func outcome(code: CURLcode, status: Int?) -> FetchOutcome {
        if let abortReason { return .failed(abortReason) }
        let detail = curlErrorText.isEmpty ? String(cString: curl_easy_strerror(code)) : curlErrorText
        switch code {
        case CURLE_OK:
            break
        case CURLE_PARTIAL_FILE:
            return .failed(FetchError(.truncated, "truncated body: \(detail)"))
        case CURLE_OPERATION_TIMEDOUT:
            return .failed(FetchError(.timeout, "timed out: \(detail)"))
        case CURLE_FILESIZE_EXCEEDED:
            return .failed(FetchError(.tooLarge, "response larger than \(ByteCount(maxBodyBytes)), refused"))
        case CURLE_TOO_MANY_REDIRECTS:
            return .failed(FetchError(.redirectLoop, "too many redirects: \(detail)"))
        case CURLE_BAD_CONTENT_ENCODING:
            return .failed(FetchError(.transport, "undecodable body (bad Content-Encoding): \(detail)"))
        default:
            return .failed(FetchError(.transport, detail))
        }
        switch status {
        case 304?:
            return .notModified
        case let status? where status >= 300:
            let reason = headers.status == status ? Self.reasonPhrase(status) : ""
            return .failed(FetchError(.http(status: status), "HTTP \(status)\(reason.isEmpty ? "" : " \(reason)")"))
        default:
            return .body(body)
        }
    }

    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 300: "Multiple Choices"
        case 301, 302, 303, 307, 308: "redirect without a usable Location"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 406: "Not Acceptable"
        case 408: "Request Timeout"
        case 410: "Gone"
        case 429: "Too Many Requests"
        case 451: "Unavailable For Legal Reasons"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: ""
        }
    }
}
