import CCurl
import Foundation

/// HTTP dates in all three legal forms (IMF-fixdate, RFC 850, asctime), parsed by libcurl's own date parser.
enum HTTPDate {
    static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        let seconds = curl_getdate(trimmed, nil)
        guard seconds != -1 else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
