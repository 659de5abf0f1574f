/// Finds the line of a key in TOML text. TOMLKit reports positions only for syntax errors, so semantic errors
/// (wrong type, bad value, unknown key) are located by scanning the text for the key within its table.
struct TOMLKeyLocator {
    private let lines: [Substring]

    init(text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The 1-based line where `key` is set inside `table` (nil: the root table), `index` selecting the n-th
    /// `[[table]]` of an array of tables. Without a key: the table's header line.
    func line(key: String?, table: String?, index: Int? = nil) -> Int? {
        var current: String? = nil
        var currentIndex: Int? = nil
        var arrayCounts: [String: Int] = [:]
        for (number, raw) in lines.enumerated() {
            let line = Self.stripComment(raw).trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[[") {
                let name = line.dropFirst(2).prefix { $0 != "]" }.trimmingCharacters(in: .whitespaces)
                let n = arrayCounts[name, default: 0]
                arrayCounts[name] = n + 1
                current = name
                currentIndex = n
                if key == nil, name == table, index == n { return number + 1 }
                continue
            }
            if line.hasPrefix("[") {
                let name = line.dropFirst().prefix { $0 != "]" }.trimmingCharacters(in: .whitespaces)
                current = name
                currentIndex = nil
                if key == nil, name == table, index == nil { return number + 1 }
                continue
            }
            guard let key, current == table, currentIndex == index,
                  let equals = line.firstIndex(of: "=") else { continue }
            var name = line[..<equals].trimmingCharacters(in: .whitespaces)
            if name.count >= 2, name.first == "\"" || name.first == "'" { name = String(name.dropFirst().dropLast()) }
            if name == key { return number + 1 }
        }
        return nil
    }

    /// The line without its `# comment`, leaving `#` inside quoted strings alone.
    private static func stripComment(_ line: Substring) -> String {
        var quote: Character? = nil
        var out = ""
        for ch in line {
            if let q = quote {
                if ch == q { quote = nil }
            } else if ch == "\"" || ch == "'" {
                quote = ch
            } else if ch == "#" {
                break
            }
            out.append(ch)
        }
        return out
    }
}
