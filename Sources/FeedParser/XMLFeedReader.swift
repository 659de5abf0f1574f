import Foundation
import FeedModel

/// Drives the libxml2 reader over prepared bytes and feeds the events to a `FeedDocumentBuilder`. A read error ends
/// the document where it happened: what was complete before it is kept (truncated and damaged feeds).
enum XMLFeedReader {
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, encoding: String,
                     documentURL: URL?) throws(FeedParseError) -> ParsedFeed {
        if let streamed = XMLStreamReader(bytes: bytes, encoding: encoding) {
            let builder = FeedDocumentBuilder(documentURL: documentURL)
            let sawElement = drive(streamed, builder)
            if builder.feed != nil || builder.rejection != nil { return try result(builder, sawElement: sawElement) }
        }
        guard let tree = XMLStreamReader(treeOf: bytes, encoding: encoding) else {
            throw FeedParseError("not a feed: the document is not well-formed enough to read any element")
        }
        let builder = FeedDocumentBuilder(documentURL: documentURL)
        let sawElement = drive(tree, builder)
        return try result(builder, sawElement: sawElement)
    }

    /// Feeds every node to the builder; true when at least one element was seen.
    private static func drive(_ reader: XMLStreamReader, _ builder: FeedDocumentBuilder) -> Bool {
        var sawElement = false
        while let node = reader.next() {
            switch node {
            case .start(let name, let attributes, let depth, let isEmpty):
                sawElement = true
                if builder.start(name, attributes: attributes, depth: depth, isEmpty: isEmpty) {
                    if builder.rejection != nil { break }
                    if !isEmpty { reader.skipSubtree() }
                }
            case .end(let depth):
                builder.end(depth: depth)
            case .text(let pointer):
                builder.text(pointer)
            case .other:
                continue
            }
            if builder.rejection != nil { break }
        }
        return sawElement
    }

    private static func result(_ builder: FeedDocumentBuilder, sawElement: Bool) throws(FeedParseError) -> ParsedFeed {
        if let rejection = builder.rejection { throw FeedParseError(rejection) }
        guard let feed = builder.finish() else {
            throw FeedParseError(sawElement ? "not a feed: no RSS, RDF or Atom root element"
                                            : "not a feed: the document is not well-formed enough to read any element")
        }
        return feed
    }
}
