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
        guard url.contains("@") || url.contains("?"),
              var components = URLComponents(string: url), components.scheme != nil else { return url }
        var changed = false
        if components.percentEncodedUser != nil || components.percentEncodedPassword != nil {
            // The user name goes too: private feeds often put the token there (`https://TOKEN@host/feed`).
            components.percentEncodedPassword = nil
            components.percentEncodedUser = mask
            changed = true
        }
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

    /// Whether `url` carries anything `redacted` masks.
    public static func hasCredentials(_ url: String) -> Bool { redacted(url) != url }

    static func isSecret(_ name: String) -> Bool {
        let name = name.lowercased()
        return secretParameters.contains(name) || secretSuffixes.contains { name.hasSuffix($0) }
    }
}
