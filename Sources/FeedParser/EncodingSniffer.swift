/// Which character encoding a document's bytes are in. Precedence as in RFC 7303: a byte order mark wins, then the
/// HTTP charset, then the XML declaration, then UTF-8. ISO-8859-1 is read as its superset windows-1252, as browsers do.
enum DocumentEncoding: Equatable, Sendable {
    case utf8
    case utf16LE, utf16BE, utf32LE, utf32BE
    case windows1252
    /// Any other ASCII-compatible encoding, decoded by libxml2 (iconv) under this name.
    case other(String)
}

struct EncodingDecision: Equatable, Sendable {
    var encoding: DocumentEncoding
    /// Bytes of byte order mark to drop.
    var bomLength: Int
}

enum EncodingSniffer {
    static func decide(_ bytes: UnsafeBufferPointer<UInt8>, contentType: String?) -> EncodingDecision {
        if let bom = byteOrderMark(bytes) { return bom }
        if let charset = contentType.flatMap(charsetParameter), let encoding = encoding(named: charset, bytes: bytes) {
            return EncodingDecision(encoding: encoding, bomLength: 0)
        }
        // UTF-16/32 without a mark still shows itself in how "<?" is spelled.
        if bytes.count >= 4 {
            switch (bytes[0], bytes[1], bytes[2], bytes[3]) {
            case (0x3C, 0, 0, 0): return EncodingDecision(encoding: .utf32LE, bomLength: 0)
            case (0, 0, 0, 0x3C): return EncodingDecision(encoding: .utf32BE, bomLength: 0)
            case (0x3C, 0, _, 0): return EncodingDecision(encoding: .utf16LE, bomLength: 0)
            case (0, 0x3C, 0, _): return EncodingDecision(encoding: .utf16BE, bomLength: 0)
            default: break
            }
        }
        if let declared = declaredEncoding(bytes), let encoding = encoding(named: declared, bytes: bytes) {
            return EncodingDecision(encoding: encoding, bomLength: 0)
        }
        return EncodingDecision(encoding: .utf8, bomLength: 0)
    }

    static func byteOrderMark(_ b: UnsafeBufferPointer<UInt8>) -> EncodingDecision? {
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { return EncodingDecision(encoding: .utf8, bomLength: 3) }
        if b.count >= 4, b[0] == 0xFF, b[1] == 0xFE, b[2] == 0, b[3] == 0 { return EncodingDecision(encoding: .utf32LE, bomLength: 4) }
        if b.count >= 4, b[0] == 0, b[1] == 0, b[2] == 0xFE, b[3] == 0xFF { return EncodingDecision(encoding: .utf32BE, bomLength: 4) }
        if b.count >= 2, b[0] == 0xFF, b[1] == 0xFE { return EncodingDecision(encoding: .utf16LE, bomLength: 2) }
        if b.count >= 2, b[0] == 0xFE, b[1] == 0xFF { return EncodingDecision(encoding: .utf16BE, bomLength: 2) }
        return nil
    }

    /// `charset` of a Content-Type header value, unquoted.
    static func charsetParameter(_ contentType: String) -> String? {
        for part in contentType.split(separator: ";").dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingASCIISpaces().lowercased() == "charset" else { continue }
            let value = pair[1].trimmingASCIISpaces().trimmingCharacters(in: ["\"", "'"])
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// The `encoding="..."` of the XML declaration, looked for where the declaration can be (after junk, too).
    static func declaredEncoding(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        guard let start = XMLStart.declarationOffset(b) else { return nil }
        var i = start
        let end = min(b.count, start + 512)
        var declEnd = end
        while i + 1 < end { if b[i] == UInt8(ascii: "?"), b[i + 1] == UInt8(ascii: ">") { declEnd = i; break }; i += 1 }
        let decl = String(decoding: UnsafeBufferPointer(rebasing: b[start..<declEnd]), as: UTF8.self)
        guard let range = decl.range(of: "encoding") else { return nil }
        var rest = decl[range.upperBound...].drop(while: { $0 == " " || $0 == "=" || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        rest = rest.dropFirst()
        let name = rest.prefix(while: { $0 != quote })
        return name.isEmpty ? nil : String(name)
    }

    /// Whether bytes labelled Latin-1 are UTF-8 text: their high bytes form more valid multibyte UTF-8 sequences
    /// than stray bytes. Latin-1 text almost never does by chance ("Ã©" is what "é" becomes when UTF-8 is read
    /// as Latin-1): over the corpus's 10 Latin-1 documents, the real ones have no such sequence, the two
    /// mislabelled ones 33 and 670 (and 1 stray byte). Read as UTF-8, a stray byte is still windows-1252.
    static func isMislabelledUTF8(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        var sequences = 0, stray = 0
        var i = 0
        while i < p.count {
            if p[i] < 0x80 { i += 1; continue }
            let length = UTF8Bytes.validSequenceLength(p, i)
            if length > 0 { sequences += 1; i += length } else { stray += 1; i += 1 }
        }
        return sequences > stray
    }

    /// Maps a charset label to a decoder; nil for labels that cannot be right for these bytes.
    static func encoding(named label: String, bytes: UnsafeBufferPointer<UInt8>) -> DocumentEncoding? {
        let name = label.trimmingASCIISpaces().lowercased()
        switch name {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us":
            return .utf8
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "windows-1252", "cp1252",
             "x-cp1252", "cp819", "ibm819", "iso-ir-100":
            // The commonest wrong label: servers and generators that default to Latin-1 around UTF-8 text.
            return isMislabelledUTF8(bytes) ? .utf8 : .windows1252
        case "utf-16", "utf16", "ucs-2", "unicode":
            // Without a byte order mark: guess from the first "<", little-endian when it cannot be seen.
            if bytes.count >= 2, bytes[0] == 0, bytes[1] != 0 { return .utf16BE }
            if bytes.count >= 2, bytes[0] != 0, bytes[1] == 0 { return .utf16LE }
            return nil
        case "utf-16le": return .utf16LE
        case "utf-16be": return .utf16BE
        case "utf-32", "utf-32le": return .utf32LE
        case "utf-32be": return .utf32BE
        case "gb2312", "gbk", "x-gbk", "gb_2312-80", "chinese", "csgb2312", "euc-cn": return .other("GB18030")
        case "": return nil
        default:
            // UTF-16 bytes that only claim an 8-bit encoding are still UTF-16.
            if bytes.count >= 2, (bytes[0] == 0) != (bytes[1] == 0) { return nil }
            return LibXMLEncodings.isKnown(name) ? .other(name) : nil
        }
    }
}

extension StringProtocol {
    /// Trimmed of ASCII white space at both ends (byte-level: Foundation's trimming is slow on the hot path).
    func trimmingASCIISpaces() -> String {
        let string = self as? String ?? String(self)
        let u = string.utf8
        var start = u.startIndex, end = u.endIndex
        while start < end, MarkupEscaping.isSpace(u[start]) { start = u.index(after: start) }
        while end > start, MarkupEscaping.isSpace(u[u.index(before: end)]) { end = u.index(before: end) }
        if start == u.startIndex, end == u.endIndex { return string }
        return String(decoding: u[start..<end], as: UTF8.self)
    }
}
