/// Caps that keep a hostile or broken document from costing unbounded time or memory. libxml2 (without
/// `XML_PARSE_HUGE`) already refuses nesting deeper than 256 and text nodes over 10 MB; these bound what feedd keeps.
enum ParseLimits {
    /// Text kept per field (title, summary, content...): longer values are cut, never rejected.
    static let maxFieldBytes = 2 * 1024 * 1024
    /// Entries kept per document.
    static let maxEntries = 10_000
    /// Categories and enclosures kept per entry.
    static let maxListItems = 200
    /// Bytes searched for the start of the XML (junk, whitespace, byte order mark before it).
    static let maxLeadingJunk = 64 * 1024
}
