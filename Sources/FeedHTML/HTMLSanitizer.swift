/// Allow-list sanitising of untrusted HTML for display.
import CLibXML
import Foundation

public enum HTMLSanitizer {
    /// Only http(s) and mailto links survive; everything else is dropped.
    public static func safeLink(_ url: String?) -> String? {
        guard let url else { return nil }
        let lower = url.trimmingCharacters(in: .whitespaces).lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:") ? url : nil
    }

    /// `html` rebuilt from an allow-list: known harmless elements keep only harmless attributes; scripts, styles,
    /// frames, plugins and forms go with their content; other elements are unwrapped (their text stays). Links must
    /// be http(s)/mailto, images http(s) and only when `allowImages`; relative URLs are resolved against `baseURL`.
    public static func sanitize(_ html: String, baseURL: URL?, allowImages: Bool) -> String {
        guard !html.isEmpty, let fragment = HTMLFragment(html) else { return "" }
        var out = ""
        out.reserveCapacity(html.utf8.count)
        fragment.walk { event in
            switch event {
            case .enter(let node, let name):
                if dropped.contains(name) || (name == "img" && !allowImages) { return false }
                guard let allowedAttributes = allowed[name] else { return true }  // unwrapped
                var tag = "<" + name
                for (attribute, value) in HTMLFragment.attributes(node) where allowedAttributes.contains(attribute) {
                    var value = value
                    if urlAttributes.contains(attribute) {
                        guard let safe = safeURL(value, base: baseURL, schemes: attribute == "src" ? imageSchemes : linkSchemes)
                        else { continue }
                        value = safe
                    }
                    tag += " " + attribute + "=\"" + escape(value, attribute: true) + "\""
                }
                if name == "img", !tag.contains(" src=") { return false }
                out += tag + ">"
            case .leave(_, let name):
                if allowed[name] != nil, !voidElements.contains(name) { out += "</" + name + ">" }
            case .text(let pointer):
                out += escape(String(cString: pointer), attribute: false)
            }
            return true
        }
        return out
    }

    /// Elements removed together with everything inside them.
    static let dropped: Set<String> = [
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input", "button",
        "select", "textarea", "noscript", "template", "svg", "math", "base", "link", "meta", "head", "title", "param",
    ]

    private static let voidElements: Set<String> = ["br", "hr", "img", "wbr", "col"]
    private static let urlAttributes: Set<String> = ["href", "src", "cite"]
    private static let linkSchemes: Set<String> = ["http", "https", "mailto"]
    private static let imageSchemes: Set<String> = ["http", "https"]

    /// Allowed elements and, for each, its allowed attributes.
    static let allowed: [String: Set<String>] = {
        var table: [String: Set<String>] = [:]
        for name in ["abbr", "acronym", "address", "b", "bdi", "bdo", "big", "br", "caption", "center", "code", "col",
                     "colgroup", "dd", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2",
                     "h3", "h4", "h5", "h6", "hr", "i", "kbd", "li", "mark", "p", "pre", "rp", "rt", "ruby", "s",
                     "samp", "small", "span", "strike", "strong", "sub", "summary", "sup", "table", "tbody", "tfoot",
                     "thead", "tr", "tt", "u", "ul", "var", "wbr", "article", "section", "aside", "header", "footer"] {
            table[name] = ["title", "lang"]
        }
        table["a"] = ["href", "title", "lang"]
        table["img"] = ["src", "alt", "title", "width", "height"]
        table["td"] = ["colspan", "rowspan", "title"]
        table["th"] = ["colspan", "rowspan", "title", "scope"]
        table["ol"] = ["start", "reversed", "type"]
        table["blockquote"] = ["cite", "title"]
        table["q"] = ["cite", "title"]
        table["del"] = ["cite", "datetime"]
        table["ins"] = ["cite", "datetime"]
        table["time"] = ["datetime"]
        return table
    }()

    /// The URL when its scheme is allowed (relative URLs are resolved first); nil otherwise. White space and control
    /// characters are ignored when looking for the scheme, as browsers do ("java\tscript:").
    static func safeURL(_ value: String, base: URL?, schemes: Set<String>) -> String? {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        let compact = String(String.UnicodeScalarView(trimmed.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }))
        if let scheme = scheme(of: compact) {
            return schemes.contains(scheme) ? trimmed : nil
        }
        guard let base else { return compact.hasPrefix("//") ? nil : trimmed }
        guard let resolved = URL(string: trimmed, relativeTo: base)?.absoluteString,
              let scheme = scheme(of: resolved), schemes.contains(scheme) else { return nil }
        return resolved
    }

    private static func scheme(of url: String) -> String? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let candidate = url[..<colon]
        guard let first = candidate.first, first.isASCII, first.isLetter,
              candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else { return nil }
        return candidate.lowercased()
    }

    static func escape(_ text: String, attribute: Bool) -> String {
        guard text.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" || (attribute && $0 == "\"") }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
