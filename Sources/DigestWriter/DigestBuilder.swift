import Foundation
import FeedHTML
import FeedModel

/// What the builder decided: the view model and, per story, the entries it displays (the pipeline records them
/// so the next day's digest does not repeat them).
public struct DigestBuild: Sendable, Hashable {
    public var digest: DailyDigest
    /// Story id -> ids of the entries shown (near-copies folded under a line included), ascending.
    public var displayed: [Int64: [Int64]]
}

/// Value types in, view model out: grouping, ranking, the no-repeat rule. No I/O, no clock.
public struct DigestBuilder: Sendable {
    public var options: DigestOptions

    public init(options: DigestOptions = DigestOptions()) {
        self.options = options
    }

    public func build(_ input: DigestInput) -> DigestBuild {
        let window = options.window(for: input.day, in: input.timeZone)
        let clock = DigestClock(timeZone: input.timeZone, day: input.day)
        var newStories: [(story: DigestStory, rank: Rank)] = []
        var updates: [(story: DigestStory, rank: Rank)] = []
        var displayed: [Int64: [Int64]] = [:]
        var feedsShown = Set<Int64>()
        var items = 0, duplicates = 0

        for story in input.stories {
            // Items filed after the window belong to a later day's digest (matters when regenerating a past day).
            var seen = Set<Int64>()
            let entries = story.entries.filter { $0.effectiveDate < window.end && seen.insert($0.id).inserted }
            guard !entries.isEmpty else { continue }
            let all = entries.map { item($0, feeds: input.feeds) }
            let shown = input.shownBefore[story.id] ?? []

            let show: [DigestItem]
            let isUpdate: Bool
            if shown.isEmpty {
                show = all
                isUpdate = false
            } else {
                // Shown before: news is an outlet that was not part of it then, or a report whose wording was not
                // shown (an outlet's follow-up; the next post of a series grouped with the last one). Re-posts and
                // copies of what was shown stay out, so nothing is repeated and nothing new goes unseen.
                let before = story.entries.filter { shown.contains($0.id) }.map { item($0, feeds: input.feeds) }
                let knownOutlets = Set(before.map(\.outletKey))
                show = all.filter { item in
                    !shown.contains(item.entry.id)
                        && (!knownOutlets.contains(item.outletKey) || !before.contains { NearCopies.same(item, $0) })
                }
                isUpdate = true
            }
            guard !show.isEmpty else { continue }

            let built = buildStory(id: story.id, headlineFrom: all, show: show, isUpdate: isUpdate,
                                   feeds: input.feeds, clock: clock)
            displayed[story.id] = show.map(\.entry.id).sorted()
            feedsShown.formUnion(show.map(\.entry.feedID))
            items += show.count
            duplicates += built.story.duplicates
            if isUpdate { updates.append(built) } else { newStories.append(built) }
        }

        let sections = makeSections(newStories)
        let failures = makeFailures(input.failures)
        let latest = (newStories + updates).map(\.rank.latest).max()
        let counts = DigestCounts(stories: newStories.count, updates: updates.count, items: items,
                                  feeds: feedsShown.count, duplicatesRemoved: duplicates,
                                  failedFeeds: failures.count)
        let digest = DailyDigest(
            title: FeedText.clean(options.title).isEmpty ? "Daily digest" : FeedText.clean(options.title),
            date: input.day.description, dateText: clock.longDate, timeZone: input.timeZone.identifier,
            windowStart: clock.iso(window.start), windowEnd: clock.iso(window.end),
            updated: clock.iso(max(latest.map { Date(timeIntervalSinceReferenceDate: $0) } ?? window.start, window.start)),
            counts: counts, sections: sections, updates: updates.sorted { $0.rank < $1.rank }.map(\.story),
            failures: failures, allowImages: options.allowImages)
        return DigestBuild(digest: digest, displayed: displayed)
    }

    // MARK: - One story

    /// Ranking key: more outlets first, then the most recent activity, then what the story says (so ties never
    /// depend on the order the store returned stories in, nor on row ids, which differ between two stores that
    /// hold the same entries).
    struct Rank: Comparable {
        var outlets: Int
        var latest: Double
        var tie: String
        static func < (a: Rank, b: Rank) -> Bool {
            if a.outlets != b.outlets { return a.outlets > b.outlets }
            if a.latest != b.latest { return a.latest > b.latest }
            return a.tie < b.tie
        }
    }

    /// What identifies a story's lead item independently of the store: its feed's URL and its identity key.
    static func stableKey(_ item: DigestItem, feeds: [Int64: Feed]) -> String {
        "\(feeds[item.entry.feedID]?.url ?? "")\u{1}\(item.entry.key)"
    }

    func item(_ entry: Entry, feeds: [Int64: Feed]) -> DigestItem {
        let outlet = outletName(entry.feedID, feeds: feeds)
        let title = FeedText.stripOutletSuffix(FeedText.clean(entry.title), outlet: outlet)
        return DigestItem(entry: entry, outlet: outlet, title: title, words: Set(FeedText.words(title)))
    }

    func outletName(_ feedID: Int64, feeds: [Int64: Feed]) -> String {
        guard let feed = feeds[feedID] else { return "Feed \(feedID)" }
        let name = FeedText.clean(feed.displayName)
        return name.isEmpty ? "Feed \(feedID)" : name
    }

    func buildStory(id: Int64, headlineFrom all: [DigestItem], show: [DigestItem], isUpdate: Bool,
                    feeds: [Int64: Feed], clock: DigestClock) -> (story: DigestStory, rank: Rank) {
        let allGroups = NearCopies.groups(all)
        let lead = allGroups[NearCopies.headlineGroup(allGroups)][0]
        let groups = isUpdate ? NearCopies.groups(show) : allGroups

        var articles: [(article: DigestArticle, size: Int, first: Double)] = []
        var duplicates = 0
        for group in groups {
            // One line per wording; one link per outlet on it (its earliest item); the rest are folded copies.
            var outlets: [DigestOutlet] = []
            var outletSeen = Set<String>()
            for item in group where outletSeen.insert(item.outletKey).inserted {
                outlets.append(DigestOutlet(feedID: item.entry.feedID, name: item.outlet,
                                            link: Self.articleLink(item.entry.link), entryID: item.entry.id,
                                            timeText: clock.time(item.entry.effectiveDate),
                                            media: Self.media(item.entry.media)))
            }
            duplicates += group.count - 1
            let isHeadline = group.contains { $0.entry.id == lead.entry.id }
            let title = group.first { !$0.title.isEmpty }?.title ?? ""
            articles.append((DigestArticle(title: title, isHeadline: isHeadline, outlets: outlets,
                                           entryIDs: group.map(\.entry.id).sorted()),
                             outlets.count, group[0].date))
        }
        articles.sort { a, b in
            if a.article.isHeadline != b.article.isHeadline { return a.article.isHeadline }
            if a.size != b.size { return a.size > b.size }
            return a.first < b.first
        }

        let dates = show.map(\.entry.effectiveDate)
        let first = dates.min()!, last = dates.max()!
        let outletCount = Set(show.map(\.outletKey)).count
        let headline = lead.title.isEmpty ? untitledHeadline(lead) : lead.title
        var story = DigestStory(
            id: id, headline: headline, link: Self.articleLink(lead.entry.link),
            summary: isUpdate ? nil : summary(for: lead, among: all, headline: headline),
            firstReported: clock.iso(first), lastReported: clock.iso(last), timeText: clock.span(first, last),
            category: category(of: show, feeds: feeds), outletCount: outletCount,
            articles: articles.map(\.article), duplicates: duplicates)
        story.anchor = "s" + StableHash.hex(Self.stableKey(lead, feeds: feeds))
        return (story, Rank(outlets: outletCount, latest: last.timeIntervalSinceReferenceDate,
                            tie: headline + "\u{1}" + Self.stableKey(lead, feeds: feeds)))
    }

    func untitledHeadline(_ item: DigestItem) -> String {
        let text = FeedText.clean(item.entry.summary)
        return text.isEmpty ? "Untitled item from \(item.outlet)" : TextNormalization.truncate(text, to: 90)
    }

    /// The headline item's summary, else the first other item that has one; never one that only repeats the title.
    func summary(for lead: DigestItem, among all: [DigestItem], headline: String) -> String? {
        let candidates = [lead] + all.sorted(by: NearCopies.earlier).filter { $0.entry.id != lead.entry.id }
        let headWords = Set(FeedText.words(headline))
        for item in candidates {
            let text = FeedText.clean(item.entry.summary)
            let words = Set(FeedText.words(text))
            if text.isEmpty || words.isSubset(of: headWords) { continue }
            return TextNormalization.truncate(text, to: max(40, options.summaryLength))
        }
        return nil
    }

    /// The category most of the story's outlets are filed under; a tie goes to the outlet that reported it first
    /// (then the configured order and the alphabet); uncategorised only when no outlet has one.
    func category(of items: [DigestItem], feeds: [Int64: Feed]) -> String? {
        var votes: [String: Int] = [:]
        var firstSeen: [String: Int] = [:]
        for (order, item) in items.sorted(by: NearCopies.earlier).enumerated() {
            let name = FeedText.clean(feeds[item.entry.feedID]?.category)
            guard !name.isEmpty else { continue }
            if firstSeen[name] == nil { firstSeen[name] = order }
        }
        for feedID in Set(items.map(\.entry.feedID)) {
            let name = FeedText.clean(feeds[feedID]?.category)
            if !name.isEmpty { votes[name, default: 0] += 1 }
        }
        return votes.min { a, b in
            if a.value != b.value { return a.value > b.value }
            if firstSeen[a.key]! != firstSeen[b.key]! { return firstSeen[a.key]! < firstSeen[b.key]! }
            return categoryPrecedes(a.key, b.key)
        }?.key
    }

    /// Configured order first, then alphabetical (case-insensitive, then exact, so the order is total).
    func categoryPrecedes(_ a: String, _ b: String) -> Bool {
        let ia = options.categoryOrder.firstIndex(of: a) ?? Int.max
        let ib = options.categoryOrder.firstIndex(of: b) ?? Int.max
        if ia != ib { return ia < ib }
        if a.lowercased() != b.lowercased() { return a.lowercased() < b.lowercased() }
        return a < b
    }

    /// An entry's audio or video as the digest offers it: http(s) files only, with the size when the feed gave one.
    static func media(_ enclosure: Enclosure?) -> DigestMedia? {
        guard let enclosure, let kind = enclosure.mediaKind, let link = link(enclosure.url),
              link.lowercased().hasPrefix("http") else { return nil }
        return DigestMedia(link: link, kind: kind, sizeText: enclosure.length.flatMap(sizeText))
    }

    /// "840 kB", "54 MB", "1.2 GB" (decimal units, as players and podcast apps show them); nil for no size.
    static func sizeText(_ bytes: Int64) -> String? {
        guard bytes > 0 else { return nil }
        let b = Double(bytes)
        if b < 1e6 { return "\(max(1, Int((b / 1e3).rounded()))) kB" }
        if b < 1e9 { return "\(Int((b / 1e6).rounded())) MB" }
        return String(format: "%.1f GB", b / 1e9)
    }

    /// An article's link as a digest shows it: without click-tracking parameters (`CanonicalURL.withoutTracking`).
    static func articleLink(_ raw: String?) -> String? { link(raw.map(CanonicalURL.withoutTracking)) }

    /// Only http(s) and mailto links reach any output. Characters URLs may not contain (spaces, quotes, angle
    /// brackets) are percent-encoded, so a link can never close the attribute or tag it is written into;
    /// a link with control characters is broken or an attempt to smuggle something, and is dropped.
    static func link(_ raw: String?) -> String? {
        guard let safe = HTMLSanitizer.safeLink(raw) else { return nil }
        let trimmed = safe.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        var out = ""
        for scalar in trimmed.unicodeScalars {
            switch scalar {
            case " ": out += "%20"
            case "\"": out += "%22"
            case "'": out += "%27"
            case "<": out += "%3C"
            case ">": out += "%3E"
            case "`": out += "%60"
            case "\\": out += "%5C"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.properties.isWhitespace {
                    return nil
                }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    // MARK: - Sections, failures

    func makeSections(_ stories: [(story: DigestStory, rank: Rank)]) -> [DigestSection] {
        var byCategory: [String?: [(story: DigestStory, rank: Rank)]] = [:]
        for entry in stories { byCategory[entry.story.category, default: []].append(entry) }
        // Configured categories in their order; the rest by their best story (the day's biggest news leads the
        // page rather than whatever sorts first), then by size, then by name.
        let names = byCategory.keys.compactMap { $0 }.sorted { a, b in
            let ia = options.categoryOrder.firstIndex(of: a) ?? Int.max
            let ib = options.categoryOrder.firstIndex(of: b) ?? Int.max
            if ia != ib { return ia < ib }
            let ra = byCategory[a]!.map(\.rank).min()!, rb = byCategory[b]!.map(\.rank).min()!
            if ra.outlets != rb.outlets { return ra.outlets > rb.outlets }
            if byCategory[a]!.count != byCategory[b]!.count { return byCategory[a]!.count > byCategory[b]!.count }
            return categoryPrecedes(a, b)
        }
        var usedAnchors = Set<String>()
        func anchor(_ name: String) -> String {
            let base = "s-" + FeedText.slug(name, fallback: "section")
            var candidate = base, n = 2
            while !usedAnchors.insert(candidate).inserted { candidate = "\(base)-\(n)"; n += 1 }
            return candidate
        }
        var sections = names.map { name in
            DigestSection(name: name, anchor: anchor(name), uncategorised: false,
                          stories: byCategory[name]!.sorted { $0.rank < $1.rank }.map(\.story))
        }
        if let rest = byCategory[nil] {
            sections.append(DigestSection(name: FeedText.clean(options.uncategorisedName).isEmpty
                                              ? "Other news" : FeedText.clean(options.uncategorisedName),
                                          anchor: anchor("uncategorised"), uncategorised: true,
                                          stories: rest.sorted { $0.rank < $1.rank }.map(\.story)))
        }
        return sections
    }

    func makeFailures(_ failures: [FeedFailure]) -> [DigestFailure] {
        var seen = Set<String>()
        return failures.compactMap { failure -> DigestFailure? in
            let address = FeedText.clean(failure.feedURL)
            // A digest is read (and shared) beyond the configuration: a private feed's credentials are masked,
            // and its masked address is no link.
            let url = URLRedaction.redacted(address)
            let name = FeedText.clean(failure.title)
            let reason = FeedText.clean(failure.reason)
            guard seen.insert(url + "\u{1F}" + reason).inserted else { return nil }
            return DigestFailure(name: name.isEmpty ? (URL(string: url)?.host ?? url) : name, url: url,
                                 link: url != address ? nil
                                     : Self.link(url).flatMap { $0.lowercased().hasPrefix("mailto:") ? nil : $0 },
                                 reason: reason.isEmpty ? "unknown error" : reason)
        }
        .sorted { a, b in
            if a.name.lowercased() != b.name.lowercased() { return a.name.lowercased() < b.name.lowercased() }
            return (a.url, a.reason) < (b.url, b.reason)
        }
    }
}
