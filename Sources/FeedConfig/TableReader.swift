import FeedModel
import Foundation
import TOMLKit

/// Typed, located access to one TOML table: each accessor checks the value's type and range and turns a
/// mismatch into a `ConfigurationError` that points at the key's line.
struct TableReader {
    let table: TOMLTable
    /// nil for the root table.
    let name: String?
    let index: Int?
    let file: String
    let locator: TOMLKeyLocator
    let base: URL

    func child(_ table: TOMLTable, name: String, index: Int? = nil) -> TableReader {
        TableReader(table: table, name: name, index: index, file: file, locator: locator, base: base)
    }

    func error(_ key: String?, _ message: String) -> ConfigurationError {
        let qualified: String?
        switch (name, key) {
        case let (table?, key?): qualified = index.map { "\(table)[\($0 + 1)].\(key)" } ?? "\(table).\(key)"
        case let (nil, key?): qualified = key
        case let (table?, nil): qualified = index.map { "\(table)[\($0 + 1)]" } ?? table
        case (nil, nil): qualified = nil
        }
        let line = locator.line(key: key, table: name, index: index) ?? locator.line(key: nil, table: name, index: index)
        return ConfigurationError(file: file, line: line, key: qualified, message: message)
    }

    func allowOnly(_ keys: Set<String>) throws(ConfigurationError) {
        for key in table.keys where !keys.contains(key) {
            let suggestion = keys.min { editDistance($0, key) < editDistance($1, key) }
                .flatMap { editDistance($0, key) <= 2 ? " (did you mean '\($0)'?)" : nil } ?? ""
            throw error(key, "unknown key\(suggestion)")
        }
    }

    private func value(_ key: String) -> TOMLValue? { table[key]?.tomlValue }

    func string(_ key: String) throws(ConfigurationError) -> String? {
        guard let value = value(key) else { return nil }
        guard let string = value.string else { throw error(key, "expected a string, found \(value.type)") }
        return string
    }

    func strings(_ key: String) throws(ConfigurationError) -> [String]? {
        guard let value = value(key) else { return nil }
        guard let array = value.array else { throw error(key, "expected a list of strings, found \(value.type)") }
        var strings: [String] = []
        for element in array {
            guard let string = element.tomlValue.string else { throw error(key, "expected a list of strings") }
            strings.append(string)
        }
        return strings
    }

    /// A list of regular expressions (`exclude`), each checked as `ExcludeRules` compiles it; empty when absent.
    func patterns(_ key: String) throws(ConfigurationError) -> [String] {
        let patterns = try strings(key) ?? []
        for pattern in patterns {
            do throws(ExcludeRules.InvalidPattern) {
                try ExcludeRules.validate(pattern)
            } catch {
                throw self.error(key, error.description)
            }
        }
        return patterns
    }

    func bool(_ key: String) throws(ConfigurationError) -> Bool? {
        guard let value = value(key) else { return nil }
        guard let bool = value.bool else { throw error(key, "expected true or false, found \(value.type)") }
        return bool
    }

    func int(_ key: String, in range: ClosedRange<Int>) throws(ConfigurationError) -> Int? {
        guard let value = value(key) else { return nil }
        guard let int = value.int else { throw error(key, "expected a whole number, found \(value.type)") }
        guard range.contains(int) else { throw error(key, "\(int) is outside \(range.lowerBound)...\(range.upperBound)") }
        return int
    }

    func double(_ key: String, in range: ClosedRange<Double>) throws(ConfigurationError) -> Double? {
        guard let value = value(key) else { return nil }
        guard let number = value.double ?? value.int.map(Double.init) else {
            throw error(key, "expected a number, found \(value.type)")
        }
        guard range.contains(number) else {
            throw error(key, "\(number) is outside \(range.lowerBound)...\(range.upperBound)")
        }
        return number
    }

    /// A path, relative ones resolved against the config file's folder; `~/` expands to the home folder.
    func path(_ key: String) throws(ConfigurationError) -> URL? {
        guard let string = try string(key) else { return nil }
        guard !string.isEmpty else { throw error(key, "must not be empty") }
        let expanded = (string as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return URL(fileURLWithPath: expanded).standardizedFileURL }
        return base.appendingPathComponent(expanded).standardizedFileURL
    }

    func table(_ key: String) throws(ConfigurationError) -> TOMLTable? {
        guard let value = value(key) else { return nil }
        guard let table = value.table else { throw error(key, "expected a table [\(key)], found \(value.type)") }
        return table
    }

    func arrayOfTables(_ key: String) throws(ConfigurationError) -> [TOMLTable] {
        guard let value = value(key) else { return [] }
        guard let array = value.array else { throw error(key, "expected [[\(key)]] tables, found \(value.type)") }
        var tables: [TOMLTable] = []
        for element in array {
            guard let table = element.tomlValue.table else { throw error(key, "expected [[\(key)]] tables") }
            tables.append(table)
        }
        return tables
    }
}

/// Levenshtein distance, for "did you mean" hints on misspelt keys.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    var previous = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...max(b.count, 1) where !b.isEmpty {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return a.isEmpty ? b.count : previous[b.count]
}
