/// A title's lead: the words before its first separator — "Mac Power Users" in "Mac Power Users #331: Collector of
/// Macs", "Katie's Week in Review" in "Katie's Week in Review: July 24, 2016", "Support System" in "Support System -
/// Down". A feed that opens several titles with one lead is naming a series, a column or a kicker, and the lead
/// tells its posts apart no better than the feed's name would (`ItemProfile.seriesShare`).
enum TitleLead {
    /// Bytes of the title searched for a separator: a lead longer than this is a sentence, not a name.
    static let searchedBytes = 80

    /// The lead of `title`, or nil when the title has no separator within `searchedBytes` or nothing follows it.
    /// Separators: a colon followed by a space, a dash, en dash, em dash or bar between spaces, and " #" (an
    /// episode number: "Show #12"). A hyphen inside a word ("Russia-Ukraine") is not one.
    static func of(_ title: String) -> Substring? {
        var text = title
        let end: Int? = text.withUTF8 { bytes in
            func isSpace(_ k: Int) -> Bool { k < bytes.count && bytes[k] == 0x20 }
            for k in 0 ..< min(bytes.count, searchedBytes) {
                switch bytes[k] {
                case 0x3A where isSpace(k + 1):  // ": "
                    return k
                case 0x20 where k + 2 < bytes.count:
                    let next = bytes[k + 1]
                    // " #", " - ", " | "
                    if next == 0x23 || (next == 0x2D || next == 0x7C) && isSpace(k + 2) { return k }
                    // " – " and " — ": E2 80 93 / E2 80 94.
                    if next == 0xE2, k + 4 < bytes.count, bytes[k + 2] == 0x80,
                       bytes[k + 3] == 0x93 || bytes[k + 3] == 0x94, isSpace(k + 4) {
                        return k
                    }
                default:
                    break
                }
            }
            return nil
        }
        guard let end, end > 0 else { return nil }
        // Something worth a title must follow: a letter or digit after the separator.
        let rest = title.utf8.dropFirst(end + 1)
        guard rest.contains(where: { $0 >= 0x80 || (0x30 ... 0x39).contains($0) || (0x41 ... 0x5A).contains($0)
            || (0x61 ... 0x7A).contains($0) }) else { return nil }
        return title[..<title.utf8.index(title.utf8.startIndex, offsetBy: end)]
    }
}
