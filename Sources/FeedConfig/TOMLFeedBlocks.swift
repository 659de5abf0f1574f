import FeedModel
import Foundation

/// Text-level edits of the `[[feed]]` tables in a TOML configuration, so that everything else in the file
/// (comments, blank lines, key order, quoting) stays byte for byte. The caller re-parses the result to check it.
struct TOMLFeedBlocks {
    private let lines: [String]
    private let newline: String

    init(text: String) {
        // Split on the byte: in a Swift String "\r\n" is one Character, which a Character split would not cut.
        lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        newline = text.contains("\r\n") ? "\r\n" : "\n"
    }

    /// The line ranges of the `[[feed]]` tables, in file order: from the header to the last line that is not
    /// blank or a comment. Comments after a table's last key usually introduce what follows, so they stay.
    var blocks: [Range<Int>] {
        var result: [Range<Int>] = []
        var index = 0
        while index < lines.count {
            guard Self.header(lines[index]) == "[[feed]]" else { index += 1; continue }
            var end = index + 1
            while end < lines.count, Self.header(lines[end]) == nil { end += 1 }
            while end > index + 1, Self.isBlankOrComment(lines[end - 1]) { end -= 1 }
            result.append(index..<end)
            index = end
        }
        return result
    }

    /// The text without the `[[feed]]` table `block`, and without one of the blank lines around it, so removing
    /// a table does not leave a growing gap.
    func removing(_ block: Range<Int>) -> String {
        var kept = lines
        var range = block
        let blankBefore = block.lowerBound == 0 || Self.isBlank(lines[block.lowerBound - 1])
        if block.upperBound < lines.count - 1, Self.isBlank(lines[block.upperBound]), blankBefore {
            range = block.lowerBound..<(block.upperBound + 1)
        } else if block.upperBound >= lines.count - 1, block.lowerBound > 0, Self.isBlank(lines[block.lowerBound - 1]) {
            // The last table: drop the blank line that separated it instead, keeping the final newline.
            range = (block.lowerBound - 1)..<block.upperBound
        }
        kept.removeSubrange(range)
        return kept.joined(separator: "\n")
    }

    /// The text with a `[[feed]]` table per source appended at the end, each after a blank line.
    func appending(_ sources: [FeedSource]) -> String {
        var text = lines.joined(separator: "\n")
        if !text.isEmpty && !text.hasSuffix("\n") { text += newline }
        for source in sources {
            var block = ["[[feed]]", "url = \(Self.quoted(source.url))"]
            if let title = source.title { block.append("title = \(Self.quoted(title))") }
            if let category = source.category { block.append("category = \(Self.quoted(category))") }
            if !text.isEmpty { text += newline }
            text += block.joined(separator: newline) + newline
        }
        return text
    }

    /// A TOML basic string: quotes, backslashes and control characters escaped.
    static func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += String(format: "\\u%04X", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// "[[feed]]" or "[fetch]"-style header of a line (normalised, comment removed), or nil for any other line.
    private static func header(_ line: String) -> String? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("[[") {
            let name = trimmed.dropFirst(2).prefix { $0 != "]" }.trimmingCharacters(in: .whitespaces)
            return "[[\(name)]]"
        }
        if trimmed.hasPrefix("[") {
            let name = trimmed.dropFirst().prefix { $0 != "]" }.trimmingCharacters(in: .whitespaces)
            return "[\(name)]"
        }
        return nil
    }

    private static func isBlank(_ line: String) -> Bool {
        line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
    }

    private static func isBlankOrComment(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty || trimmed == "\r" || trimmed.hasPrefix("#")
    }
}
