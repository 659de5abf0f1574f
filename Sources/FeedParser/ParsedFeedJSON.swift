import Foundation
import FeedModel

/// `ParsedFeed` as the JSON of `feedd parse --json`: every key always present, `null` for missing values, `[]` for
/// empty lists, dates as ISO 8601 UTC with seconds and `Z`, keys in the contract's order.
public enum ParsedFeedJSON {
    public static func encode(_ feed: ParsedFeed) -> String {
        var w = JSONWriter()
        w.raw("{")
        w.key("format", first: true); w.string(feed.format.rawValue)
        w.key("title"); w.string(feed.title)
        w.key("link"); w.string(feed.link)
        w.key("description"); w.string(feed.description)
        w.key("language"); w.string(feed.language)
        w.key("updated"); w.date(feed.updated)
        w.key("entries"); w.raw("[")
        for (index, entry) in feed.entries.enumerated() {
            if index > 0 { w.raw(",") }
            w.raw("{")
            w.key("id", first: true); w.string(entry.id)
            w.key("title"); w.string(entry.title)
            w.key("link"); w.string(entry.link)
            w.key("published"); w.date(entry.published)
            w.key("updated"); w.date(entry.updated)
            w.key("author"); w.string(entry.author)
            w.key("summary"); w.string(entry.summary)
            w.key("content"); w.string(entry.content)
            w.key("categories"); w.raw("[")
            for (i, category) in entry.categories.enumerated() {
                if i > 0 { w.raw(",") }
                w.string(category)
            }
            w.raw("]")
            w.key("enclosures"); w.raw("[")
            for (i, enclosure) in entry.enclosures.enumerated() {
                if i > 0 { w.raw(",") }
                w.raw("{")
                w.key("url", first: true); w.string(enclosure.url)
                w.key("type"); w.string(enclosure.type)
                w.key("length"); w.raw(enclosure.length.map(String.init) ?? "null")
                w.raw("}")
            }
            w.raw("]}")
        }
        w.raw("]}")
        return w.output
    }
}

private struct JSONWriter {
    var output = ""

    mutating func raw(_ s: String) { output += s }

    mutating func key(_ name: String, first: Bool = false) {
        if !first { output += "," }
        string(name)
        output += ":"
    }

    mutating func date(_ date: Date?) {
        guard let date else { output += "null"; return }
        string(ISO8601UTC.string(from: date))
    }

    mutating func string(_ value: String?) {
        guard let value else { output += "null"; return }
        output += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
