import CLibXML
import FeedModel
import Foundation

/// Reads subscriptions from an OPML file: every `<outline xmlUrl=…>` is a feed; the folders (outlines without
/// `xmlUrl`) around it name its category, nested folders joined with " / ".
public enum OPMLReader {
    public static func read(from file: URL) throws(ConfigurationError) -> [FeedSource] {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw ConfigurationError(file: file.path, message: "no such file or not readable")
        }
        return try parse(data, file: file.path, base: file.deletingLastPathComponent())
    }

    /// `base`: the folder relative `xmlUrl` paths (local files) are resolved against.
    public static func parse(_ data: Data, file: String, base: URL) throws(ConfigurationError) -> [FeedSource] {
        // NONET and no NOENT/DTDLOAD: an OPML file cannot make feedd read other files or the network.
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_NOBLANKS.rawValue)
        let document = data.withUnsafeBytes { raw in
            xmlReadMemory(raw.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(raw.count), file, nil, options)
        }
        guard let document else {
            let error = xmlGetLastError()
            let line = error.map { Int($0.pointee.line) }
            let message = error.flatMap { $0.pointee.message.map { String(cString: $0) } }?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? "not well-formed XML"
            throw ConfigurationError(file: file, line: line, message: "not a valid OPML file: \(message)")
        }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document), OPMLDocument.name(of: root) == "opml" else {
            throw ConfigurationError(file: file, line: 1, message: "not an OPML file (the root element is not <opml>)")
        }
        guard let body = OPMLDocument.elements(of: root).first(where: { OPMLDocument.name(of: $0) == "body" }) else {
            throw ConfigurationError(file: file, line: Int(xmlGetLineNo(root)), message: "OPML file has no <body>")
        }
        var feeds: [FeedSource] = []
        try collect(OPMLDocument.elements(of: body), folders: [], into: &feeds, file: file, base: base)
        return feeds
    }

    private static func collect(_ nodes: [xmlNodePtr], folders: [String], into feeds: inout [FeedSource],
                                file: String, base: URL) throws(ConfigurationError) {
        for node in nodes where OPMLDocument.name(of: node) == "outline" {
            let title = OPMLDocument.attribute(node, "title") ?? OPMLDocument.attribute(node, "text")
            if let given = OPMLDocument.attribute(node, "xmlUrl") {
                let url = FeedURL.resolve(given, base: base)
                guard FeedURL.isSupported(url) else {
                    throw ConfigurationError(file: file, line: Int(xmlGetLineNo(node)), key: "xmlUrl",
                                             message: "'\(given)' is not an http(s):// or file:// URL, nor a file path")
                }
                let category = folders.isEmpty ? OPMLDocument.attribute(node, "category") : folders.joined(separator: " / ")
                feeds.append(FeedSource(url: url, title: title, category: category))
            } else {
                let folder = title.map { TextNormalization.collapseWhitespace($0) }.flatMap { $0.isEmpty ? nil : $0 }
                try collect(OPMLDocument.elements(of: node), folders: folders + (folder.map { [$0] } ?? []), into: &feeds, file: file,
                            base: base)
            }
        }
    }
}
