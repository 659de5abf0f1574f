import FeedModel
import Foundation
import SafeFiles
import TOMLKit

/// The edits behind `feedd add`, `remove` and `import`. Feeds live where the user keeps them: when the
/// configuration names an `opml` file, new feeds go into that file (in the folder of their category); otherwise
/// they go into the configuration as `[[feed]]` tables. A removal takes the feed out of whichever of the two
/// lists it. Each edited file is re-read with the same parser feedd uses before it replaces the old one
/// (atomically), so a failed edit changes nothing; comments and unrelated content are kept.
public struct SubscriptionEditor: Sendable {
    public let configurationFile: URL
    /// What relative local paths given on the command line are relative to.
    public let workingDirectory: URL

    public init(configurationFile: URL,
                workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
        self.configurationFile = configurationFile
        self.workingDirectory = workingDirectory
    }

    /// Subscribes to `url`. A duplicate (the URL is already subscribed) is an error naming the file that lists it.
    @discardableResult
    public func add(url: String, title: String? = nil, category: String? = nil)
        throws(ConfigurationError) -> SubscriptionChange {
        let source = try newSource(url: url, title: title, category: category)
        let state = try load()
        if let file = state.fileListing(source.url) {
            throw ConfigurationError(file: file.path, message: "already subscribed to \(source.url)")
        }
        return try state.add([source])
    }

    /// Unsubscribes from `url` (as given, or as `feedd feeds` prints it), wherever it is listed.
    @discardableResult
    public func remove(url: String) throws(ConfigurationError) -> SubscriptionChange {
        let state = try load()
        let target = resolve(url)
        var change = SubscriptionChange()
        if state.opml?.sources.contains(where: { $0.url == target }) == true {
            change.merge(try state.removeFromOPML(url: target))
        }
        if state.inlineFeeds.contains(where: { $0.url == target }) {
            change.merge(try state.removeFromConfiguration(url: target))
        }
        guard !change.editedFiles.isEmpty else {
            let places = [state.configuration.opmlFile?.path, configurationFile.path].compactMap { $0 }
            throw ConfigurationError(file: configurationFile.path,
                                     message: "not subscribed to \(target) (it is not in \(places.joined(separator: " nor ")))")
        }
        return change
    }

    /// Subscribes to every feed of another OPML file; those already subscribed are skipped and reported.
    @discardableResult
    public func importOPML(from file: URL) throws(ConfigurationError) -> SubscriptionChange {
        let imported = try OPMLReader.read(from: file)
        let state = try load()
        var seen = Set(state.configuration.feeds.map(\.url))
        var fresh: [FeedSource] = []
        var skipped: [FeedSource] = []
        for source in imported {
            if seen.insert(source.url).inserted { fresh.append(source) } else { skipped.append(source) }
        }
        var change = fresh.isEmpty ? SubscriptionChange() : try state.add(fresh)
        change.alreadySubscribed = skipped
        return change
    }

    /// The file `add` and `import` write to.
    public func destination() throws(ConfigurationError) -> URL {
        try load().destination
    }

    // MARK: -

    private func newSource(url: String, title: String?, category: String?) throws(ConfigurationError) -> FeedSource {
        let resolved = resolve(url)
        guard FeedURL.isSupported(resolved) else {
            throw ConfigurationError(file: configurationFile.path,
                                     message: "'\(url)' is not an http(s):// or file:// URL, nor a file path")
        }
        func cleaned(_ text: String?) -> String? {
            let trimmed = text.map { TextNormalization.collapseWhitespace(OPMLDocument.xmlSafe($0)) }
            return trimmed.flatMap { $0.isEmpty ? nil : $0 }
        }
        return FeedSource(url: resolved, title: cleaned(title), category: cleaned(category))
    }

    /// A URL as typed: kept if it has a scheme, else a local path made absolute (as a file:// URL), so that the
    /// edited file names the same file whatever folder it is read from.
    private func resolve(_ url: String) -> String {
        FeedURL.resolve(url.trimmingCharacters(in: .whitespacesAndNewlines), base: workingDirectory)
    }

    private func load() throws(ConfigurationError) -> EditorState {
        let configuration = try ConfigurationLoader.load(from: configurationFile)
        let text: String
        do {
            text = try String(contentsOf: configurationFile, encoding: .utf8)
        } catch {
            throw ConfigurationError(file: configurationFile.path, message: "cannot be read as UTF-8 text")
        }
        var opml: EditorState.OPMLFile?
        if let file = configuration.opmlFile {
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw ConfigurationError(file: file.path, message: "no such file or not readable")
            }
            opml = .init(url: file, data: data,
                         sources: try OPMLReader.parse(data, file: file.path, base: file.deletingLastPathComponent()))
        }
        return EditorState(file: configurationFile, text: text, configuration: configuration,
                           inlineFeeds: try EditorState.inlineFeeds(in: text, file: configurationFile), opml: opml)
    }
}

/// What an edit did.
public struct SubscriptionChange: Sendable, Equatable {
    public var added: [FeedSource] = []
    public var removed: [FeedSource] = []
    /// Feeds an import skipped because they were already subscribed.
    public var alreadySubscribed: [FeedSource] = []
    /// The files rewritten.
    public var editedFiles: [URL] = []

    public init() {}

    mutating func merge(_ other: SubscriptionChange) {
        added += other.added
        removed += other.removed
        alreadySubscribed += other.alreadySubscribed
        editedFiles += other.editedFiles
    }
}

/// The configuration and OPML file as read at the start of one edit.
private struct EditorState {
    struct OPMLFile {
        var url: URL
        var data: Data
        var sources: [FeedSource]
    }

    var file: URL
    var text: String
    var configuration: Configuration
    /// The `[[feed]]` tables of the configuration, URLs resolved as the loader resolves them.
    var inlineFeeds: [FeedSource]
    var opml: OPMLFile?

    var destination: URL { opml?.url ?? file }

    func fileListing(_ url: String) -> URL? {
        if let opml, opml.sources.contains(where: { $0.url == url }) { return opml.url }
        return inlineFeeds.contains(where: { $0.url == url }) ? file : nil
    }

    func add(_ sources: [FeedSource]) throws(ConfigurationError) -> SubscriptionChange {
        if let opml { return try addToOPML(opml, sources) }
        let edited = TOMLFeedBlocks(text: text).appending(sources)
        try replaceConfiguration(with: edited, expecting: inlineFeeds + sources)
        var change = SubscriptionChange()
        change.added = sources
        change.editedFiles = [file]
        return change
    }

    private func addToOPML(_ opml: OPMLFile, _ sources: [FeedSource]) throws(ConfigurationError) -> SubscriptionChange {
        let document = try OPMLDocument(data: opml.data, file: opml.url.path)
        for source in sources {
            let folder = document.folder(path: OPMLWriter.categoryPath(source.category), layout: true)
            document.append(OPMLDocument.feedOutline(url: source.url, title: source.title), to: folder)
        }
        try replaceOPML(opml, with: document.serialized(indent: false), expecting: opml.sources + sources)
        var change = SubscriptionChange()
        change.added = sources
        change.editedFiles = [opml.url]
        return change
    }

    func removeFromOPML(url: String) throws(ConfigurationError) -> SubscriptionChange {
        guard let opml else { return SubscriptionChange() }
        let document = try OPMLDocument(data: opml.data, file: opml.url.path)
        let base = opml.url.deletingLastPathComponent()
        for node in document.feedOutlines()
        where OPMLDocument.attribute(node, "xmlUrl").map({ FeedURL.resolve($0, base: base) }) == url {
            document.remove(node)
        }
        let kept = opml.sources.filter { $0.url != url }
        try replaceOPML(opml, with: document.serialized(indent: false), expecting: kept)
        var change = SubscriptionChange()
        change.removed = opml.sources.filter { $0.url == url }
        change.editedFiles = [opml.url]
        return change
    }

    func removeFromConfiguration(url: String) throws(ConfigurationError) -> SubscriptionChange {
        var blocks = TOMLFeedBlocks(text: text)
        let ranges = blocks.blocks
        guard ranges.count == inlineFeeds.count else {
            throw ConfigurationError(file: file.path, message: "cannot edit the feed list automatically: "
                + "write each feed as a [[feed]] table (found \(ranges.count) headers for \(inlineFeeds.count) feeds)")
        }
        // Last to first, so earlier line numbers stay valid.
        var edited = text
        for (index, feed) in inlineFeeds.enumerated().reversed() where feed.url == url {
            edited = blocks.removing(ranges[index])
            blocks = TOMLFeedBlocks(text: edited)
        }
        try replaceConfiguration(with: edited, expecting: inlineFeeds.filter { $0.url != url })
        var change = SubscriptionChange()
        change.removed = inlineFeeds.filter { $0.url == url }
        change.editedFiles = [file]
        return change
    }

    /// Checks the new configuration text as feedd will read it, then puts it in place.
    private func replaceConfiguration(with edited: String, expecting feeds: [FeedSource]) throws(ConfigurationError) {
        do {
            _ = try ConfigurationLoader.parse(edited, file: file)
        } catch {
            throw ConfigurationError(file: file.path, line: error.line, key: error.key,
                                     message: "the edited file would not load (\(error.message)); left unchanged")
        }
        guard try Self.inlineFeeds(in: edited, file: file) == feeds else {
            throw ConfigurationError(file: file.path, message: "the edit did not give the expected feed list; left unchanged")
        }
        try write(Data(edited.utf8), to: file)
    }

    private func replaceOPML(_ opml: OPMLFile, with data: Data, expecting feeds: [FeedSource])
        throws(ConfigurationError) {
        let reread: [FeedSource]
        do {
            reread = try OPMLReader.parse(data, file: opml.url.path, base: opml.url.deletingLastPathComponent())
        } catch {
            throw ConfigurationError(file: opml.url.path, message: "the edited file would not load (\(error.message)); left unchanged")
        }
        // Order may differ (a feed joins its folder), the list may not.
        func key(_ s: FeedSource) -> String { "\(s.url)\u{0}\(s.title ?? "")\u{0}\(s.category ?? "")" }
        guard reread.map(key).sorted() == feeds.map(key).sorted() else {
            throw ConfigurationError(file: opml.url.path, message: "the edit did not give the expected feed list; left unchanged")
        }
        try write(data, to: opml.url)
    }

    private func write(_ data: Data, to url: URL) throws(ConfigurationError) {
        do {
            try AtomicFile.write(data, to: url)
        } catch {
            throw ConfigurationError(file: url.path, message: "cannot be written: \(error.reason)")
        }
    }

    /// The `[[feed]]` tables of a configuration text, resolved like ConfigurationLoader does.
    static func inlineFeeds(in text: String, file: URL) throws(ConfigurationError) -> [FeedSource] {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch {
            throw ConfigurationError(file: file.path, message: "not valid TOML")
        }
        guard let array = root["feed"]?.tomlValue.array else { return [] }
        let base = file.deletingLastPathComponent()
        return array.compactMap { element -> FeedSource? in
            guard let table = element.tomlValue.table, let url = table["url"]?.tomlValue.string else { return nil }
            return FeedSource(url: FeedURL.resolve(url, base: base), title: table["title"]?.tomlValue.string,
                              category: table["category"]?.tomlValue.string)
        }
    }
}
