import Foundation

/// Relative references made absolute: links against xml:base / the document URL, and the `href`/`src` attributes
/// inside HTML content.
enum URLResolution {
    /// `reference` resolved against `base`; absolute references and references without a base come back trimmed.
    static func resolve(_ reference: String, against base: URL?) -> String? {
        let trimmed = reference.trimmingASCIISpaces()
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
        var s = s
        return s.withUTF8 { hasScheme($0) }
    }

    /// href, src, poster, cite, background, longdesc (any case), compared as bytes.
    private static func isURLAttribute(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        func equals(_ s: StaticString) -> Bool {
            guard name.count == s.utf8CodeUnitCount else { return false }
            for k in 0..<name.count where name[k] | 0x20 != s.utf8Start[k] { return false }
            return true
        }
        switch name.count {
        case 3: return equals("src")
        case 4: return equals("href") || equals("cite")
        case 6: return equals("poster")
        case 8: return equals("longdesc")
        case 10: return equals("background")
        default: return false
        }
    }

    static func hasScheme(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        var first = true
        for c in p {
            if c == UInt8(ascii: ":") { return !first }
            let letter = (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A
            if first { guard letter else { return false }; first = false; continue }
            guard letter || (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "+") || c == UInt8(ascii: "-")
                || c == UInt8(ascii: ".") else { return false }
        }
        return false
    }

    /// Rewrites relative `href`/`src`/... attribute values in an HTML fragment. Markup is otherwise left as it is;
    /// the fragment is only rebuilt when something changed.
    static func resolveURLs(inHTML html: String, base: URL?) -> String {
        guard let base, !html.isEmpty else { return html }
        var changed = false
        var out: [UInt8] = []
        var html = html
        html.withUTF8 { p in
            let n = p.count
            var i = 0
            var copied = 0
            while i < n {
                // memchr (vectorised) to the next "<".
                guard let found = memchr(p.baseAddress! + i, Int32(UInt8(ascii: "<")), n - i) else { break }
                i = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - p.baseAddress!
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
                    guard isURLAttribute(UnsafeBufferPointer(rebasing: p[nameStart..<nameEnd])) else { continue }
                    var vs = valueStart, ve = valueEnd
                    while vs < ve, MarkupEscaping.isSpace(p[vs]) { vs += 1 }
                    while ve > vs, MarkupEscaping.isSpace(p[ve - 1]) { ve -= 1 }
                    let value = UnsafeBufferPointer(rebasing: p[vs..<ve])
                    // Absolute URLs and fragments are the common case: no String is made for them.
                    guard !value.isEmpty, value[0] != UInt8(ascii: "#"), !hasScheme(value) else { continue }
                    let trimmed = String(decoding: value, as: UTF8.self)
                    guard let resolved = resolve(trimmed, against: base), resolved != trimmed else { continue }
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
