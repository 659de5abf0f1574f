import CLibXML
import Foundation

/// An HTML fragment parsed by libxml2's HTML parser (no implied html/body, no network, quiet, recovering), wrapped
/// in a `<div>` so that a fragment with several top-level nodes has one root; or a whole page, whose root is its
/// `<html>`. Walked iteratively: a hostile document nested thousands deep cannot exhaust the stack.
final class HTMLFragment {
    static let options = Int32(HTML_PARSE_NOIMPLIED.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_RECOVER.rawValue)
    /// Elements deeper than this are not visited (their text is lost, the walk stays cheap).
    static let maxDepth = 512

    private let document: htmlDocPtr

    init?(_ html: String) {
        let wrapped = "<div>" + html + "</div>"
        let parsed = wrapped.withCString { pointer in
            htmlReadMemory(pointer, Int32(strlen(pointer)), nil, "UTF-8", Self.options)
        }
        guard let parsed else { return nil }
        document = parsed
    }

    /// A whole page as served: no encoding given, so libxml2 reads its byte order mark or `<meta charset>`.
    init?(page: UnsafeBufferPointer<UInt8>) {
        guard let start = page.baseAddress, !page.isEmpty, page.count < Int(Int32.max) else { return nil }
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_RECOVER.rawValue)
        let parsed = start.withMemoryRebound(to: CChar.self, capacity: page.count) {
            htmlReadMemory($0, Int32(page.count), nil, nil, options)
        }
        guard let parsed else { return nil }
        document = parsed
    }

    deinit { xmlFreeDoc(document) }

    enum Event {
        case enter(xmlNodePtr, name: String)
        case leave(xmlNodePtr, name: String)
        case text(UnsafePointer<UInt8>)
    }

    /// Visits the fragment's nodes in document order (the wrapping div itself excluded). `visit` returns false on
    /// `.enter` to skip that element's children.
    func walk(_ visit: (Event) -> Bool) {
        guard let root = xmlDocGetRootElement(document) else { return }
        var node = root.pointee.children
        var depth = 1
        while let current = node {
            var descend = false
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                let name = Self.name(current)
                if visit(.enter(current, name: name)), depth < Self.maxDepth, current.pointee.children != nil {
                    descend = true
                } else {
                    _ = visit(.leave(current, name: name))
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { _ = visit(.text(content)) }
            default:
                break
            }
            if descend {
                node = current.pointee.children
                depth += 1
                continue
            }
            // Next sibling, else climb, leaving each element on the way up.
            var cursor: xmlNodePtr? = current
            node = nil
            while let c = cursor {
                if let next = c.pointee.next { node = next; break }
                guard let parent = c.pointee.parent, parent != root, depth > 1 else { break }
                depth -= 1
                _ = visit(.leave(parent, name: Self.name(parent)))
                cursor = parent
            }
        }
    }

    static func name(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
    }

    /// Attributes of an element, in document order, names lower-cased, values with entities decoded.
    static func attributes(_ node: xmlNodePtr) -> [(name: String, value: String)] {
        var result: [(String, String)] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            let name = current.pointee.name.map { String(cString: $0).lowercased() } ?? ""
            var value = ""
            if let raw = xmlNodeListGetString(node.pointee.doc, current.pointee.children, 1) {
                value = String(cString: raw)
                feedd_xmlFree(raw)
            }
            result.append((name, value))
            attribute = current.pointee.next
        }
        return result
    }
}
