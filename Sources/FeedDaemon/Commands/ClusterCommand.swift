import ArgumentParser
import Foundation
import FeedPipeline
import StoryClustering

/// `feedd cluster FILE.jsonl [--shuffle SEED] [--config FILE]`: clusters JSON Lines items with the daemon's engine
/// and prints one `{"id": …, "cluster": …}` line per item, so quality can be scored. The settings are the defaults,
/// or a configuration's `[cluster]` table when `--config` names one (to try a threshold before the daemon uses it).
struct ClusterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster", abstract: "Cluster JSONL items into stories.",
        discussion: """
            Prints {"id", "cluster"} JSON lines; the cluster is the id of the story's first item. The engine's \
            settings are the defaults, or the [cluster] table of the file given with --config (no config file \
            is read unless named).
            """)

    @Argument(help: "JSON Lines file: {id, feed, title, summary, text?, url?, published} per line.")
    var file: String

    @Option(help: "Deal the items' times out in a seeded random order (for data whose times leak the labels).")
    var shuffle: UInt64?

    @Option(help: "Assign the items in time order, this many at a time, as a running daemon meets them (default: all at once).")
    var batch: Int?

    /// Only `--config` given explicitly counts: without it the defaults apply, whatever config file exists.
    @OptionGroup var options: GlobalOptions

    func validate() throws {
        if let batch, batch < 1 { throw ValidationError("--batch must be at least 1 (got \(batch))") }
    }

    func run() async throws {
        let url = URL(fileURLWithPath: file)
        let input: JSONLItems
        do {
            input = try JSONLItems(contentsOf: url)
        } catch {
            throw ValidationError("cannot read \(file): \(error.localizedDescription)")
        }
        for error in input.errors {
            FileHandle.standardError.write(Data("feedd: \(file): skipped \(error)\n".utf8))
        }
        guard !input.records.isEmpty else { throw ValidationError("\(file): no items") }
        var settings = ClusteringSettings()
        if options.config != nil { settings = ClusteringSettings(try options.loadConfiguration().cluster) }
        let clusterer = StoryClusterer(settings: settings)
        var out = ""
        for row in input.cluster(with: clusterer, shuffleSeed: shuffle, batchSize: batch) {
            out += "{\"id\": \(Self.quote(row.id)), \"cluster\": \(Self.quote(row.cluster))}\n"
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }

    static func quote(_ s: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes])
        let array = String(decoding: data, as: UTF8.self)
        return String(array.dropFirst().dropLast())
    }
}
