import CLibXML
import Foundation

/// A feed that a web page names in its markup (`<link rel="alternate" type="application/rss+xml" href=…>`).
public struct DiscoveredFeed: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case rss = "RSS", atom = "Atom", rdf = "RDF", json = "JSON Feed"
    }

    public var url: URL
    public var kind: Kind
    /// The link's `title` attribute ("Comments Feed", "Podcast"), nil when it has none.
    public var title: String?

    public init(url: URL, kind: Kind, title: String? = nil) {
        self.url = url
        self.kind = kind
        self.title = title
    }

    public var description: String {
        "\(url.absoluteString) (\(kind.rawValue)\(title.map { ", \"\($0)\"" } ?? ""))"
    }
}

/// Finds the feeds a web page announces, as browsers and feed readers do, so that a site's address can stand for
/// its feed (`feedd add https://blog.example/`) and a subscription that now serves a page can say where the feed
/// went. Parsed with libxml2's HTML parser: liberal with real-world markup, no network, no entity expansion.
public enum FeedLinkDiscovery {
    /// Bounds on what a page can make of an error message or a subscription: feeds kept, a link's length (longer
    /// addresses are no feed's) and a title's (longer ones are cut).
    static let maxFeeds = 32
    static let maxLinkLength = 2048
    static let maxTitleLength = 120

    /// The feeds `page` links to, in document order and without repeats. Links resolve against the page's
    /// `<base href>`, else `pageURL`; relative links of a page without either are left out.
    public static func feeds(inPage page: UnsafeBufferPointer<UInt8>, pageURL: URL?) -> [DiscoveredFeed] {
        guard let document = HTMLFragment(page: page) else { return [] }
        var base = pageURL
        var baseSeen = false
        var found: [DiscoveredFeed] = []
        var seen = Set<URL>()
        document.walk { event in
            guard case .enter(let node, let name) = event, found.count < maxFeeds else { return true }
            switch name {
            case "base" where !baseSeen:
                // Only the first <base> counts (as in browsers), and only when it has an href.
                guard let href = attribute(node, "href") else { return true }
                baseSeen = true
                base = resolve(href, against: pageURL) ?? base
            case "link", "a":
                guard let feed = feedLink(node, base: base), seen.insert(feed.url).inserted else { return true }
                found.append(feed)
            default:
                break
            }
            return true
        }
        return found
    }

    public static func feeds(inPage page: Data, pageURL: URL?) -> [DiscoveredFeed] {
        page.withUnsafeBytes { feeds(inPage: $0.bindMemory(to: UInt8.self), pageURL: pageURL) }
    }

    /// Whether `bytes` open as an HTML page: after an optional BOM, white space, XML declaration and comments,
    /// a `<!DOCTYPE html` or an `<html` element. Decides whether a document that is not a feed is worth reading
    /// for feed links.
    public static func looksLikeHTML(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        func hasPrefix(_ prefix: String, at k: Int) -> Bool {
            let p = Array(prefix.utf8)
            guard k + p.count <= bytes.count else { return false }
            for j in p.indices where bytes[k + j] | 0x20 != p[j] | 0x20 { return false }
            return true
        }
        // A page that only opens with markup after a few KB of preamble is no page worth reading here.
        let limit = min(bytes.count, 8192)
        func skip(to terminator: String, from k: Int) -> Int? {
            let t = Array(terminator.utf8)
            var k = k
            while k + t.count <= limit {
                if t.indices.allSatisfy({ bytes[k + $0] == t[$0] }) { return k + t.count }
                k += 1
            }
            return nil
        }
        while i < limit {
            let c = bytes[i]
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { i += 1; continue }
            guard c == UInt8(ascii: "<") else { return false }
            if hasPrefix("<?", at: i) || hasPrefix("<!--", at: i) {
                guard let next = skip(to: hasPrefix("<?", at: i) ? "?>" : "-->", from: i + 2) else { return false }
                i = next
                continue
            }
            if hasPrefix("<!doctype html", at: i) { return true }
            guard hasPrefix("<html", at: i), i + 5 < bytes.count else { return false }
            let after = bytes[i + 5]
            return after == UInt8(ascii: ">") || after == UInt8(ascii: "/") || after == 0x20 || after == 0x09
                || after == 0x0A || after == 0x0D
        }
        return false
    }

    // MARK: - Reading the tree

    /// The feed a `<link>` (or, less formally, an `<a>`) names: `rel` has `alternate` (or `feed`) and `type` is a
    /// feed's media type. Plain `application/json` is not one: WordPress announces its REST API with it.
    private static func feedLink(_ node: xmlNodePtr, base: URL?) -> DiscoveredFeed? {
        guard let rel = attribute(node, "rel")?.lowercased(),
              let type = attribute(node, "type"),
              let href = attribute(node, "href") else { return nil }
        let rels = rel.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" })
        guard rels.contains("alternate") || rels.contains("feed") else { return nil }
        let kind: DiscoveredFeed.Kind
        switch type.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() {
        case "application/rss+xml": kind = .rss
        case "application/atom+xml": kind = .atom
        case "application/rdf+xml": kind = .rdf
        case "application/feed+json": kind = .json
        default: return nil
        }
        guard href.utf8.count <= maxLinkLength, let url = resolve(href, against: base) else { return nil }
        let title = attribute(node, "title").map {
            String($0.split(whereSeparator: \.isWhitespace).joined(separator: " ").prefix(maxTitleLength))
        }
        return DiscoveredFeed(url: url, kind: kind, title: title?.isEmpty == false ? title : nil)
    }

    /// `href` made absolute: http(s) links, and file links of a local page. Nil for anything else (`javascript:`,
    /// a relative link with nothing to resolve it against).
    private static func resolve(_ href: String, against base: URL?) -> URL? {
        let trimmed = href.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, let url = URL(string: trimmed, relativeTo: base)?.absoluteURL,
              let scheme = url.scheme?.lowercased(), url.host != nil || scheme == "file" else { return nil }
        switch scheme {
        case "http", "https": return url
        case "file": return base?.isFileURL == true ? url : nil
        default: return nil
        }
    }

    private static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        HTMLFragment.attributes(node).first { $0.name == name }?.value
    }
}
