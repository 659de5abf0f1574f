import CLibXML
import FeedModel
import Foundation

/// Plain text from an HTML fragment (libxml2's HTML parser): scripts and styles dropped, block elements become
/// spaces, entities decoded, white space collapsed. Used for summaries, titles and similarity.
public enum HTMLText {
    public static func plainText(fromHTML html: String) -> String {
        // Most titles and many summaries hold no markup at all: no parser needed.
        if !html.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }) {
            return TextNormalization.collapseWhitespace(html)
        }
        guard let fragment = HTMLFragment(html) else { return TextNormalization.collapseWhitespace(html) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(html.utf8.count)
        fragment.walk { event in
            switch event {
            case .enter(_, let name):
                if HTMLElements.invisible.contains(name) { return false }
                if HTMLElements.breaking.contains(name) { bytes.append(0x20) }
                return true
            case .leave(_, let name):
                if HTMLElements.breaking.contains(name) { bytes.append(0x20) }
            case .text(let pointer):
                bytes.append(contentsOf: UnsafeBufferPointer(start: pointer, count: strlen(pointer)))
            }
            return true
        }
        return TextNormalization.collapseWhitespace(String(decoding: bytes, as: UTF8.self))
    }
}

enum HTMLElements {
    /// Elements whose content is never text a reader sees.
    static let invisible: Set<String> = [
        "script", "style", "noscript", "template", "head", "title", "iframe", "object", "embed", "applet", "svg",
        "math", "select", "textarea", "button",
    ]

    /// Elements that separate words: block-level boxes and line breaks.
    static let breaking: Set<String> = [
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
        "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
        "thead", "tr", "ul", "img", "body", "html",
    ]
}
