import Foundation

/// RSS files of a few outlets in a temporary folder and a config that subscribes to each, for end-to-end runs of
/// `feedd --once` in a brand-new store. Outlet `i` is `https://outlet<i>.example/`, its feed `feed<i>.xml`.
public struct OutletFeeds {
    public let directory: URL
    public var config: URL { directory.appendingPathComponent("feedd.toml") }
    public var database: URL { directory.appendingPathComponent("state/feedd.sqlite") }

    /// `outlets`: each outlet's channel title and its `<item>` elements, written as they are.
    public init(_ label: String, outlets: [(title: String, items: String)]) throws {
        directory = try TestPaths.temporaryDirectory(label)
        var config = "state_dir = \"state\"\ndigest_dir = \"digests\"\ntimezone = \"UTC\"\n"
        for (i, outlet) in outlets.enumerated() {
            try """
                <?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>\(outlet.title)</title>
                <link>https://outlet\(i).example/</link>\(outlet.items)</channel></rss>
                """.write(to: directory.appendingPathComponent("feed\(i).xml"), atomically: true, encoding: .utf8)
            config += "[[feed]]\nurl = \"feed\(i).xml\"\n"
        }
        try config.write(to: self.config, atomically: true, encoding: .utf8)
    }

    /// `feedd --once` over the feeds, logging warnings and worse.
    public func runOnce() async throws -> FeeddProcess.Output {
        try await FeeddProcess.run(["--once", "--config", config.path, "--log-level", "warning"])
    }

    public func remove() { try? FileManager.default.removeItem(at: directory) }
}
