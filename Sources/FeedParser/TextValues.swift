import FeedHTML
import FeedModel

/// Field values as the output contract wants them.
enum TextValues {
    /// A title as plain text: HTML titles lose their tags and entities; white space is collapsed.
    static func title(_ raw: String, kind: TextKind) -> String? {
        let text: String
        if kind == .text || !raw.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }) {
            text = TextNormalization.collapseWhitespace(raw)
        } else {
            text = HTMLText.plainText(fromHTML: raw)
        }
        return text.isEmpty ? nil : text
    }

    /// An RSS `<author>`: "jane@example.com (Jane Doe)", "Jane Doe <jane@example.com>", a bare address or a name.
    static func person(_ raw: String) -> (name: String?, email: String?) {
        let text = TextNormalization.collapseWhitespace(raw)
        guard !text.isEmpty else { return (nil, nil) }
        if let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close {
            let inner = text[text.index(after: open)..<close].trimmingASCIISpaces()
            let outer = text[..<open].trimmingASCIISpaces()
            if outer.contains("@") { return (inner.isEmpty ? nil : inner, outer) }
        }
        if let open = text.firstIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close {
            let inner = text[text.index(after: open)..<close].trimmingASCIISpaces()
            let outer = text[..<open].trimmingASCIISpaces().trimmingCharacters(in: ["\""])
            if inner.contains("@") { return (outer.isEmpty ? nil : outer, inner) }
        }
        if text.contains("@"), !text.contains(" ") { return (nil, text.hasPrefix("mailto:") ? String(text.dropFirst(7)) : text) }
        return (text, nil)
    }

    static func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : s }

    /// A count the feed states (`<ttl>`, `sy:updateFrequency`): a whole number above zero, else nil.
    static func positiveInteger(_ s: String) -> Int? {
        Int(s.trimmingCharacters(in: .whitespacesAndNewlines)).flatMap { $0 > 0 ? $0 : nil }
    }
}
