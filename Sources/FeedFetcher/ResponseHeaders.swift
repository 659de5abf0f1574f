import Foundation

/// The header block of one HTTP response, read line by line as libcurl hands the lines over.
/// Pure value code: the header callback feeds it, tests can too.
struct ResponseHeaders: Sendable, Hashable {
    /// The status of the response line, if it was parseable.
    var status: Int?
    /// Fields in arrival order, names lowercased.
    var fields: [(name: String, value: String)] = []

    static func == (lhs: ResponseHeaders, rhs: ResponseHeaders) -> Bool {
        lhs.status == rhs.status && lhs.fields.elementsEqual(rhs.fields) { $0 == $1 }
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(status)
        for field in fields {
            hasher.combine(field.name)
            hasher.combine(field.value)
        }
    }

    /// The first value of `name` (case-insensitive).
    subscript(name: String) -> String? {
        let key = name.lowercased()
        return fields.first { $0.name == key }?.value
    }

    /// The status of an HTTP status line ("HTTP/1.1 301 Moved", "HTTP/2 200"), nil for any other line.
    static func status(ofStatusLine line: Substring) -> Int? {
        guard line.hasPrefix("HTTP/") else { return nil }
        let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        guard parts.count >= 2, let code = Int(parts[1]), (100...999).contains(code) else { return nil }
        return code
    }

    /// "Name: value" -> (lowercased name, trimmed value); nil for lines that are not fields.
    static func field(ofLine line: Substring) -> (name: String, value: String)? {
        guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else { return nil }
        let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        return (name, value)
    }
}
