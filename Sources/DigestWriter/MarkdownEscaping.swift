import Foundation

/// Feed text made inert in Markdown: characters that would start emphasis, links, images, code or raw HTML are
/// backslash-escaped; link destinations are percent-encoded where `<…>` destinations would end or break.
enum MarkdownEscaping {
    static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "#"]

    static func text(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.count)
        for character in value {
            if special.contains(character) { out.append("\\") }
            out.append(character)
        }
        // A leading "1." or "-" would turn the line into a list item.
        if let first = out.first, first == "-" || first == "+" || first.isNumber {
            if first.isNumber, let dot = out.firstIndex(where: { !$0.isNumber }), out[dot] == "." || out[dot] == ")" {
                out.insert("\\", at: dot)
            } else if !first.isNumber {
                out.insert("\\", at: out.startIndex)
            }
        }
        return out
    }

    static func destination(_ link: String) -> String {
        var out = ""
        for scalar in link.unicodeScalars {
            switch scalar {
            case "<": out += "%3C"
            case ">": out += "%3E"
            case " ": out += "%20"
            case "\\": out += "%5C"
            case "\"": out += "%22"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A copy of the digest with every feed-supplied string escaped for Markdown.
    static func escaped(_ digest: DailyDigest) -> DailyDigest {
        var copy = digest
        copy.title = text(digest.title)
        copy.sections = digest.sections.map { section in
            var s = section
            s.name = text(section.name)
            s.stories = section.stories.map(story)
            return s
        }
        copy.updates = digest.updates.map(story)
        copy.failures = digest.failures.map { failure in
            var f = failure
            f.name = text(failure.name)
            f.reason = text(failure.reason)
            f.url = text(failure.url)
            return f
        }
        return copy
    }

    static func story(_ story: DigestStory) -> DigestStory {
        var s = story
        s.headline = text(story.headline)
        s.summary = story.summary.map(text)
        s.link = story.link.map(destination)
        s.articles = story.articles.map { article in
            var a = article
            a.title = text(article.title)
            a.outlets = article.outlets.map { outlet in
                var o = outlet
                o.name = text(outlet.name)
                o.link = outlet.link.map(destination)
                return o
            }
            return a
        }
        return s
    }
}
