import Foundation

/// A copy of Config/demo in a temporary folder with the feeds dated today, as scripts/demo.sh makes it.
public struct DemoWorkspace {
    public let directory: URL
    public var config: URL { directory.appendingPathComponent("feedd.toml") }
    public var digests: URL { directory.appendingPathComponent("digests") }
    public var database: URL { directory.appendingPathComponent("state/feedd.sqlite") }
    public let today: String

    public init(now: Date = Date()) throws {
        directory = try TestPaths.temporaryDirectory("feedd-demo")
        let source = TestPaths.packageRoot.appendingPathComponent("Config/demo")
        let fm = FileManager.default
        for item in try fm.contentsOfDirectory(atPath: source.path) {
            try fm.copyItem(at: source.appendingPathComponent(item), to: directory.appendingPathComponent(item))
        }
        let utc = TimeZone(identifier: "UTC")!
        let rfc = DateFormatter()
        rfc.locale = Locale(identifier: "en_US_POSIX")
        rfc.timeZone = utc
        rfc.dateFormat = "EEE, dd MMM yyyy"
        let iso = DateFormatter()
        iso.locale = Locale(identifier: "en_US_POSIX")
        iso.timeZone = utc
        iso.dateFormat = "yyyy-MM-dd"
        today = iso.string(from: now)
        let feeds = directory.appendingPathComponent("feeds")
        for name in try fm.contentsOfDirectory(atPath: feeds.path) {
            let file = feeds.appendingPathComponent(name)
            let text = try String(contentsOf: file, encoding: .utf8)
                .replacingOccurrences(of: "@DAY@", with: rfc.string(from: now))
                .replacingOccurrences(of: "@ISODAY@", with: today)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
    }

    public func remove() { try? FileManager.default.removeItem(at: directory) }
}
