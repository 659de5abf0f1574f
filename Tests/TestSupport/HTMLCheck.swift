import CLibXML
import Foundation

/// Parses HTML with libxml2's HTML parser and reports what a safety test needs: parser errors and the elements
/// with their attributes and text.
public final class HTMLCheck {
    public struct Element {
        public var name: String
        public var attributes: [(name: String, value: String)]
        public var parent: String?
    }

    public private(set) var errors: [String] = []
    public private(set) var elements: [Element] = []
    public private(set) var text = ""

    /// HTML5 elements libxml2 2.9 (an HTML 4 parser) reports as unknown; any other error fails the check.
    static let html5Elements: Set<String> = ["main", "nav", "section", "article", "header", "footer", "time",
                                             "aside", "figure", "figcaption", "mark", "details", "summary"]

    public init(_ html: String) {
        let handler: xmlStructuredErrorFunc = { context, error in
            guard let context, let error else { return }
            let box = Unmanaged<HTMLCheck>.fromOpaque(context).takeUnretainedValue()
            let message = error.pointee.message.map { String(cString: $0) }?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
            if error.pointee.code == Int32(XML_HTML_UNKNOWN_TAG.rawValue),
               let name = message.split(separator: " ").dropFirst().first,
               HTMLCheck.html5Elements.contains(String(name)) {
                return
            }
            box.errors.append("line \(error.pointee.line): \(message)")
        }
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(self).toOpaque(), handler)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let bytes = Array(html.utf8)
        let doc = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), "digest.html", "utf-8", Int32(HTML_PARSE_NONET.rawValue))
            }
        }
        guard let doc else { errors.append("document did not parse"); return }
        defer { xmlFreeDoc(doc) }
        walk(xmlDocGetRootElement(doc), parent: nil)
    }

    private func walk(_ node: xmlNodePtr?, parent: String?) {
        var node = node
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE {
                let name = String(cString: current.pointee.name).lowercased()
                var attributes: [(String, String)] = []
                var attribute = current.pointee.properties
                while let a = attribute {
                    let attrName = String(cString: a.pointee.name).lowercased()
                    var value = ""
                    if let raw = xmlNodeGetContent(UnsafeMutableRawPointer(a).assumingMemoryBound(to: xmlNode.self)) {
                        value = String(cString: raw)
                        feedd_xmlFree(raw)
                    }
                    attributes.append((attrName, value))
                    attribute = a.pointee.next
                }
                elements.append(Element(name: name, attributes: attributes, parent: parent))
                walk(current.pointee.children, parent: name)
            } else if current.pointee.type == XML_TEXT_NODE, let content = current.pointee.content {
                text += String(cString: content)
            }
            node = current.pointee.next
        }
    }

    public func elements(named name: String) -> [Element] { elements.filter { $0.name == name } }

    /// Everything a safety test forbids, as readable findings (empty = clean).
    public func unsafeFindings() -> [String] {
        var findings: [String] = []
        let forbidden: Set<String> = ["script", "iframe", "object", "embed", "form", "frame", "frameset", "applet",
                                      "base", "svg", "math", "img", "video", "audio", "link-import", "input",
                                      "button", "textarea", "select"]
        for element in elements {
            if forbidden.contains(element.name) { findings.append("<\(element.name)> element") }
            if element.name == "style", element.parent != "head" { findings.append("<style> outside head") }
            if element.name == "meta",
               element.attributes.contains(where: { $0.name == "http-equiv" && $0.value.lowercased() == "refresh" }) {
                findings.append("meta refresh")
            }
            for (name, value) in element.attributes {
                if name.hasPrefix("on") { findings.append("event handler \(name)=\(value)") }
                if name == "style" || name == "srcdoc" || name == "formaction" {
                    findings.append("\(name) attribute")
                }
                if ["href", "src", "action", "xlink:href", "poster", "background", "cite"].contains(name) {
                    let squeezed = value.unicodeScalars.filter { !$0.properties.isWhitespace && $0.value >= 0x20 }
                    let lower = String(String.UnicodeScalarView(squeezed)).lowercased()
                    let schemeEnd = lower.firstIndex(of: ":")
                    let pathStart = lower.firstIndex { "/?#".contains($0) }
                    if let schemeEnd, pathStart.map({ schemeEnd < $0 }) ?? true {
                        let scheme = lower[..<schemeEnd]
                        if !["http", "https", "mailto"].contains(scheme) {
                            findings.append("\(name) with scheme \(scheme): \(value)")
                        }
                    }
                }
            }
        }
        return findings
    }
}
