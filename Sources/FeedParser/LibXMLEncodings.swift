import CLibXML

/// Whether libxml2 (through iconv) can decode an encoding by this name.
enum LibXMLEncodings {
    static func isKnown(_ name: String) -> Bool {
        guard let handler = xmlFindCharEncodingHandler(name) else { return false }
        xmlCharEncCloseFunc(handler)
        return true
    }
}
