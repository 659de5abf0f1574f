import FeedModel

/// The words of a link's slug: most news sites put the headline's key words into the path
/// (`/2014/03/10/mt-gox-files-for-us-bankruptcy`), often from the first draft of the headline, so the slug
/// adds words to an item that is only a headline. Only segments of at least three dash- or underscore-joined
/// words count: single words are sections (`/business/`), and runs of digits or mixed tokens are ids.
/// A segment written in percent-encoded UTF-8 (`/%D0%BF%D1%83%D1%82%D0%B8%D0%BD-...`, as WordPress and many
/// Cyrillic, Arabic, Hebrew and CJK sites write their slugs) is decoded first: its words are letters like any other.
enum URLSlug {
    static let minimumWords = 3
    private static let extensions = ["html", "htm", "shtml", "php", "asp", "aspx", "cms", "story", "ece", "jsp"]

    /// The slug words joined by spaces, "" when the link has none. Read over the link's UTF-8 bytes (the
    /// delimiters are all ASCII, so they never fall inside a multi-byte character): walking String indices cost
    /// a tenth of building a profile.
    static func words(_ url: String) -> String {
        var url = url
        return url.withUTF8 { bytes -> String in
            let n = bytes.count
            var start = 0
            if n >= 3 {  // after the first "://"
                for i in 0 ... n - 3 where bytes[i] == 0x3A && bytes[i + 1] == 0x2F && bytes[i + 2] == 0x2F {
                    start = i + 3
                    break
                }
            }
            guard let slash = (start ..< n).first(where: { bytes[$0] == 0x2F }) else { return "" }
            let end = (slash ..< n).first(where: { bytes[$0] == 0x3F || bytes[$0] == 0x23 }) ?? n
            var out: [UInt8] = []
            var segmentStart = slash
            while segmentStart < end {
                while segmentStart < end && bytes[segmentStart] == 0x2F { segmentStart += 1 }
                var segmentEnd = segmentStart
                while segmentEnd < end && bytes[segmentEnd] != 0x2F { segmentEnd += 1 }
                guard segmentStart < segmentEnd else { break }
                // Decoded bytes that are not UTF-8 make no letters (`isWord` reads replacement characters); a
                // broken escape stays and keeps its part from being a word.
                if let decoded = PercentEscapes.decoded(bytes[segmentStart ..< segmentEnd]) {
                    decoded.withUnsafeBufferPointer { appendWords($0, 0 ..< $0.count, to: &out) }
                } else {
                    appendWords(bytes, segmentStart ..< segmentEnd, to: &out)
                }
                segmentStart = segmentEnd
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// One path segment's slug words (extension dropped; at least `minimumWords` parts), space-separated.
    private static func appendWords(_ bytes: UnsafeBufferPointer<UInt8>, _ segment: Range<Int>, to out: inout [UInt8]) {
        var end = segment.upperBound
        if let dot = segment.reversed().first(where: { bytes[$0] == 0x2E }), isExtension(bytes[dot + 1 ..< end]) {
            end = dot
        }
        // A space only comes from a decoded `%20`.
        func isSeparator(_ byte: UInt8) -> Bool { byte == 0x2D || byte == 0x5F || byte == 0x2B || byte == 0x20 }
        // The segment's parts, in two passes (count, then copy) rather than through an array per segment.
        func forEachPart(_ body: (Range<Int>) -> Void) {
            var i = segment.lowerBound
            while i < end {
                while i < end && isSeparator(bytes[i]) { i += 1 }
                var j = i
                while j < end && !isSeparator(bytes[j]) { j += 1 }
                if i < j { body(i ..< j) }
                i = j
            }
        }
        var parts = 0
        forEachPart { _ in parts += 1 }
        guard parts >= minimumWords else { return }
        forEachPart { part in
            guard isWord(bytes[part]) else { return }
            if !out.isEmpty { out.append(0x20) }
            out.append(contentsOf: bytes[part])
        }
    }

    private static let extensionBytes = extensions.map { Array($0.utf8) }

    /// Whether `part` is one of `extensions`, in any case.
    private static func isExtension(_ part: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        extensionBytes.contains { ext in
            ext.count == part.count && zip(ext, part).allSatisfy { $0 == $1 | 0x20 }
        }
    }

    /// At least two characters, all letters. ASCII (nearly every link) is checked byte by byte; a part with other
    /// characters (`zürich`) is checked as a String.
    private static func isWord(_ part: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        if part.allSatisfy({ $0 < 0x80 }) {
            return part.count >= 2 && part.allSatisfy { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
        }
        let text = String(decoding: part, as: UTF8.self)
        return text.count >= 2 && text.allSatisfy(\.isLetter)
    }
}
