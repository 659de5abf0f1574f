import FeedModel

/// Feed text made safe to carry into every output format: control characters (which XML forbids and terminals
/// interpret) removed, white space collapsed. Escaping for a format is the renderer's job, not this one's.
enum FeedText {
    static func clean(_ text: String?) -> String {
        guard let text, !text.isEmpty else { return "" }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let control = v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D
            if control || (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF {
                scalars.append(" ")
            } else {
                scalars.append(scalar)
            }
        }
        return TextNormalization.collapseWhitespace(String(scalars))
    }

    /// Drops a trailing " - Outlet" / " | Outlet" that aggregators and some publishers append to titles, when it
    /// names the outlet the item came from: the outlet is already listed beside it.
    static func stripOutletSuffix(_ title: String, outlet: String) -> String {
        guard !outlet.isEmpty else { return title }
        let lowerTitle = title.lowercased(), lowerOutlet = outlet.lowercased()
        for separator in [" - ", " | ", " – ", " — ", " · "] {
            let suffix = separator + lowerOutlet
            if lowerTitle.hasSuffix(suffix), title.count > suffix.count + 3 {
                return String(title.dropLast(suffix.count))
            }
        }
        return title
    }

    /// Lowercased words of a title, punctuation dropped: what "near-identical" compares.
    static func words(_ title: String) -> [String] {
        title.lowercased()
            .split { !($0.isLetter || $0.isNumber) }
            .map(String.init)
    }

    /// An ASCII slug for in-page anchors; never empty.
    static func slug(_ text: String, fallback: String) -> String {
        var out = ""
        var dash = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(Character(scalar)) {
                if dash, !out.isEmpty { out.append("-") }
                out.unicodeScalars.append(scalar)
                dash = false
            } else {
                dash = true
            }
        }
        return out.isEmpty ? fallback : out
    }
}
