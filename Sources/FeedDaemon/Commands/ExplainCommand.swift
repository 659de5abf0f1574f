import ArgumentParser
import FeedModel
import FeedPipeline
import FeedStore
import Foundation

/// `feedd explain A B`: why two stored entries are, or are not, one story.
struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Show the evidence for or against two entries being one story.",
        discussion: """
            A and B are entry ids (as in the digest's JSON) or article links. Prints each tier's evidence — \
            canonical URLs, text fingerprint distance, similarity with its strongest shared terms, time gap — \
            and the decision with the threshold it met or missed. Reads the store only.

            Example: feedd explain https://a.example/story https://b.example/other-take
            """)

    @OptionGroup var options: GlobalOptions
    @Argument(help: "First entry: id or link.") var first: String
    @Argument(help: "Second entry: id or link.") var second: String

    func run() async throws {
        let (configuration, store, logger) = try options.open(readOnly: true, defaultLevel: .warning)
        let a = try entry(first, in: store)
        let b = try entry(second, in: store)
        let feeds = try store.allFeeds()
        for (label, entry) in [("A", a), ("B", b)] {
            let outlet = feeds[entry.feedID]?.displayName ?? "feed \(entry.feedID)"
            print("\(label): entry \(entry.id) · \(outlet) · \(entry.effectiveDate.formatted(.iso8601))")
            print("   \(entry.title)")
            print("   stored in story \(entry.storyID.map(String.init) ?? "(not clustered yet)")")
        }
        let oneStory = a.storyID != nil && a.storyID == b.storyID
        print(oneStory ? "The store holds them as ONE story.\n" : "The store holds them as SEPARATE stories.\n")
        let pipeline = Pipeline(configuration: configuration, store: store, logger: logger)
        let explanation = try await pipeline.explain(a, b)
        print(explanation)
        if oneStory && explanation.decision == .new {
            // Stories grow by their entries: two of them need not be alike to share one.
            print("note:       this pair alone would not merge; they are one story through its other entries (each "
                  + "joined the story as it stood when it came, and an entry that matched two stories folded them)")
        }
    }

    private func entry(_ reference: String, in store: FeedStore) throws -> Entry {
        if let id = Int64(reference), let entry = try store.entry(id: id) { return entry }
        if let entry = try store.entries(linkedTo: reference).first { return entry }
        printError("feedd: no stored entry with id or link '\(reference)'")
        throw ExitCode(1)
    }
}
