import CLibXML

/// libxml2's streaming `xmlTextReader` over a buffer, with the only options feedd allows: recover from errors,
/// never touch the network, stay quiet. No `NOENT`/`DTDLOAD`: entities are never expanded, DTDs never loaded.
final class XMLStreamReader {
    enum Node {
        case start(XMLName, attributes: XMLAttributes, depth: Int, isEmpty: Bool)
        case end(depth: Int)
        /// A text, CDATA or white-space node; the pointer is valid until the next read.
        case text(UnsafePointer<UInt8>)
        case other
    }

    static let options: Int32 = Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue
        | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_IGNORE_ENC.rawValue
        | XML_PARSE_COMPACT.rawValue)

    private let reader: xmlTextReaderPtr
    /// Names are interned in the reader's dictionary: a pointer pair identifies an element name for the whole parse.
    private var names: [NamePair: XMLName] = [:]
    private var pendingSkip = false

    private struct NamePair: Hashable {
        let local: UnsafeRawPointer
        let namespace: UnsafeRawPointer?
    }

    /// UTF-8 is libxml2's native encoding: naming it would install a UTF-8-to-UTF-8 converter that copies every byte.
    /// With `IGNORE_ENC`, no name means the bytes are read as UTF-8 whatever the declaration says.
    private static func libxmlName(_ encoding: String) -> String? {
        encoding == "UTF-8" ? nil : encoding
    }

    /// A tree parsed up front, walked by the reader (the fallback mode); freed with the reader.
    private let document: xmlDocPtr?

    /// Streams over `bytes`, which must outlive the reader.
    init?(bytes: UnsafeBufferPointer<UInt8>, encoding: String) {
        guard let base = bytes.baseAddress, bytes.count > 0, bytes.count < Int(Int32.max) else { return nil }
        let made = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
            xmlReaderForMemory($0, Int32(bytes.count), nil, Self.libxmlName(encoding), Self.options)
        }
        guard let made else { return nil }
        reader = made
        document = nil
        xmlTextReaderSetStructuredErrorHandler(reader, { _, _ in }, nil)
    }

    /// Parses all of `bytes` into a tree first, then walks it. The streaming reader gives up on a document whose
    /// first chunk already holds a fatal error (mismatched tags in a small feed); the tree parser in recover mode
    /// keeps what it could build.
    init?(treeOf bytes: UnsafeBufferPointer<UInt8>, encoding: String) {
        guard let base = bytes.baseAddress, bytes.count > 0, bytes.count < Int(Int32.max) else { return nil }
        let doc = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
            xmlReadMemory($0, Int32(bytes.count), nil, Self.libxmlName(encoding), Self.options)
        }
        guard let doc else { return nil }
        guard let walker = xmlReaderWalker(doc) else { xmlFreeDoc(doc); return nil }
        reader = walker
        document = doc
    }

    deinit {
        xmlFreeTextReader(reader)
        if let document { xmlFreeDoc(document) }
    }

    /// Skips the subtree of the element just returned by `next()`.
    func skipSubtree() { pendingSkip = true }

    /// The next node, or nil at the end of the document or at an error the parser could not recover from.
    func next() -> Node? {
        let status: Int32
        if pendingSkip {
            pendingSkip = false
            status = xmlTextReaderNext(reader)
        } else {
            status = xmlTextReaderRead(reader)
        }
        guard status == 1 else { return nil }
        switch xmlTextReaderNodeType(reader) {
        case Int32(XML_READER_TYPE_ELEMENT.rawValue):
            let name = currentName()
            let depth = Int(xmlTextReaderDepth(reader))
            let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
            let attributes = XMLAttributes(reader: self, present: xmlTextReaderHasAttributes(reader) == 1)
            return .start(name, attributes: attributes, depth: depth, isEmpty: isEmpty)
        case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
            return .end(depth: Int(xmlTextReaderDepth(reader)))
        case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
             Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue), Int32(XML_READER_TYPE_WHITESPACE.rawValue):
            guard let value = xmlTextReaderConstValue(reader) else { return .other }
            return .text(value)
        default:
            return .other
        }
    }

    /// Value of the current element's attribute (no namespace: `namespace` nil).
    fileprivate func attributeValue(_ local: String, namespace: String?) -> String? {
        let raw: UnsafeMutablePointer<xmlChar>? = local.withCString { l in
            l.withMemoryRebound(to: xmlChar.self, capacity: 1) { lp in
                guard let namespace else { return xmlTextReaderGetAttributeNs(reader, lp, nil) }
                return namespace.withCString { n in
                    n.withMemoryRebound(to: xmlChar.self, capacity: 1) { xmlTextReaderGetAttributeNs(reader, lp, $0) }
                }
            }
        }
        guard let raw else { return nil }
        defer { feedd_xmlFree(raw) }
        return String(cString: raw)
    }

    /// Every attribute of the current element (namespace declarations left out).
    fileprivate func allAttributes() -> [XMLAttribute] {
        var attributes: [XMLAttribute] = []
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            let attrName = currentName()
            if attrName.namespace == XMLNamespaces.xmlns { continue }
            let value = xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
            attributes.append(XMLAttribute(name: attrName, value: value))
        }
        xmlTextReaderMoveToElement(reader)
        return attributes
    }

    private func currentName() -> XMLName {
        guard let local = xmlTextReaderConstLocalName(reader) else { return XMLName(namespace: nil, local: "") }
        let ns = xmlTextReaderConstNamespaceUri(reader)
        let key = NamePair(local: UnsafeRawPointer(local), namespace: ns.map { UnsafeRawPointer($0) })
        if let known = names[key] { return known }
        // Undeclared conventional prefixes ("dc:creator" without xmlns:dc) are resolved once per name here.
        let name = XMLNamespaces.resolved(XMLName(namespace: ns.map { String(cString: $0) }, local: String(cString: local)))
        names[key] = name
        return name
    }
}

/// An element or attribute name: namespace URI and local part. An undeclared prefix stays in `local` ("dc:creator").
struct XMLName: Hashable, Sendable {
    var namespace: String?
    var local: String
}

/// The attributes of the element just read, fetched from libxml2 only when asked for (most elements are skipped
/// unread). Valid only while that element is being handled.
struct XMLAttributes {
    fileprivate unowned(unsafe) let reader: XMLStreamReader
    let present: Bool

    func value(_ local: String, namespace: String? = nil) -> String? {
        present ? reader.attributeValue(local, namespace: namespace) : nil
    }

    var all: [XMLAttribute] { present ? reader.allAttributes() : [] }
}

struct XMLAttribute: Sendable {
    var name: XMLName
    var value: String
}

extension Array where Element == XMLAttribute {
    /// Value of an attribute without namespace (or with the given one).
    func value(_ local: String, namespace: String? = nil) -> String? {
        first { $0.name.local == local && $0.name.namespace == namespace }?.value
    }
}
