import Foundation
import Logging

/// Log lines to stderr in the form the reader of stderr wants: under systemd (JOURNAL_STREAM set) a syslog
/// priority prefix and no timestamp, since journald adds both its own; elsewhere a timestamp and the level.
struct ConsoleLogHandler: LogHandler {
    enum Style: Sendable { case journal, terminal, plain }

    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]
    let style: Style
    let label: String

    static func style(environment: [String: String] = ProcessInfo.processInfo.environment) -> Style {
        if environment["JOURNAL_STREAM"] != nil { return .journal }
        return isatty(STDERR_FILENO) == 1 ? .terminal : .plain
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        let fields = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let text = fields.isEmpty ? "\(event.message)" : "\(event.message) \(fields)"
        let line: String
        switch style {
        case .journal:
            line = "<\(Self.syslogPriority(event.level))>\(text)\n"
        case .terminal:
            line = "\(Self.clock.string(from: Date())) \(event.level.rawValue.uppercased()) \(text)\n"
        case .plain:
            line = "\(Date().formatted(.iso8601)) \(event.level) \(text)\n"
        }
        FileHandle.standardError.write(Data(line.utf8))
    }

    private static let clock: DateFormatter = {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        return formatter
    }()

    /// sd-daemon(3) priorities.
    static func syslogPriority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }
}

enum LogSetup {
    /// Installs the console handler once per process.
    static func bootstrap(level: Logger.Level) {
        let style = ConsoleLogHandler.style()
        LoggingSystem.bootstrap { label in ConsoleLogHandler(logLevel: level, style: style, label: label) }
    }
}
