import Foundation
import FeedModel
import TOMLKit

/// Reads and validates a TOML configuration. Every error names the file, the line and the key; unknown keys are
/// errors too, because a misspelt key silently ignored is a setting the user thinks they have.
public enum ConfigurationLoader {
    public static func load(from file: URL, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(ConfigurationError) -> Configuration {
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            let reason = FileManager.default.fileExists(atPath: file.path) ? "cannot be read as UTF-8 text" : "no such file"
            throw ConfigurationError(file: file.path, message: reason)
        }
        return try parse(text, file: file, environment: environment)
    }

    public static func parse(_ text: String, file: URL, environment: [String: String] = [:])
        throws(ConfigurationError) -> Configuration {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigurationError(file: file.path, line: error.source.begin.line, message: error.description)
        } catch {
            throw ConfigurationError(file: file.path, message: "\(error)")
        }
        let base = file.deletingLastPathComponent()
        let reader = TableReader(table: root, name: nil, index: nil, file: file.path,
                                 locator: TOMLKeyLocator(text: text), base: base)
        try reader.allowOnly(["state_dir", "digest_dir", "timezone", "concurrency", "log_level", "opml",
                              "metrics_file", "feed", "fetch", "cluster", "digest"])

        let stateDirectory = try reader.path("state_dir")
            ?? environment["STATE_DIRECTORY"].map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? defaultStateDirectory(environment)
        var config = Configuration(
            sourceFile: file,
            stateDirectory: stateDirectory,
            digestDirectory: try reader.path("digest_dir") ?? stateDirectory.appendingPathComponent("digests"))

        if let zone = try reader.string("timezone") {
            guard let timeZone = TimeZone(identifier: zone) else {
                throw reader.error("timezone", "unknown time zone '\(zone)' (use an IANA name such as Europe/Berlin)")
            }
            config.timeZone = timeZone
        }
        config.concurrency = try reader.int("concurrency", in: 1...512) ?? config.concurrency
        if let level = try reader.string("log_level") {
            let levels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
            guard levels.contains(level) else {
                throw reader.error("log_level", "'\(level)' is not one of \(levels.joined(separator: ", "))")
            }
            config.logLevel = level
        }

        config.metricsFile = try reader.path("metrics_file")

        var feeds: [FeedSource] = []
        for (index, table) in try reader.arrayOfTables("feed").enumerated() {
            let feed = reader.child(table, name: "feed", index: index)
            try feed.allowOnly(["url", "title", "category", "exclude"])
            guard let given = try feed.string("url") else { throw feed.error(nil, "a [[feed]] needs a url") }
            let url = FeedURL.resolve(given, base: base)
            guard FeedURL.isSupported(url) else {
                throw feed.error("url", "'\(given)' is not an http(s):// or file:// URL, nor a file path")
            }
            feeds.append(FeedSource(url: url, title: try feed.string("title"), category: try feed.string("category"),
                                    exclude: try feed.patterns("exclude")))
        }
        if let opml = try reader.path("opml") {
            config.opmlFile = opml
            feeds += try OPMLReader.read(from: opml)
        }
        config.feeds = FeedURL.deduplicated(feeds)

        if let table = try reader.table("fetch") {
            let fetch = reader.child(table, name: "fetch")
            try fetch.allowOnly(["per_host", "connect_timeout", "timeout", "max_body_mb", "interval_minutes",
                                 "min_interval_minutes", "max_interval_minutes", "user_agent"])
            var settings = FetchSettings()
            settings.perHost = try fetch.int("per_host", in: 1...64) ?? settings.perHost
            settings.connectTimeout = try fetch.double("connect_timeout", in: 0.1...600) ?? settings.connectTimeout
            settings.timeout = try fetch.double("timeout", in: 1...3600) ?? settings.timeout
            settings.maxBodyMB = try fetch.int("max_body_mb", in: 1...1024) ?? settings.maxBodyMB
            settings.intervalMinutes = try fetch.double("interval_minutes", in: 1...10_080) ?? settings.intervalMinutes
            settings.minIntervalMinutes = try fetch.double("min_interval_minutes", in: 1...10_080) ?? settings.minIntervalMinutes
            settings.maxIntervalMinutes = try fetch.double("max_interval_minutes", in: 1...43_200) ?? settings.maxIntervalMinutes
            guard settings.minIntervalMinutes <= settings.maxIntervalMinutes else {
                throw fetch.error("min_interval_minutes", "must not exceed max_interval_minutes")
            }
            settings.userAgent = try fetch.string("user_agent")
            config.fetch = settings
        }
        if let table = try reader.table("cluster") {
            let cluster = reader.child(table, name: "cluster")
            try cluster.allowOnly(["similarity_threshold", "window_hours", "short_text_margin"])
            config.cluster.similarityThreshold = try cluster.double("similarity_threshold", in: 0...1)
            config.cluster.windowHours = try cluster.double("window_hours", in: 1...24 * 30)
            config.cluster.shortTextMargin = try cluster.double("short_text_margin", in: 0...1)
        }
        if let table = try reader.table("digest") {
            let digest = reader.child(table, name: "digest")
            try digest.allowOnly(["title", "time", "sections", "base_url", "template_dir", "allow_images", "on_digest",
                                  "retention_days", "exclude"])
            config.digest.title = try digest.string("title") ?? config.digest.title
            if let time = try digest.string("time") {
                let parts = time.split(separator: ":").compactMap { Int($0) }
                guard parts.count == 2, (0..<24).contains(parts[0]), (0..<60).contains(parts[1]) else {
                    throw digest.error("time", "'\(time)' is not a time of day like \"07:00\"")
                }
                config.digest.dayStartMinutes = parts[0] * 60 + parts[1]
            }
            config.digest.sections = try digest.strings("sections") ?? []
            if let base = try digest.string("base_url") {
                guard let url = URL(string: base), url.scheme == "https" || url.scheme == "http" else {
                    throw digest.error("base_url", "'\(base)' is not an http(s) URL")
                }
                config.digest.baseURL = url
            }
            config.digest.templateDirectory = try digest.path("template_dir")
            config.digest.allowImages = try digest.bool("allow_images") ?? false
            config.digest.onDigest = try digest.string("on_digest")
            config.digest.retentionDays = try digest.int("retention_days", in: 1...36_500) ?? config.digest.retentionDays
            config.digest.exclude = try digest.patterns("exclude")
        }
        return config
    }

    static func defaultStateDirectory(_ environment: [String: String]) -> URL {
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty {
            return URL(fileURLWithPath: state, isDirectory: true).appendingPathComponent("feedd")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".local/state/feedd")
    }
}
