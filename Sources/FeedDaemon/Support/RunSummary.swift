import FeedPipeline
import Foundation

/// The closing lines of `feedd --once`, on stdout.
enum RunSummary {
    static func print(_ report: RunReport) {
        var lines = [
            "feeds checked: \(report.feedsChecked) (\(report.fetched) updated, \(report.notModified) not modified, \(report.failed) failed)",
            "new entries: \(report.newEntries), new stories: \(report.newStories), merged into existing stories: \(report.merged)",
        ]
        for file in report.digestFiles where file.pathExtension == "html" && file.lastPathComponent != "index.html" {
            lines.append("digest: \(file.path)")
        }
        Swift.print(lines.joined(separator: "\n"))
    }
}
