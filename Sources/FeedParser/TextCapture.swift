import FeedModel

import Foundation

/// How a text construct's content is meant.
enum TextKind: Sendable {
    /// Plain text, kept literally (Atom type="text", link, id, date...).
    case text
    /// HTML, escaped or in CDATA (RSS description, Atom type="html"). Stray child elements are serialised.
    case html
    /// Inline XHTML (Atom type="xhtml"): child elements serialised, the wrapping `<div>` left out.
    case xhtml

    /// Atom 1.0 `type` / Atom 0.3 `type` + `mode`.
    static func atom(type: String?, mode: String?) -> TextKind {
        let type = type?.trimmingASCIISpaces().lowercased() ?? "text"
        switch mode?.trimmingASCIISpaces().lowercased() {
        case "escaped": return type.contains("plain") || type == "text" ? .text : .html
        case "base64": return .text
        default: break
        }
        switch type {
        case "html", "text/html": return .html
        case "xhtml", "application/xhtml+xml": return .xhtml
        default: return .text
        }
    }
}

/// The bytes of one field while its element is open: text nodes, and child elements serialised back to markup
/// when the field holds markup (inline XHTML, or HTML a publisher forgot to escape).
struct TextCapture {
    let depth: Int
    let kind: TextKind
    private(set) var bytes: [UInt8] = []
    private(set) var sawElement = false
    private var openNames: [String] = []
    private var wrapperDepth = -1
    private var full = false

    /// `buffer`: a previous capture's storage, emptied here and reused (its capacity saves regrowing per field).
    init(depth: Int, kind: TextKind, buffer: [UInt8] = []) {
        self.depth = depth
        self.kind = kind
        bytes = buffer
        bytes.removeAll(keepingCapacity: true)
    }

    /// The storage, for the next capture.
    consuming func takeBuffer() -> [UInt8] { bytes }

    private var escapesText: Bool { kind == .xhtml || sawElement }

    mutating func appendText(_ p: UnsafePointer<UInt8>) {
        guard !full else { return }
        let count = strlen(p)
        let buffer = UnsafeBufferPointer(start: p, count: count)
        if escapesText { MarkupEscaping.appendEscaped(buffer, to: &bytes, attribute: false) }
        else { bytes.append(contentsOf: buffer) }
        capSize()
    }

    mutating func appendStart(_ name: XMLName, attributes: XMLAttributes, depth: Int, isEmpty: Bool) {
        guard kind != .text, !full else { return }
        if !sawElement {
            // Text before the first element was unescaped by the XML parser: as markup it must be escaped again.
            if kind == .html {
                var escaped: [UInt8] = []
                escaped.reserveCapacity(bytes.count)
                bytes.withUnsafeBufferPointer { MarkupEscaping.appendEscaped($0, to: &escaped, attribute: false) }
                bytes = escaped
            }
            sawElement = true
            if kind == .xhtml, depth == self.depth + 1, name.local == "div", !isEmpty {
                wrapperDepth = depth
                return
            }
        }
        let local = name.local.split(separator: ":").last.map(String.init) ?? name.local
        bytes.append(UInt8(ascii: "<"))
        bytes.append(contentsOf: local.utf8)
        for attribute in attributes.all {
            let attrLocal = attribute.name.local
            if attribute.name.namespace == XMLNamespaces.xml || attrLocal.hasPrefix("xmlns") { continue }
            bytes.append(UInt8(ascii: " "))
            bytes.append(contentsOf: attrLocal.utf8)
            bytes.append(contentsOf: "=\"".utf8)
            var value = attribute.value
            value.withUTF8 { MarkupEscaping.appendEscaped($0, to: &bytes, attribute: true) }
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(UInt8(ascii: ">"))
        if isEmpty {
            if !MarkupEscaping.voidElements.contains(local.lowercased()) { appendClose(local) }
        } else {
            openNames.append(local)
        }
        capSize()
    }

    mutating func appendEnd(depth: Int) {
        guard kind != .text, sawElement else { return }
        if depth == wrapperDepth { wrapperDepth = -1; return }
        guard let local = openNames.popLast(), !full else { return }
        appendClose(local)
    }

    private mutating func appendClose(_ local: String) {
        bytes.append(contentsOf: "</".utf8)
        bytes.append(contentsOf: local.utf8)
        bytes.append(UInt8(ascii: ">"))
    }

    private mutating func capSize() {
        guard bytes.count > ParseLimits.maxFieldBytes else { return }
        var cut = ParseLimits.maxFieldBytes
        while cut > 0, bytes[cut] & 0xC0 == 0x80 { cut -= 1 }  // not inside a UTF-8 sequence
        bytes.removeSubrange(cut...)
        full = true
    }

    /// The captured value as it is, white space trimmed at both ends: for identifiers, links and dates.
    var string: String { withTrimmed { String(decoding: $0, as: UTF8.self) } }

    /// The captured prose (titles, summaries, content, names), trimmed, with double-encoded characters mended
    /// (`MojibakeRepair`). Identifiers stay as `string` gives them: a repaired guid would store an entry twice.
    var text: String {
        withTrimmed { text in
            guard MojibakeRepair.mayNeedRepair(text) else { return String(decoding: text, as: UTF8.self) }
            var repaired = Array(text)
            MojibakeRepair.repair(&repaired)
            return String(decoding: repaired, as: UTF8.self)
        }
    }

    private func withTrimmed<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var start = 0, end = bytes.count
        while start < end, MarkupEscaping.isSpace(bytes[start]) { start += 1 }
        while end > start, MarkupEscaping.isSpace(bytes[end - 1]) { end -= 1 }
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }
}

enum MarkupEscaping {
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ]

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    static func appendEscaped(_ p: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], attribute: Bool) {
        var run = 0
        for i in 0..<p.count {
            let replacement: StaticString
            switch p[i] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\"") where attribute: replacement = "&quot;"
            default: continue
            }
            if i > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[run..<i])) }
            out.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            run = i + 1
        }
        if p.count > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[run..<p.count])) }
    }
}
