/// Namespace URIs feeds use. Elements are matched by URI, never by prefix.
enum XMLNamespaces {
    static let xml = "http://www.w3.org/XML/1998/namespace"
    static let xmlns = "http://www.w3.org/2000/xmlns/"
    static let atom10 = "http://www.w3.org/2005/Atom"
    static let atom03 = "http://purl.org/atom/ns#"
    static let rss1 = "http://purl.org/rss/1.0/"
    static let rss09 = "http://my.netscape.com/rdf/simple/0.9/"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let userlandRSS2 = "http://backend.userland.com/rss2"
    static let userlandRSS = "http://backend.userland.com/rss"
    static let dc = "http://purl.org/dc/elements/1.1/"
    static let dcterms = "http://purl.org/dc/terms/"
    static let content = "http://purl.org/rss/1.0/modules/content/"
    static let media = "http://search.yahoo.com/mrss/"
    /// RSS 1.0's syndication module (`sy:updatePeriod`, `sy:updateFrequency`): WordPress writes it in every feed.
    static let syndication = "http://purl.org/rss/1.0/modules/syndication/"
    static let xhtml = "http://www.w3.org/1999/xhtml"

    /// Conventional prefixes, for documents that use them without declaring them.
    static let wellKnownPrefixes: [String: String] = [
        "dc": dc, "dcterms": dcterms, "content": content, "media": media, "atom": atom10, "rdf": rdf,
        "xhtml": xhtml,
    ]

    /// The name with an undeclared but conventional prefix ("dc:creator" without xmlns:dc) resolved.
    static func resolved(_ name: XMLName) -> XMLName {
        guard name.namespace == nil, let colon = name.local.firstIndex(of: ":") else { return name }
        let prefix = String(name.local[..<colon])
        guard let uri = wellKnownPrefixes[prefix] else { return name }
        return XMLName(namespace: uri, local: String(name.local[name.local.index(after: colon)...]))
    }

    /// Namespaces whose elements are the core vocabulary of RSS (no namespace, RSS 1.0/0.9's, Userland's).
    static func isRSSCore(_ ns: String?) -> Bool {
        ns == nil || ns == rss1 || ns == rss09 || ns == userlandRSS2 || ns == userlandRSS
    }
}
