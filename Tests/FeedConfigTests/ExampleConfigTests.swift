import FeedConfig
import Foundation
import Testing
import TestSupport

/// Config/feedd.toml (installed as /etc/feedd/feedd.toml) loads as shipped, and documents exactly the keys
/// ConfigurationLoader accepts: with every example line uncommented it still loads (no invented key) and names
/// every key the loader's allow-lists contain (none forgotten).
@Suite struct ExampleConfigTests {
    let example = TestPaths.packageRoot.appendingPathComponent("Config/feedd.toml")

    func uncommented() throws -> String {
        try String(contentsOf: example, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in
                let isExample = line.wholeMatch(of: /# [a-z_]+ = .+/) != nil || line == "# [[feed]]"
                return isExample ? String(line.dropFirst(2)) : String(line)
            }
            .joined(separator: "\n")
    }

    @Test func loadsAsShipped() throws {
        let config = try ConfigurationLoader.load(from: example, environment: ["STATE_DIRECTORY": "/var/lib/feedd"])
        #expect(config.feeds.isEmpty)
        #expect(config.stateDirectory.path == "/var/lib/feedd")
    }

    @Test func everyDocumentedKeyIsAcceptedAndEveryAcceptedKeyIsDocumented() throws {
        let dir = try TestPaths.temporaryDirectory("feedd-example")
        defer { try? FileManager.default.removeItem(at: dir) }
        try "<opml version=\"2.0\"><body/></opml>".write(to: dir.appendingPathComponent("feeds.opml"), atomically: false,
                                                          encoding: .utf8)
        let text = try uncommented()
        let config = try ConfigurationLoader.parse(text, file: dir.appendingPathComponent("feedd.toml"))
        #expect(config.feeds.map(\.url) == ["https://example.org/feed.xml"])
        #expect(config.opmlFile?.lastPathComponent == "feeds.opml")

        var documented = Set<String>()
        for line in text.split(separator: "\n") {
            if let match = line.wholeMatch(of: /([a-z_]+) = .+/) { documented.insert(String(match.1)) }
            if let match = line.wholeMatch(of: /\[\[?([a-z_]+)\]\]?/) { documented.insert(String(match.1)) }
        }
        // The allow-lists, read from the loader's source so this test follows it.
        let source = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent(
            "Sources/FeedConfig/ConfigurationLoader.swift"), encoding: .utf8)
        var accepted = Set<String>()
        for list in source.matches(of: /allowOnly\(\[([^\]]*)\]\)/) {
            for key in list.1.matches(of: /"([a-z_]+)"/) { accepted.insert(String(key.1)) }
        }
        #expect(accepted.count > 20)
        #expect(documented == accepted)
    }
}
