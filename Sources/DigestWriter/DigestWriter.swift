import Foundation
import SafeFiles
import FeedModel

/// Everything one day's digest is made of, gathered by the pipeline from the store.
public struct DigestInput: Sendable {
    public var day: DayStamp
    public var timeZone: TimeZone
    /// Stories with at least one entry filed under `day` (see `DigestOptions.window(for:in:)`).
    public var stories: [Story]
    public var feeds: [Int64: Feed]
    /// Story id -> ids of its entries already shown in earlier digests.
    public var shownBefore: [Int64: Set<Int64>]
    public var failures: [FeedFailure]

    public init(day: DayStamp, timeZone: TimeZone, stories: [Story], feeds: [Int64: Feed],
                shownBefore: [Int64: Set<Int64>] = [:], failures: [FeedFailure] = []) {
        self.day = day
        self.timeZone = timeZone
        self.stories = stories
        self.feeds = feeds
        self.shownBefore = shownBefore
        self.failures = failures
    }
}

/// What a write produced: the files, what was shown (for the store to remember), and any template problems.
public struct DigestOutput: Sendable, Hashable {
    /// The day's files (`.html`, `.md`, `.json`) then `index.html` and `digest.atom`.
    public var files: [URL]
    public var html: URL
    public var markdown: URL
    public var json: URL
    public var index: URL
    public var atom: URL
    /// Story id -> ids of the entries this digest displayed (for `shownBefore` of later days).
    public var displayed: [Int64: [Int64]]
    /// User templates that could not be used (the built-in one was used instead).
    public var warnings: [DigestWarning]
    public var digest: DailyDigest
}

/// Renders a day's digest to files in `directory`, each written atomically.
public struct DigestWriter: Sendable {
    public var directory: URL
    public var options: DigestOptions

    public init(directory: URL, options: DigestOptions = DigestOptions()) {
        self.directory = directory
        self.options = options
    }

    /// Writes `YYYY-MM-DD.html/.md/.json` for the input's day, then rebuilds `index.html` and `digest.atom` from the
    /// days present. The same input and folder give byte-identical files.
    public func write(_ input: DigestInput) throws -> DigestOutput {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let build = DigestBuilder(options: options).build(input)
        var digest = build.digest
        let templates = TemplateSet(templateDirectory: options.templateDirectory)
        digest.previousDay = try DigestArchive.days(in: directory).first { $0 < input.day }?.description

        let name = input.day.description
        let html = directory.appendingPathComponent(name + ".html")
        let markdown = directory.appendingPathComponent(name + ".md")
        let json = directory.appendingPathComponent(name + ".json")
        // JSON first: index and Atom read it back; HTML last, as its presence is what lists the day.
        try AtomicFile.write(try DigestJSON.encode(digest), to: json)
        try AtomicFile.write(Data(templates.render(MarkdownEscaping.escaped(digest), DigestMarkdownTemplate.name).utf8),
                             to: markdown)
        try AtomicFile.write(Data(templates.render(digest, DigestHTMLTemplate.name).utf8), to: html)

        let (index, atom) = try writeArchive(templates: templates, title: digest.title)
        return DigestOutput(files: [html, markdown, json, index, atom], html: html, markdown: markdown, json: json,
                            index: index, atom: atom, displayed: build.displayed, warnings: templates.warnings,
                            digest: digest)
    }

    /// Rebuilds `index.html` and `digest.atom` from the days in the folder, e.g. after days were removed.
    @discardableResult
    public func writeArchive() throws -> (index: URL, atom: URL) {
        let templates = TemplateSet(templateDirectory: options.templateDirectory)
        return try writeArchive(templates: templates, title: options.title)
    }

    func writeArchive(templates: TemplateSet, title: String) throws -> (index: URL, atom: URL) {
        let archive = try DigestArchive.load(directory, detailed: max(options.atomEntryLimit, 1))
        let cleanTitle = FeedText.clean(title).isEmpty ? "Daily digest" : FeedText.clean(title)
        let index = directory.appendingPathComponent("index.html")
        let atom = directory.appendingPathComponent("digest.atom")
        try AtomicFile.write(Data(templates.render(IndexPage(title: cleanTitle, archive: archive),
                                                   IndexHTMLTemplate.name).utf8), to: index)
        let feed = AtomFeed(title: cleanTitle, archive: archive, baseURL: options.baseURL,
                            limit: options.atomEntryLimit)
        try AtomicFile.write(Data(templates.render(feed, AtomTemplate.name).utf8), to: atom)
        return (index, atom)
    }
}
