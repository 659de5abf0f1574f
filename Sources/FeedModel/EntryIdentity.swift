import Foundation

/// How an item is recognised when a feed is fetched again: its guid/id, else its canonical link,
/// else a hash of its title and date. Publishers that change neither keep one stored entry per item.
public enum EntryIdentity {
    public static func key(guid: String?, link: String?, title: String?, published: Date?) -> String {
        key(guid: guid, link: link, canonicalLink: link.flatMap(CanonicalURL.canonicalize), title: title,
            published: published)
    }

    /// The same, with `link`'s canonical form already at hand (`CanonicalURL.canonicalize(link)`), so a caller that
    /// stores it too canonicalises once; it is only read when the item has no guid.
    public static func key(guid: String?, link: String?, canonicalLink: @autoclosure () -> String?, title: String?,
                           published: Date?) -> String {
        if let guid = guid?.trimmingCharacters(in: .whitespacesAndNewlines), !guid.isEmpty {
            return "id:" + guid
        }
        if link != nil, let canonical = canonicalLink() {
            return "url:" + canonical
        }
        if let link = link?.trimmingCharacters(in: .whitespacesAndNewlines), !link.isEmpty {
            return "url:" + link
        }
        let stamp = published.map { String(Int64($0.timeIntervalSince1970)) } ?? ""
        return "hash:" + StableHash.hex(TextNormalization.collapseWhitespace(title ?? "") + "\u{1F}" + stamp)
    }
}

/// FNV-1a 64-bit: a hash that is the same in every process and on every run (Swift's `Hasher` is seeded per process).
public enum StableHash {
    public static func fnv1a(_ string: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in string.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }

    public static func hex(_ string: String) -> String {
        let value = fnv1a(string)
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
