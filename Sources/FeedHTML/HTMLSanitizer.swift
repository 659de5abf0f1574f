/// Allow-list sanitising of untrusted HTML for display.
import Foundation

public enum HTMLSanitizer {
    /// Only http(s) and mailto links survive; everything else is dropped.
    public static func safeLink(_ url: String?) -> String? {
        guard let url else { return nil }
        let lower = url.trimmingCharacters(in: .whitespaces).lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:") ? url : nil
    }
}
