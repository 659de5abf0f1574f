import Foundation

/// Relative references made absolute: links against xml:base / the document URL, and the `href`/`src` attributes
/// inside HTML content.
enum URLResolution {
    /// `reference` resolved against `base`; absolute references and references without a base come back trimmed.
    static func resolve(_ reference: String, against base: URL?) -> String? {
        let trimmed = reference.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        guard let base, !hasScheme(trimmed) else { return trimmed }
        let escaped = trimmed.contains(" ") ? trimmed.replacingOccurrences(of: " ", with: "%20") : trimmed
        return URL(string: escaped, relativeTo: base)?.absoluteString ?? trimmed
    }

    /// A base URL from a (possibly relative) xml:base or link.
    static func baseURL(_ reference: String, against base: URL?) -> URL? {
        guard let resolved = resolve(reference, against: base), hasScheme(resolved) else { return nil }
        return URL(string: resolved)
    }

    /// `scheme:` at the start (RFC 3986: a letter, then letters, digits, `+`, `-`, `.`).
    static func hasScheme(_ s: String) -> Bool {
        var first = true
        for c in s.utf8 {
            if c == UInt8(ascii: ":") { return !first }
            let letter = (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A
            if first { guard letter else { return false }; first = false; continue }
            guard letter || (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "+") || c == UInt8(ascii: "-")
                || c == UInt8(ascii: ".") else { return false }
        }
        return false
    }

    private static let urlAttributes: Set<String> = ["href", "src", "poster", "cite", "background", "longdesc"]

    /// Rewrites relative `href`/`src`/... attribute values in an HTML fragment. Markup is otherwise left as it is;
    /// the fragment is only rebuilt when something changed.
    static func resolveURLs(inHTML html: String, base: URL?) -> String {
        guard let base, html.utf8.contains(UInt8(ascii: "=")) else { return html }
        var changed = false
        var out: [UInt8] = []
        var html = html
        html.withUTF8 { p in
            let n = p.count
            var i = 0
            var copied = 0
            while i < n {
                guard p[i] == UInt8(ascii: "<"), i + 1 < n, (p[i + 1] | 0x20) >= 0x61, (p[i + 1] | 0x20) <= 0x7A else { i += 1; continue }
                // Inside a start tag: walk its attributes.
                i += 1
                while i < n, p[i] != UInt8(ascii: ">"), !MarkupEscaping.isSpace(p[i]) { i += 1 }
                while i < n, p[i] != UInt8(ascii: ">") {
                    while i < n, MarkupEscaping.isSpace(p[i]) || p[i] == UInt8(ascii: "/") { i += 1 }
                    let nameStart = i
                    while i < n, p[i] != UInt8(ascii: "="), p[i] != UInt8(ascii: ">"), !MarkupEscaping.isSpace(p[i]) { i += 1 }
                    let nameEnd = i
                    while i < n, MarkupEscaping.isSpace(p[i]) { i += 1 }
                    guard i < n, p[i] == UInt8(ascii: "=") else { if nameEnd == nameStart { i += 1 }; continue }
                    i += 1
                    while i < n, MarkupEscaping.isSpace(p[i]) { i += 1 }
                    guard i < n else { break }
                    let valueStart: Int, valueEnd: Int
                    if p[i] == UInt8(ascii: "\"") || p[i] == UInt8(ascii: "'") {
                        let quote = p[i]
                        valueStart = i + 1
                        i += 1
                        while i < n, p[i] != quote { i += 1 }
                        valueEnd = i
                        if i < n { i += 1 }
                    } else {
                        valueStart = i
                        while i < n, p[i] != UInt8(ascii: ">"), !MarkupEscaping.isSpace(p[i]) { i += 1 }
                        valueEnd = i
                    }
                    let name = String(decoding: UnsafeBufferPointer(rebasing: p[nameStart..<nameEnd]), as: UTF8.self).lowercased()
                    guard urlAttributes.contains(name), valueEnd > valueStart else { continue }
                    let value = String(decoding: UnsafeBufferPointer(rebasing: p[valueStart..<valueEnd]), as: UTF8.self)
                    let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
                    guard !trimmed.isEmpty, !trimmed.hasPrefix("#"), !hasScheme(trimmed),
                          let resolved = resolve(trimmed, against: base), resolved != value else { continue }
                    if !changed { changed = true; out.reserveCapacity(n + 64) }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: p[copied..<valueStart]))
                    out.append(contentsOf: resolved.utf8)
                    copied = valueEnd
                }
            }
            if changed { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[copied..<n])) }
        }
        return changed ? String(decoding: out, as: UTF8.self) : html
    }
}
