/// The `%XX` escapes of a URL, read over its bytes: `CanonicalURL` spells them one way, and the clustering engine's
/// link slugs decode them into the words they encode.
public enum PercentEscapes {
    /// `bytes` with every well-formed escape (`%` and two hex digits, in either case) decoded to its byte, except
    /// the bytes `keepEscaped` names, which are written back as an escape with upper-case digits. Anything else,
    /// a broken escape (`%zz`, a `%` at the end) among it, is copied as it is. Nil when `bytes` hold no `%`
    /// (nearly every link: no copy). Inlinable, so a caller in another module gets it specialised for its
    /// collection: unspecialised, the search for `%` alone cost more than the rest of a link's slug.
    @inlinable
    public static func decoded(_ bytes: some Collection<UInt8>, keepEscaped: (UInt8) -> Bool = { _ in false })
        -> [UInt8]? {
        guard bytes.contains(UInt8(ascii: "%")) else { return nil }
        let bytes = Array(bytes)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count, let high = hexValue(bytes[i + 1]),
               let low = hexValue(bytes[i + 2]) {
                let value = high << 4 | low
                if keepEscaped(value) {
                    out += [UInt8(ascii: "%"), hexDigits[Int(high)], hexDigits[Int(low)]]
                } else {
                    out.append(value)
                }
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
    }

    @usableFromInline static let hexDigits = Array("0123456789ABCDEF".utf8)

    @usableFromInline static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0") ... UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A") ... UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a") ... UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
