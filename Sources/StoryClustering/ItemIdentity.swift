import FeedModel

/// What makes two items one item (tier 1): the same canonical link or the same guid — with the cases real feeds
/// get wrong kept out, since an identity match overrides every other tier:
/// - A link to a site's front page (`fanboys.fm`, `example.com/`) names no item: podcast and small-site feeds
///   often link every episode there, or to anchors on it (`fanboys.fm/#81`, whose fragment canonicalisation
///   drops).
/// - Within one feed, two entries are two items, whatever their links say: the store already keeps one entry
///   per item of a feed (by its guid, else its link), so two entries of one feed sharing a canonical link are
///   anchors on one page (`entries.php#110`, `#111`) or episodes linked to one show page, not one item seen twice.
/// - A short guid (`42`, `FAN081`) is only unique within its feed; another feed's `42` is another item. Guids
///   that are URLs, `tag:`/`urn:` names or long (UUIDs) are taken as global.
struct ItemIdentity: Sendable, Hashable {
    /// Index key of the link, nil when it identifies nothing.
    let urlKey: String?
    /// Index key of the guid: the guid when global, else nil (within its feed the store already tells entries
    /// apart; beyond it a short guid says nothing).
    let guidKey: String?
    let feedID: Int64?

    init(_ item: StoryItem) {
        feedID = item.feedID
        urlKey = item.canonicalURL.flatMap { CanonicalURL.isSiteRoot($0) ? nil : $0 }
        guidKey = item.guid.flatMap { !$0.isEmpty && (Self.isGlobal($0) || item.feedID == nil) ? $0 : nil }
    }

    /// Guids long or structured enough to be meant as unique beyond their feed (RSS says a guid is unique;
    /// in practice only these are).
    static func isGlobal(_ guid: String) -> Bool {
        guid.utf8.count >= 24 || guid.utf8.contains { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "/") }
    }

    /// Two entries of one (known) feed: distinct by the feed's own word.
    func distinctInFeed(from other: ItemIdentity) -> Bool {
        feedID != nil && feedID == other.feedID
    }

    /// Why a link the pair shares does not make them one item, nil when it does or they do not share one.
    func sharedLinkRefusal(_ other: ItemIdentity, canonicalURL: String?, otherCanonicalURL: String?) -> String? {
        guard let canonicalURL, canonicalURL == otherCanonicalURL else { return nil }
        if urlKey == nil { return "a site's front page names no item" }
        if distinctInFeed(from: other) { return "two entries of one feed" }
        return nil
    }

    /// Whether the pair is one item by link, by guid, or both.
    func matches(_ other: ItemIdentity) -> (url: Bool, guid: Bool) {
        if distinctInFeed(from: other) { return (false, false) }
        let guid = guidKey != nil && guidKey == other.guidKey
        let url = urlKey != nil && urlKey == other.urlKey
        return (url, guid)
    }
}
