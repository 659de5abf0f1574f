import CLibXML
import FeedModel
import Foundation

/// An OPML file as a libxml2 tree, for edits that keep everything they do not touch: other outlines and their
/// attributes, comments, order and (mostly) layout. Also builds new documents for `OPMLWriter`.
final class OPMLDocument {
    let document: xmlDocPtr
    let body: xmlNodePtr
    let file: String

    /// Parses an existing file; whitespace is kept so that the rewritten file keeps its layout.
    init(data: Data, file: String) throws(ConfigurationError) {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let parsed = data.withUnsafeBytes { raw in
            xmlReadMemory(raw.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(raw.count), file, nil, options)
        }
        guard let parsed else { throw ConfigurationError(file: file, message: "not a valid OPML file") }
        guard let root = xmlDocGetRootElement(parsed), Self.name(of: root) == "opml",
              let body = Self.elements(of: root).first(where: { Self.name(of: $0) == "body" }) else {
            xmlFreeDoc(parsed)
            throw ConfigurationError(file: file, message: "not an OPML file with a <body>")
        }
        document = parsed
        self.body = body
        self.file = file
    }

    /// A new, empty OPML 2.0 document.
    init(title: String, created: Date?) {
        document = xmlNewDoc("1.0")
        let root = xmlNewNode(nil, "opml")!
        xmlNewProp(root, "version", "2.0")
        xmlDocSetRootElement(document, root)
        let head = xmlNewChild(root, nil, "head", nil)!
        xmlNewTextChild(head, nil, "title", Self.xmlSafe(title))
        if let created {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
            xmlNewTextChild(head, nil, "dateCreated", formatter.string(from: created))
        }
        body = xmlNewChild(root, nil, "body", nil)!
        file = "-"
    }

    deinit { xmlFreeDoc(document) }

    /// The document as UTF-8 bytes; `indent` re-indents (new documents only: it would disturb an edited file).
    func serialized(indent: Bool) -> Data {
        var buffer: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        xmlDocDumpFormatMemoryEnc(document, &buffer, &size, "UTF-8", indent ? 1 : 0)
        guard let buffer else { return Data() }
        defer { feedd_xmlFree(buffer) }
        return Data(bytes: buffer, count: Int(size))
    }

    // MARK: Reading the tree

    static func name(of node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    static func elements(of node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(current) }
            child = current.pointee.next
        }
        return result
    }

    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { feedd_xmlFree(value) }
        let string = String(cString: value).trimmingCharacters(in: .whitespacesAndNewlines)
        return string.isEmpty ? nil : string
    }

    /// A folder's name as OPMLReader sees it (nil: a nameless folder, transparent for categories).
    static func folderName(_ node: xmlNodePtr) -> String? {
        let title = (attribute(node, "title") ?? attribute(node, "text")).map(TextNormalization.collapseWhitespace)
        return title.flatMap { $0.isEmpty ? nil : $0 }
    }

    static func isOutline(_ node: xmlNodePtr) -> Bool { name(of: node) == "outline" }

    /// Every feed outline in the document, in document order.
    func feedOutlines() -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        func walk(_ node: xmlNodePtr) {
            for child in Self.elements(of: node) where Self.isOutline(child) {
                if Self.attribute(child, "xmlUrl") != nil { result.append(child) } else { walk(child) }
            }
        }
        walk(body)
        return result
    }

    /// The folder at `path` (names as OPMLReader reports them), created where missing. `layout`: indent what is
    /// added like the surrounding file (edits); without it, the serialiser's indentation does it (new documents).
    func folder(path: [String], layout: Bool) -> xmlNodePtr {
        var parent = body
        for name in path {
            if let existing = Self.elements(of: parent).first(where: {
                Self.isOutline($0) && Self.attribute($0, "xmlUrl") == nil && Self.folderName($0) == name
            }) {
                parent = existing
            } else {
                let folder = xmlNewNode(nil, "outline")!
                xmlNewProp(folder, "text", Self.xmlSafe(name))
                xmlNewProp(folder, "title", Self.xmlSafe(name))
                if layout { append(folder, to: parent) } else { xmlAddChild(parent, folder) }
                parent = folder
            }
        }
        return parent
    }

    // MARK: Editing

    /// A new feed outline (not yet in the tree). An untitled feed gets an empty `text`, which OPMLReader reads
    /// as "no title", so the feed's own title shows rather than its URL.
    static func feedOutline(url: String, title: String?) -> xmlNodePtr {
        let node = xmlNewNode(nil, "outline")!
        xmlNewProp(node, "type", "rss")
        xmlNewProp(node, "text", xmlSafe(title ?? ""))
        if let title { xmlNewProp(node, "title", xmlSafe(title)) }
        xmlNewProp(node, "xmlUrl", xmlSafe(url))
        return node
    }

    /// Appends `child` as the last element of `parent`, indented like its siblings (or one step deeper than the
    /// parent when it has none).
    func append(_ child: xmlNodePtr, to parent: xmlNodePtr) {
        if let last = Self.elements(of: parent).last {
            xmlAddNextSibling(last, child)
            // Added after the element is in place: libxml2 merges adjacent text nodes, and `last` is an element.
            // A file written on one line has no indentation to copy and stays on one line.
            if let indent = Self.whitespace(before: last) { xmlAddPrevSibling(child, xmlNewText(indent)) }
            return
        }
        // No element children: drop the whitespace-only text there, then lay the child out on its own line.
        var node = parent.pointee.children
        while let current = node {
            node = current.pointee.next
            if current.pointee.type == XML_TEXT_NODE, Self.isWhitespace(current) {
                xmlUnlinkNode(current)
                xmlFreeNode(current)
            }
        }
        let outer = (Self.whitespace(before: parent) ?? "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .last.map(String.init) ?? ""
        xmlAddChild(parent, xmlNewText("\n" + outer + "  "))
        xmlAddChild(parent, child)
        xmlAddChild(parent, xmlNewText("\n" + outer))
    }

    /// Takes `node` out of the tree with the indentation in front of it, so no blank line is left behind.
    func remove(_ node: xmlNodePtr) {
        if let previous = node.pointee.prev, previous.pointee.type == XML_TEXT_NODE, Self.isWhitespace(previous) {
            xmlUnlinkNode(previous)
            xmlFreeNode(previous)
        }
        xmlUnlinkNode(node)
        xmlFreeNode(node)
    }

    private static func whitespace(before node: xmlNodePtr) -> String? {
        guard let previous = node.pointee.prev, previous.pointee.type == XML_TEXT_NODE, isWhitespace(previous),
              let content = xmlNodeGetContent(previous) else { return nil }
        defer { feedd_xmlFree(content) }
        return String(cString: content)
    }

    private static func isWhitespace(_ node: xmlNodePtr) -> Bool {
        guard let content = xmlNodeGetContent(node) else { return true }
        defer { feedd_xmlFree(content) }
        return String(cString: content).allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    }

    /// Only the characters XML 1.0 allows: a control character in a title would make the file unreadable.
    static func xmlSafe(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { scalar in
            switch scalar.value {
            case 0x9, 0xA, 0xD: true
            case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
            default: false
            }
        }))
    }
}
