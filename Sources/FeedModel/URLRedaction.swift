import Foundation

/// A feed address as it may be shown: logs, the digest's "Feed problems" and its JSON travel further than the
/// configuration, and private feeds carry their credentials in the address (`https://user:pass@host/feed`,
/// `…/feed?token=…`). The user-info and the values of secret-looking query parameters become `***`.
public enum URLRedaction {
    public static let mask = "***"

    /// Query parameters whose value is a credential by name (compared lower-cased; see also `secretSuffixes`).
    static let secretParameters: Set<String> = [
        "auth", "key", "apikey", "api_key", "api-key", "pass", "passwd", "pwd", "sig", "signature", "sessionid",
        "hmac",
    ]
    /// `token`, `access_token`, `private_token`, `client_secret`, `feed_password`…
    static let secretSuffixes = ["token", "secret", "password"]

    /// `url` with its credentials masked; the very string when it has none (or is no URL with a scheme).
    public static func redacted(_ url: String) -> String {
        let url = maskingUserInfo(url)
        guard url.contains("?"), var components = URLComponents(string: url), components.scheme != nil else {
            return url
        }
        var changed = false
        if let items = components.percentEncodedQueryItems {
            let masked = items.map { item in
                isSecret(item.name) && item.value?.isEmpty == false ? URLQueryItem(name: item.name, value: mask) : item
            }
            if masked != items {
                components.percentEncodedQueryItems = masked
                changed = true
            }
        }
        return changed ? components.string ?? url : url
    }

    /// Everything between `://` and the last `@` before the path or query: the user name goes too (private feeds often put
    /// the token there, `https://TOKEN@host/feed`). Read from the string, not `URLComponents`, so that a password
    /// with a character a URL must escape (`#`, a space) is masked rather than left whole because parsing failed.
    static func maskingUserInfo(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return url }
        return String(url[..<schemeEnd.upperBound]) + mask + String(rest[at...])
    }

    static func isSecret(_ name: String) -> Bool {
        let name = name.lowercased()
        return secretParameters.contains(name) || secretSuffixes.contains { name.hasSuffix($0) }
    }
}
