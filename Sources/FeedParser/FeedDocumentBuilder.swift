import Foundation
import FeedModel

/// Turns the reader's element stream into a `ParsedFeed`. It keeps a stack of the open elements it cares about
/// (containers, entries, Atom persons) with their xml:base; a field element starts a `TextCapture`; everything
/// else is skipped without being read. The dialect-specific element tables live in `RSSElements`/`AtomElements`.
final class FeedDocumentBuilder {
    enum Role {
        /// rss, rdf:RDF, channel, feed: children are feed-level elements, items or entries.
        case container
        case entry(Int)
        /// atom:author of an entry (nil: of the feed, read and ignored).
        case person(Int?)
        /// media:group inside an entry.
        case mediaGroup(Int)
    }

    struct Frame {
        var depth: Int
        var role: Role
        var base: URL?
    }

    /// What a field element's text becomes.
    enum Field {
        case feedTitle, feedLink, feedDescription, feedLanguage, feedTTL, feedDate(rank: Int)
        case feedUpdatePeriod, feedUpdateFrequency
        case title, link, guid, id, published(rank: Int), updated(rank: Int), rssAuthor, authorName
        case summary(rank: Int), content, category
        case personName, personEmail
    }

    private(set) var feed: FeedDraft?
    /// Why the document is not a feed, when its root says so.
    private(set) var rejection: String?
    private let documentURL: URL?
    private var frames: [Frame] = []
    private var capture: TextCapture?
    private var spareBuffer: [UInt8] = []
    private var captureField: Field = .title
    private var captureEntry: Int?
    private var captureBase: URL?
    private var drafts: [EntryDraft] = []
    private var finishedEntries: [ParsedEntry?] = []
    private var personName: String?
    private var personEmail: String?
    private var isAtom = false
    /// An `<rss>` root in some other namespace (`xmlns="https://cyber.harvard.edu/rss/rss.html"`) makes it core.
    private var rootNamespace: String?

    init(documentURL: URL?) {
        self.documentURL = documentURL
    }

    /// Called for each start tag. Returns true when the element's subtree should be skipped unread.
    func start(_ rawName: XMLName, attributes: XMLAttributes, depth: Int, isEmpty: Bool) -> Bool {
        if capture != nil {
            capture!.appendStart(rawName, attributes: attributes, depth: depth, isEmpty: isEmpty)
            return false
        }
        let name = rawName
        let parentBase = frames.last?.base ?? documentURL
        var base = parentBase
        if let xmlBase = attributes.value("base", namespace: XMLNamespaces.xml) {
            base = URLResolution.baseURL(xmlBase, against: parentBase ?? fallbackBase) ?? parentBase
        }
        guard let top = frames.last else {
            return startRoot(name, attributes: attributes, depth: depth, base: base)
        }
        let action: Action
        switch top.role {
        case .container: action = containerChild(name, attributes, base: base)
        case .entry(let index): action = entryChild(name, attributes, entry: index, base: base)
        case .person: action = personChild(name)
        case .mediaGroup(let index):
            if name.namespace == XMLNamespaces.media, name.local == "content" || name.local == "thumbnail" {
                mediaEnclosure(name, attributes, entry: index, base: base)
            }
            action = .skip
        }
        switch action {
        case .skip:
            return true
        case .push(let role):
            if case .entry = role, drafts.count >= ParseLimits.maxEntries { return true }
            if case .entry = role {
                var draft = EntryDraft()
                if let about = attributes.value("about", namespace: XMLNamespaces.rdf) { draft.about = about }
                drafts.append(draft)
                finishedEntries.append(nil)
                frames.append(Frame(depth: depth, role: .entry(drafts.count - 1), base: base))
            } else {
                if case .person = role { personName = nil; personEmail = nil }
                frames.append(Frame(depth: depth, role: role, base: base))
            }
        case .capture(let field, let kind):
            capture = TextCapture(depth: depth, kind: kind, buffer: spareBuffer)
            spareBuffer = []
            captureField = field
            captureBase = base
            if case .entry(let index) = top.role { captureEntry = index }
            else if case .person(let index) = top.role { captureEntry = index }
            else { captureEntry = nil }
            if case .guid = field, let index = captureEntry {
                drafts[index].guidIsPermaLink = attributes.value("isPermaLink")?.lowercased() != "false"
            }
        }
        if isEmpty { end(depth: depth) }
        return false
    }

    func text(_ p: UnsafePointer<UInt8>) {
        capture?.appendText(p)
    }

    func end(depth: Int) {
        if let current = capture {
            if depth > current.depth { capture!.appendEnd(depth: depth); return }
            capture = nil
            finishField(current)
            // Large buffers (a 2 MB article) are not worth keeping for the titles and dates that follow.
            if current.bytes.capacity <= 256 * 1024 { spareBuffer = current.takeBuffer() }
        }
        while let top = frames.last, top.depth >= depth {
            frames.removeLast()
            switch top.role {
            case .entry(let index):
                finishedEntries[index] = drafts[index].finished()
            case .person(let index):
                if let index { drafts[index].offerAuthor(name: personName, email: personEmail) }
            case .container, .mediaGroup:
                break
            }
        }
    }

    /// The feed, or nil when no feed root was ever seen.
    func finish() -> ParsedFeed? {
        guard let feed else { return nil }
        var language = feed.language
        if language?.isEmpty == true { language = nil }
        return ParsedFeed(format: feed.format, title: feed.title, link: feed.resolvedLink,
                          description: feed.description, language: language, updated: feed.updated.date,
                          ttlMinutes: feed.statedIntervalMinutes, entries: finishedEntries.compactMap { $0 })
    }

    // MARK: Routing

    enum Action {
        case skip
        case push(Role)
        case capture(Field, TextKind)
    }

    private func startRoot(_ name: XMLName, attributes: XMLAttributes, depth: Int, base: URL?) -> Bool {
        let local = name.local.hasSuffix(":RDF") ? "RDF" : name.local
        let format: FeedFormat
        switch local {
        case "rss":
            rootNamespace = name.namespace
            let version = attributes.value("version")?.trimmingASCIISpaces() ?? ""
            format = version.hasPrefix("0.9") ? .rss09 : .rss2
        case "RDF":
            format = .rss1
        case "feed":
            let version = attributes.value("version") ?? ""
            format = name.namespace == XMLNamespaces.atom03 || version == "0.3" ? .atom03 : .atom10
            isAtom = true
        case "channel":
            format = .rss2
        default:
            let what = local.lowercased() == "html" ? "an HTML page" : "<\(local)>"
            rejection = "not a feed: the document is \(what), not RSS, RDF or Atom"
            return true
        }
        var draft = FeedDraft(format: format)
        if let lang = attributes.value("lang", namespace: XMLNamespaces.xml) {
            draft.language = lang.trimmingASCIISpaces()
        }
        feed = draft
        frames.append(Frame(depth: depth, role: .container, base: base))
        return false
    }

    private func containerChild(_ name: XMLName, _ attributes: XMLAttributes, base: URL?) -> Action {
        let ns = name.namespace
        if ns == XMLNamespaces.rss09, feed?.format == .rss1 { feed?.format = .rss09 }
        if isAtom ? (ns == XMLNamespaces.atom10 || ns == XMLNamespaces.atom03 || ns == nil) : false {
            return AtomElements.feedChild(name.local, attributes, base: base, builder: self)
        }
        if !isAtom, XMLNamespaces.isRSSCore(ns) || ns == rootNamespace {
            return RSSElements.feedChild(name.local, attributes)
        }
        switch ns {
        case XMLNamespaces.atom10, XMLNamespaces.atom03:
            return AtomElements.feedChild(name.local, attributes, base: base, builder: self)
        case XMLNamespaces.dc:
            switch name.local {
            case "language": return .capture(.feedLanguage, .text)
            case "date": return .capture(.feedDate(rank: 2), .text)
            default: return .skip
            }
        case XMLNamespaces.dcterms:
            return name.local == "modified" ? .capture(.feedDate(rank: 1), .text) : .skip
        case XMLNamespaces.syndication:
            switch name.local {
            case "updatePeriod": return .capture(.feedUpdatePeriod, .text)
            case "updateFrequency": return .capture(.feedUpdateFrequency, .text)
            default: return .skip
            }
        default:
            return .skip
        }
    }

    private func entryChild(_ name: XMLName, _ attributes: XMLAttributes, entry: Int, base: URL?) -> Action {
        let ns = name.namespace
        if isAtom ? (ns == XMLNamespaces.atom10 || ns == XMLNamespaces.atom03 || ns == nil) : false {
            return AtomElements.entryChild(name.local, attributes, entry: entry, base: base, builder: self)
        }
        if !isAtom, XMLNamespaces.isRSSCore(ns) || ns == rootNamespace {
            return RSSElements.entryChild(name.local, attributes, entry: entry, base: base, builder: self)
        }
        switch ns {
        case XMLNamespaces.atom10, XMLNamespaces.atom03:
            return AtomElements.entryChild(name.local, attributes, entry: entry, base: base, builder: self)
        case XMLNamespaces.content:
            return name.local == "encoded" ? .capture(.content, .html) : .skip
        case XMLNamespaces.dc:
            switch name.local {
            case "creator", "author": return .capture(.authorName, .text)
            case "date": return .capture(.published(rank: 2), .text)
            case "subject": return .capture(.category, .text)
            case "description": return .capture(.summary(rank: 2), .html)
            case "title": return drafts[entry].title == nil ? .capture(.title, .html) : .skip
            default: return .skip
            }
        case XMLNamespaces.dcterms:
            switch name.local {
            case "issued": return .capture(.published(rank: 1), .text)
            case "created": return .capture(.published(rank: 2), .text)
            case "modified": return .capture(.updated(rank: 1), .text)
            default: return .skip
            }
        case XMLNamespaces.media:
            switch name.local {
            case "content", "thumbnail":
                mediaEnclosure(name, attributes, entry: entry, base: base)
                return .skip
            case "group": return .push(.mediaGroup(entry))
            default: return .skip
            }
        default:
            return .skip
        }
    }

    private func personChild(_ name: XMLName) -> Action {
        switch name.local {
        case "name": return .capture(.personName, .text)
        case "email": return .capture(.personEmail, .text)
        default: return .skip
        }
    }

    private func mediaEnclosure(_ name: XMLName, _ attributes: XMLAttributes, entry: Int, base: URL?) {
        guard let url = attributes.value("url") else { return }
        drafts[entry].addEnclosure(url: resolve(url, base), type: attributes.value("type"),
                                   length: attributes.value("fileSize"))
    }

    // MARK: Values

    /// When the document has no URL, where the feed says it lives (Atom rel="self"), else its own absolute link,
    /// is the best base for relative links.
    private var fallbackBase: URL? {
        guard documentURL == nil, let feed else { return nil }
        guard let link = [feed.selfLink, feed.resolvedLink].lazy.compactMap({ $0 }).first(where: URLResolution.hasScheme)
        else { return nil }
        if let cached = fallbackCache, cached.link == link { return cached.url }
        let url = URL(string: link)
        fallbackCache = (link, url)
        return url
    }
    private var fallbackCache: (link: String, url: URL?)?

    func resolve(_ reference: String, _ base: URL?) -> String? {
        URLResolution.resolve(reference, against: base ?? fallbackBase)
    }

    func withEntry(_ index: Int, _ body: (inout EntryDraft) -> Void) { body(&drafts[index]) }
    func withFeed(_ body: (inout FeedDraft) -> Void) { if feed != nil { body(&feed!) } }

    private func finishField(_ capture: TextCapture) {
        let base = captureBase
        let kind = capture.kind
        func html() -> String? {
            let value = capture.text
            return value.isEmpty ? nil : URLResolution.resolveURLs(inHTML: value, base: base ?? fallbackBase)
        }
        switch captureField {
        case .feedTitle:
            if feed?.title == nil { let value = TextValues.title(capture.text, kind: kind); feed?.title = value }
        case .feedLink:
            if feed?.link == nil { let value = resolve(capture.string, base); feed?.link = value }
        case .feedDescription:
            if feed?.description == nil { let value = html(); feed?.description = value }
        case .feedLanguage:
            if feed?.language == nil { let value = TextValues.nonEmpty(capture.string); feed?.language = value }
        case .feedTTL:
            if feed?.ttlMinutes == nil { let value = TextValues.positiveInteger(capture.string); feed?.ttlMinutes = value }
        case .feedDate(let rank):
            feed?.updated.offer(capture.string, rank: rank)
        case .feedUpdatePeriod:
            if feed?.updatePeriod == nil { feed?.updatePeriod = capture.string }
        case .feedUpdateFrequency:
            if feed?.updateFrequency == nil {
                let value = TextValues.positiveInteger(capture.string)
                feed?.updateFrequency = value
            }
        case .personName:
            if personName == nil { personName = TextValues.nonEmpty(TextNormalization.collapseWhitespace(capture.text)) }
        case .personEmail:
            if personEmail == nil { personEmail = TextValues.nonEmpty(capture.string) }
        default:
            guard let index = captureEntry else { return }
            finishEntryField(capture, entry: index, html: html)
        }
    }

    private func finishEntryField(_ capture: TextCapture, entry index: Int, html: () -> String?) {
        var draft = drafts[index]
        switch captureField {
        case .title:
            if draft.title == nil { draft.title = TextValues.title(capture.text, kind: capture.kind) }
        case .link:
            if draft.link == nil { draft.link = resolve(capture.string, captureBase) }
        case .guid:
            if draft.guid == nil { draft.guid = TextValues.nonEmpty(capture.string) }
        case .id:
            if draft.id == nil { draft.id = TextValues.nonEmpty(capture.string) }
        case .published(let rank):
            draft.published.offer(capture.string, rank: rank)
        case .updated(let rank):
            draft.updated.offer(capture.string, rank: rank)
        case .rssAuthor:
            let person = TextValues.person(capture.text)
            draft.offerAuthor(name: person.name, email: person.email)
        case .authorName:
            draft.offerAuthor(name: TextValues.nonEmpty(TextNormalization.collapseWhitespace(capture.text)), email: nil)
        case .summary(let rank):
            if rank < draft.summaryRank, let value = capture.kind == .text ? TextValues.nonEmpty(capture.text) : html() {
                draft.summary = value
                draft.summaryRank = rank
            }
        case .content:
            if draft.content == nil {
                draft.content = capture.kind == .text ? TextValues.nonEmpty(capture.text) : html()
            }
        case .category:
            draft.addCategory(capture.text)
        default:
            break
        }
        drafts[index] = draft
    }
}
