import FeedConfig
import FeedModel
import Foundation
import Testing
import TestSupport

@Suite struct ConfigurationLoaderTests {
    let file = URL(fileURLWithPath: "/etc/feedd/feedd.toml")

    @Test func readsEveryKey() throws {
        let config = try ConfigurationLoader.parse("""
            state_dir = "/var/lib/feedd"
            digest_dir = "digests"
            timezone = "Europe/Berlin"
            concurrency = 32

            [fetch]
            per_host = 2
            timeout = 30
            interval_minutes = 90

            [cluster]
            similarity_threshold = 0.4
            short_text_margin = 0.1

            [digest]
            on_digest = "mail-digest"

            [[feed]]
            url = "https://example.org/feed.xml"
            title = "Example"
            category = "Tech"

            [[feed]]
            url = "local/feed.xml"
            """, file: file)
        #expect(config.stateDirectory.path == "/var/lib/feedd")
        #expect(config.digestDirectory.path == "/etc/feedd/digests")
        #expect(config.timeZone.identifier == "Europe/Berlin")
        #expect(config.concurrency == 32)
        #expect(config.fetch.perHost == 2)
        #expect(config.fetch.timeout == 30)
        #expect(config.fetch.intervalMinutes == 90)
        #expect(config.cluster.similarityThreshold == 0.4)
        #expect(config.cluster.shortTextMargin == 0.1)
        #expect(config.digest.onDigest == "mail-digest")
        #expect(config.feeds == [
            FeedSource(url: "https://example.org/feed.xml", title: "Example", category: "Tech"),
            FeedSource(url: "file:///etc/feedd/local/feed.xml"),
        ])
    }

    @Test func defaultsStateDirectoryFromSystemd() throws {
        let config = try ConfigurationLoader.parse("", file: file, environment: ["STATE_DIRECTORY": "/var/lib/feedd"])
        #expect(config.stateDirectory.path == "/var/lib/feedd")
        #expect(config.digestDirectory.path == "/var/lib/feedd/digests")
        #expect(config.databaseFile.lastPathComponent == "feedd.sqlite")
    }

    @Test func wrongTypeNamesFileLineAndKey() {
        let error = #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader.parse("""
                state_dir = "/tmp/x"

                [[feed]]
                url = "https://a.example/feed"

                [[feed]]
                url = "https://b.example/feed"
                category = 7
                """, file: file)
        }
        #expect(error?.file == "/etc/feedd/feedd.toml")
        #expect(error?.line == 8)
        #expect(error?.key == "feed[2].category")
        #expect(error?.description == "/etc/feedd/feedd.toml:8: feed[2].category: expected a string, found integer")
    }

    @Test func excludeRulesAreReadAndABadOneNamesFileLineAndKey() throws {
        let config = try ConfigurationLoader.parse("""
            [[feed]]
            url = "https://a.example/feed"
            exclude = ["^Deal of the day", "/sponsored/"]

            [digest]
            exclude = ["(?i)horoscope"]
            """, file: file)
        #expect(config.feeds.map(\.exclude) == [["^Deal of the day", "/sponsored/"]])
        #expect(config.digest.exclude == ["(?i)horoscope"])

        let error = #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader.parse("""
                [[feed]]
                url = "https://a.example/feed"

                [[feed]]
                url = "https://b.example/feed"
                exclude = ["fine", "(broken"]
                """, file: file)
        }
        #expect(error?.line == 6)
        #expect(error?.key == "feed[2].exclude")
        #expect(error?.message.hasPrefix("'(broken' is not a valid regular expression") == true,
                "\(String(describing: error))")
        // A list it must be: one pattern alone is a mistake worth naming, not a rule to guess at.
        #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader.parse("[digest]\nexclude = \"x\"", file: file)
        }
    }

    @Test func unknownKeySuggestsTheRightOne() {
        let error = #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader.parse("state_dir = \"/tmp\"\n[fetch]\n# comment\nper_hots = 3\n", file: file)
        }
        #expect(error?.line == 4)
        #expect(error?.key == "fetch.per_hots")
        #expect(error?.message.contains("did you mean 'per_host'") == true)
    }

    @Test func syntaxErrorHasTheLine() {
        let error = #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader.parse("state_dir = \"/tmp\"\nconcurrency = = 3\n", file: file)
        }
        #expect(error?.line == 2)
    }

    @Test func badValuesAreRejected() {
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader.parse("timezone = \"Mars/Olympus\"", file: file) }
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader.parse("concurrency = 0", file: file) }
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader.parse("[[feed]]\ntitle = \"no url\"", file: file) }
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader.parse("[[feed]]\nurl = \"ftp://x.example/f\"", file: file) }
    }

    @Test func missingFileIsNamed() {
        let missing = URL(fileURLWithPath: "/nonexistent/feedd.toml")
        let error = #expect(throws: ConfigurationError.self) { try ConfigurationLoader.load(from: missing) }
        #expect(error?.description == "/nonexistent/feedd.toml: no such file")
    }
}
