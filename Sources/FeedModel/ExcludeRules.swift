import Foundation

/// Entries a person does not want in the digest (`exclude` in the configuration's `[digest]` table and in a
/// `[[feed]]`): regular expressions (Swift's, i.e. the usual Perl-style syntax; case-insensitive) matched against
/// each entry's title and link.
/// Entries are still stored and grouped, so a rule removed shows them again in the next digest written.
public struct ExcludeRules: Sendable {
    /// A pattern that does not compile, with the regex engine's reason.
    public struct InvalidPattern: Error, Sendable, CustomStringConvertible {
        public var pattern: String
        public var reason: String
        public var description: String { "'\(pattern)' is not a valid regular expression: \(reason)" }
    }

    /// A compiled regex is an immutable value, safe to share between threads.
    private struct Pattern: @unchecked Sendable {
        let regex: Regex<AnyRegexOutput>
    }

    private let everywhere: [Pattern]
    private let byFeed: [Int64: [Pattern]]

    /// `global` applies to every feed, `perFeed` to the entries of one feed (by store id).
    public init(global: [String] = [], perFeed: [Int64: [String]] = [:]) throws(InvalidPattern) {
        everywhere = try global.map(Self.compile)
        var byFeed: [Int64: [Pattern]] = [:]
        for (feed, patterns) in perFeed where !patterns.isEmpty { byFeed[feed] = try patterns.map(Self.compile) }
        self.byFeed = byFeed
    }

    /// Checks a pattern as the rules will compile it (configuration loading reports it with its file and line).
    public static func validate(_ pattern: String) throws(InvalidPattern) {
        _ = try compile(pattern)
    }

    public var isEmpty: Bool { everywhere.isEmpty && byFeed.isEmpty }

    /// Whether `entry` is left out: a rule for every feed or for its own matches its title or its link.
    public func excludes(_ entry: Entry) -> Bool {
        let rules = everywhere + (byFeed[entry.feedID] ?? [])
        guard !rules.isEmpty else { return false }
        return [entry.title, entry.link ?? ""].contains { text in
            rules.contains { (try? $0.regex.firstMatch(in: text)) != nil }
        }
    }

    /// `stories` without their excluded entries; a story left with none is left out.
    public func apply(to stories: [Story]) -> [Story] {
        guard !isEmpty else { return stories }
        return stories.compactMap { story in
            let kept = story.entries.filter { !excludes($0) }
            return kept.isEmpty ? nil : Story(id: story.id, entries: kept)
        }
    }

    private static func compile(_ pattern: String) throws(InvalidPattern) -> Pattern {
        guard !pattern.isEmpty else {
            throw InvalidPattern(pattern: pattern, reason: "it is empty (it would match everything)")
        }
        do {
            return Pattern(regex: try Regex(pattern).ignoresCase())
        } catch {
            throw InvalidPattern(pattern: pattern, reason: "\(error)")
        }
    }
}
