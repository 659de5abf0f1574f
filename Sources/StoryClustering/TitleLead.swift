/// A title's lead: the words before its first separator — "Mac Power Users" in "Mac Power Users #331: Collector of
/// Macs", "Katie's Week in Review" in "Katie's Week in Review: July 24, 2016", "Support System" in "Support System -
/// Down". A feed that opens several titles with one lead is naming a series, a column or a kicker, and the lead
/// tells its posts apart no better than the feed's name would (`ItemProfile.ownFeedShare`).
enum TitleLead {
    /// Bytes of the title searched for a separator: a lead longer than this is a sentence, not a name.
    static let searchedBytes = 80

    /// The lead of `title`, or nil when the title has no separator within `searchedBytes` or nothing follows it.
    /// Separators: a colon followed by a space, a dash, en dash, em dash or bar between spaces, and " #" (an
    /// episode number: "Show #12"). A hyphen inside a word ("Russia-Ukraine") is not one. Chinese and Japanese
    /// titles put no spaces around theirs: a full-width colon or bar, or 丨 (an ideograph written as a bar).
    static func of(_ title: String) -> Substring? {
        var text = title
        let end: (at: Int, width: Int)? = text.withUTF8 { bytes in
            func isSpace(_ k: Int) -> Bool { k < bytes.count && bytes[k] == 0x20 }
            func isSequence(_ k: Int, _ b: UInt8, _ c: UInt8) -> Bool {
                k + 2 < bytes.count && bytes[k + 1] == b && bytes[k + 2] == c
            }
            for k in 0 ..< min(bytes.count, searchedBytes) {
                switch bytes[k] {
                case 0x3A where isSpace(k + 1):  // ": "
                    return (k, 1)
                case 0x20 where k + 2 < bytes.count:
                    let next = bytes[k + 1]
                    // " #", " - ", " | "
                    if next == 0x23 || (next == 0x2D || next == 0x7C) && isSpace(k + 2) { return (k, 1) }
                    // " – " and " — ": E2 80 93 / E2 80 94.
                    if next == 0xE2, k + 4 < bytes.count, bytes[k + 2] == 0x80,
                       bytes[k + 3] == 0x93 || bytes[k + 3] == 0x94, isSpace(k + 4) {
                        return (k, 1)
                    }
                // "：" EF BC 9A, "｜" EF BD 9C, "丨" E4 B8 A8.
                case 0xEF where isSequence(k, 0xBC, 0x9A) || isSequence(k, 0xBD, 0x9C):
                    return (k, 3)
                case 0xE4 where isSequence(k, 0xB8, 0xA8):
                    return (k, 3)
                default:
                    break
                }
            }
            return nil
        }
        guard let (end, width) = end, end > 0 else { return nil }
        // Something worth a title must follow: a letter or digit after the separator.
        let rest = title.utf8.dropFirst(end + width)
        guard rest.contains(where: { $0 >= 0x80 || (0x30 ... 0x39).contains($0) || (0x41 ... 0x5A).contains($0)
            || (0x61 ... 0x7A).contains($0) }) else { return nil }
        return title[..<title.utf8.index(title.utf8.startIndex, offsetBy: end)]
    }
}
