import Foundation

/// A link reduced to what identifies the article, so that one item reached through different links compares equal:
/// scheme, `www.`/`m.`/`amp.` hosts, AMP paths, trailing slashes, fragments and tracking parameters are dropped;
/// remaining query parameters are sorted.
public enum CanonicalURL {
    /// Query parameters that only track the click, never select the content: dropped from identities and from
    /// the links a digest shows (`withoutTracking`).
    static let trackingParameters: Set<String> = [
        "fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid", "mc_cid", "mc_eid", "igshid", "_hsenc", "_hsmi",
        "mkt_tok", "ref_src", "ref_url", "cmpid", "ncid", "sr_share", "spm", "s_cid", "ito", "at_medium",
        "at_campaign", "ocid",
        // AT Internet, Yahoo's consent redirect, Openstat, social share tags, the NYT's feed and share tags.
        "xtor", "icid", "guccounter", "guce_referrer", "guce_referrer_sig", "_openstat", "soc_src", "soc_trk",
        "smid", "smtyp", "emc",
    ]
    /// Parameters that mark where a link was posted or which rendering it asks for ("ref", "rss", "amp",
    /// "outputtype=amp") but may select content on some sites: dropped from identities, where they almost always
    /// name the same article, but left in the links a digest shows, which must still open what the feed linked.
    static let identityOnlyParameters: Set<String> = [
        "ref", "cmp", "share", "rss", "track", "outputtype", "amp", "partner",
    ]
    /// Webtrekk (`wt_mc`, `wt_zmc`: heise, Zeit; `WT.mc_id`: Microsoft) and comScore (`ns_campaign`, `ns_source`:
    /// the BBC) tag every feed link: without them, one article's link differs between its feed and a share.
    static let trackingPrefixes = ["utm_", "pk_", "mtm_", "__twitter", "at_", "_ga", "hsa_", "oly_", "vero_",
                                   "wt_", "wt.", "ns_"]
    static let mobileHostPrefixes = ["www.", "m.", "mobile.", "amp.", "www2."]

    /// Raise when `canonicalize` changes in code (not in the tables above, which `rulesFingerprint` reads itself).
    static let logicRevision = 2
    /// Names this version's canonicalisation: a store keeps the fingerprint its links were canonicalised under
    /// and re-canonicalises them when it differs, since identity keys of items without a guid are canonical links
    /// and a stale key would store a feed's listed item again as new (`FeedStore.refreshLinkIdentities`).
    public static let rulesFingerprint: String = {
        let parameters = trackingParameters.union(identityOnlyParameters)
        let tables = [parameters.sorted(), trackingPrefixes.sorted(), mobileHostPrefixes.sorted()]
        return "\(logicRevision)-" + StableHash.hex(tables.map { $0.joined(separator: ",") }.joined(separator: "|"))
    }()

    /// The canonical form, or nil when `link` is not an absolute http(s) URL.
    public static func canonicalize(_ link: String) -> String? {
        let trimmed = link.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let components = URLComponents(string: trimmed),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              var host = components.host?.lowercased(), !host.isEmpty
        else { return nil }

        for prefix in mobileHostPrefixes where host.hasPrefix(prefix) && host.count > prefix.count + 3 {
            host.removeFirst(prefix.count)
            break
        }
        if host.hasSuffix(".") { host.removeLast() }
        // AMP caches and viewers wrap the publisher's own URL in their path: unwrap and canonicalise that.
        if let inner = unwrapAMPCache(host: host, path: components.percentEncodedPath) { return canonicalize(inner) }

        var path = normalizedPercentEncoding(components.percentEncodedPath)
        path = stripAMP(path)
        while path.hasSuffix("/") { path.removeLast() }
        for index in ["/index.html", "/index.htm", "/index.php"] where path.hasSuffix(index) {
            path.removeLast(index.count)
        }

        let items = (components.queryItems ?? []).filter { item in
            let name = item.name.lowercased()
            return !isTracking(lowercased: name) && !identityOnlyParameters.contains(name)
        }
        let query = items
            .map { item in item.value.map { "\(item.name)=\($0)" } ?? item.name }
            .sorted()
            .joined(separator: "&")

        var result = host
        if let port = components.port, !(port == 80 || port == 443) { result += ":\(port)" }
        result += path.isEmpty ? "" : path
        if !query.isEmpty { result += "?" + query }
        return result
    }

    /// A percent-encoded path in one spelling of its escapes (RFC 3986, 6.2.2): hex digits in upper case, and
    /// unreserved characters (letters, digits, `-._~`) written as themselves. One WordPress site writes a Cyrillic
    /// slug `%d0%bf…`, another feed or a share of the same article `%D0%BF…` or in letters (which `URLComponents`
    /// encodes in upper case): one article.
    static func normalizedPercentEncoding(_ path: String) -> String {
        func isUnreserved(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "A") ... UInt8(ascii: "Z"), UInt8(ascii: "a") ... UInt8(ascii: "z"),
                 UInt8(ascii: "0") ... UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"):
                true
            default: false
            }
        }
        guard let bytes = PercentEscapes.decoded(path.utf8, keepEscaped: { !isUnreserved($0) }) else { return path }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether a query parameter only tracks the click (`trackingParameters`, `trackingPrefixes`).
    static func isTracking(_ name: String) -> Bool { isTracking(lowercased: name.lowercased()) }

    /// `isTracking` of a name already lowercased.
    static func isTracking(lowercased name: String) -> Bool {
        trackingParameters.contains(name) || trackingPrefixes.contains { name.hasPrefix($0) }
    }

    /// `link` without its click-tracking parameters (`utm_source`, `fbclid`, heise's `wt_mc` …), everything else
    /// as written: scheme, host, path, the other parameters in their order and encoding, the fragment. What a
    /// digest links to: the article the feed linked, without telling its publisher which feed the click came
    /// through. A link that does not parse, or has nothing to drop, comes back unchanged.
    public static func withoutTracking(_ link: String) -> String {
        // On the text itself, not through URLComponents, which would re-encode the rest (a non-ASCII path, an
        // internationalised host as punycode).
        let fragmentStart = link.firstIndex(of: "#") ?? link.endIndex
        guard let mark = link[..<fragmentStart].firstIndex(of: "?") else { return link }
        let query = link[link.index(after: mark) ..< fragmentStart]
        let parameters = query.split(separator: "&", omittingEmptySubsequences: false)
        let kept = parameters.filter { parameter in
            !isTracking(String(parameter.prefix { $0 != "=" }).removingPercentEncoding ?? "")
        }
        guard kept.count < parameters.count else { return link }
        return String(link[..<mark]) + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&")) + link[fragmentStart...]
    }

    /// Whether a canonical link (from `canonicalize`) is a site's front page — a host with no path or query —
    /// which names a site, not an article: feeds that link every item to their home page share it.
    public static func isSiteRoot(_ canonical: String) -> Bool {
        // Bytes, not `String.contains(_: String)`: Foundation's substring search costs more than the rest of
        // an item's identity, and this runs for every item clustered.
        !canonical.utf8.contains { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") }
    }

    /// `https://www-example-com.cdn.ampproject.org/c/s/www.example.com/story` and
    /// `https://www.google.com/amp/s/www.example.com/story` → `https://www.example.com/story`.
    static func unwrapAMPCache(host: String, path: String) -> String? {
        let prefixes: [String]
        if host.hasSuffix(".cdn.ampproject.org") {
            prefixes = ["/c/s/", "/v/s/", "/i/s/", "/c/", "/v/", "/i/"]
        } else if host == "google.com" || host.hasPrefix("google.") {
            prefixes = ["/amp/s/", "/amp/"]
        } else {
            return nil
        }
        for prefix in prefixes where path.hasPrefix(prefix) {
            let rest = String(path.dropFirst(prefix.count))
            guard rest.contains(".") else { return nil }
            return (prefix.hasSuffix("/s/") ? "https://" : "http://") + (rest.removingPercentEncoding ?? rest)
        }
        return nil
    }

    /// `/amp/story`, `/story/amp`, `/story.amp`, `/story.amp.html` → `/story…` without the AMP marker.
    static func stripAMP(_ path: String) -> String {
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        segments.removeAll { $0.lowercased() == "amp" }
        if var last = segments.last {
            for suffix in [".amp.html", ".amp"] where last.lowercased().hasSuffix(suffix) {
                last.removeLast(suffix.count)
                if suffix == ".amp.html" { last += ".html" }
                segments[segments.count - 1] = last
                break
            }
        }
        return segments.joined(separator: "/")
    }
}
