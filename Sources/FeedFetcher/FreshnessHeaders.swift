import Foundation

/// How long a response says not to ask again: Retry-After, Cache-Control max-age and Expires, made absolute.
/// Pure functions of the header values and `now`.
enum FreshnessHeaders {
    /// Retry-After: delta-seconds or an HTTP date. An HTTP date is read against the server's own `Date`
    /// when given, so a skewed server clock does not move it. Nil when absent, unparseable or not in the future.
    static func retryAfter(_ value: String?, serverDate: String? = nil, now: Date) -> Date? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if value.allSatisfy(\.isNumber) {
            guard let seconds = Int(value), seconds > 0 else { return nil }
            return now.addingTimeInterval(TimeInterval(seconds))
        }
        guard let when = HTTPDate.parse(value) else { return nil }
        let delay = when.timeIntervalSince(serverDate.flatMap(HTTPDate.parse) ?? now)
        return delay > 0 ? now.addingTimeInterval(delay) : nil
    }

    /// Cache-Control max-age (minus Age) wins over Expires; no-store / no-cache mean "ask every time".
    /// Expires is read against the server's `Date` when given. Nil when nothing says the response stays fresh.
    static func freshUntil(cacheControl: String?, expires: String?, age: String? = nil, serverDate: String? = nil,
                           now: Date) -> Date? {
        if let cacheControl {
            var maxAge: Int?
            for directive in cacheControl.lowercased().split(separator: ",") {
                let parts = directive.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                switch parts[0] {
                case "no-store", "no-cache": return nil
                case "max-age" where parts.count == 2:
                    maxAge = Int(parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
                default: continue
                }
            }
            if let maxAge {
                let remaining = maxAge - (age.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 0)
                return remaining > 0 ? now.addingTimeInterval(TimeInterval(remaining)) : nil
            }
        }
        guard let expires, let when = HTTPDate.parse(expires) else { return nil }
        let remaining = when.timeIntervalSince(serverDate.flatMap(HTTPDate.parse) ?? now)
        return remaining > 0 ? now.addingTimeInterval(remaining) : nil
    }
}
