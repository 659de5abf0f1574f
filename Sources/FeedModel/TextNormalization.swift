/// Small text clean-ups every stage agrees on.
public enum TextNormalization {
    /// Runs of white space (including non-breaking and zero-width spaces) become one space; ends trimmed.
    public static func collapseWhitespace(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{200B}" || scalar == "\u{FEFF}" {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(scalar)
        }
        return String(out)
    }

    /// At most `limit` characters, cut at a word boundary with an ellipsis.
    public static func truncate(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        let prefix = text.prefix(limit)
        let cut = prefix.lastIndex(of: " ").map { prefix[..<$0] } ?? prefix
        var trimmed = String(cut)
        while let last = trimmed.last, ",;:-–—".contains(last) { trimmed.removeLast() }
        return trimmed + "…"
    }
}
