import FeedHTML
import FeedModel
import Foundation
import StoryClustering

/// News items as JSON Lines (`{"id", "feed", "title", "summary", "text"?, "url"?, "published"}`, extra keys
/// ignored) — the format of feedd's labelled evaluation data — mapped to `StoryItem`s as the daemon maps a feed's
/// item: the line is read as a parsed feed item (HTML title, summary and content) and stored through `EntryMapper`,
/// so the engine sees the words a subscribed feed's item would give it (markup and entities gone, the lead cut as
/// the store cuts it). `feedd cluster` and the tests read through here.
public struct JSONLItems: Sendable {
    public struct Record: Sendable, Hashable {
        public var id: String
        public var feed: String?
        public var title: String
        public var summary: String
        public var text: String
        public var url: String?
        public var published: Date?
        /// The gold story label when the file has one (evaluation only; the engine never sees it).
        public var story: String?

        /// The line as the feed parser would hand its item over: the title as plain text (an HTML title loses
        /// its tags and entities, as the parser's does), summary and text as the item's HTML summary and content.
        func parsedEntry(published: Date) -> ParsedEntry {
            ParsedEntry(title: HTMLText.plainText(fromHTML: title), link: url, published: published,
                        summary: summary.isEmpty ? nil : summary, content: text.isEmpty ? nil : text)
        }
    }

    /// A line that could not be read, with why.
    public struct LineError: Error, Sendable, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    public var records: [Record]
    public var errors: [LineError]

    public init(records: [Record], errors: [LineError] = []) {
        self.records = records
        self.errors = errors
    }

    /// Reads every line; a bad line is reported in `errors` and the others are kept.
    public init(contentsOf url: URL) throws {
        try self.init(data: Data(contentsOf: url))
    }

    public init(data: Data) {
        var records: [Record] = []
        var errors: [LineError] = []
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            do {
                records.append(try Self.record(Data(line)))
            } catch let error as LineError {
                errors.append(LineError(line: lineNumber, reason: error.reason))
            } catch {
                errors.append(LineError(line: lineNumber, reason: "not valid JSON"))
            }
        }
        self.records = records
        self.errors = errors
    }

    static func record(_ line: Data) throws -> Record {
        guard let object = try JSONSerialization.jsonObject(with: line) as? [String: Any] else {
            throw LineError(line: 0, reason: "not a JSON object")
        }
        let id: String
        switch object["id"] {
        case let s as String where !s.isEmpty: id = s
        case let n as NSNumber: id = n.stringValue
        default: throw LineError(line: 0, reason: "missing \"id\"")
        }
        func string(_ key: String) -> String? { object[key] as? String }
        var published: Date? = nil
        if let stamp = string("published"), !stamp.isEmpty {
            guard let date = Self.parseDate(stamp) else {
                throw LineError(line: 0, reason: "unreadable \"published\" \(stamp.debugDescription)")
            }
            published = date
        }
        let story: String? = switch object["story"] {
        case let s as String: s
        case let n as NSNumber: n.stringValue
        default: nil
        }
        return Record(id: id, feed: string("feed"), title: string("title") ?? "", summary: string("summary") ?? "",
                      text: string("text") ?? "", url: string("url"), published: published, story: story)
    }

    static func parseDate(_ text: String) -> Date? {
        if let d = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return d }
        if let d = try? Date(text, strategy: Date.ISO8601FormatStyle()) { return d }
        return nil
    }

    /// The items as the engine sees them, in file order, with ids derived stably from the records' ids.
    ///
    /// Items without a time are filed at the file's latest time (as the daemon files an undated entry when it
    /// first sees it). `shuffleSeed` makes both order and timestamps uninformative — for data whose times are
    /// crawl times grouped by label: the items' times are dealt out again in a seeded random order.
    public func storyItems(shuffleSeed: UInt64? = nil) -> [(record: Record, item: StoryItem)] {
        let latest = records.compactMap(\.published).max() ?? Date(timeIntervalSince1970: 0)
        var times = records.map { $0.published ?? latest }
        if let seed = shuffleSeed {
            let order = records.indices.sorted {
                (StableHash.fnv1a("\(seed)|\(records[$0].id)"), $0) < (StableHash.fnv1a("\(seed)|\(records[$1].id)"), $1)
            }
            let sortedTimes = times.sorted()
            for (rank, index) in order.enumerated() { times[index] = sortedTimes[rank] }
        }
        var used = Set<Int64>()
        return records.indices.map { index in
            let record = records[index]
            // A stable positive id from the record's id: no dependence on line order (ties in time break on it).
            var id = Int64(bitPattern: StableHash.fnv1a(record.id) >> 2) + 1
            while !used.insert(id).inserted { id += 1 }
            var entry = EntryMapper.entry(from: record.parsedEntry(published: times[index]),
                                          feedID: record.feed.map { Int64(bitPattern: StableHash.fnv1a($0) >> 2) } ?? 0,
                                          seenAt: times[index])
            entry.id = id
            entry.key = record.id
            return (record, StoryItem(entry: entry))
        }
    }

    /// Clusters the file with `clusterer` through the daemon's path (`assign(batch:)`) and returns, per record in
    /// file order, the record's id and the id of the record that founded its story. The whole file is one batch,
    /// or, with `batchSize`, consecutive batches of that many items in time order: how a running daemon meets
    /// them, a fetch cycle at a time, with stories merged across batches as the store merges them.
    public func cluster(with clusterer: StoryClusterer, shuffleSeed: UInt64? = nil,
                        batchSize: Int? = nil) -> [(id: String, cluster: String)] {
        let pairs = storyItems(shuffleSeed: shuffleSeed)
        var recordOf: [Int64: String] = [:]
        for (record, item) in pairs { recordOf[item.id] = record.id }
        let items = pairs.map(\.item).sorted { ($0.published, $0.id) < ($1.published, $1.id) }
        let size = max(1, batchSize ?? items.count)
        var storyOf: [Int64: Int64] = [:]
        var mergedInto: [Int64: Int64] = [:]
        for start in stride(from: 0, to: items.count, by: size) {
            for assignment in clusterer.assign(batch: Array(items[start ..< min(start + size, items.count)])) {
                storyOf[assignment.itemID] = assignment.storyID
                for absorbed in assignment.mergedStoryIDs { mergedInto[absorbed] = assignment.storyID }
            }
        }
        func final(_ story: Int64) -> Int64 {
            var story = story
            while let next = mergedInto[story] { story = next }
            return story
        }
        return pairs.map { ($0.record.id, recordOf[final(storyOf[$0.item.id]!)]!) }
    }
}
