import CLibXML
import FeedModel
import Foundation

/// Subscriptions as an OPML 2.0 document (`feedd export`), one folder per category (a category "A / B" becomes
/// folder B inside folder A, as OPMLReader reads it back). libxml2 builds and serialises the tree, so every
/// attribute is escaped correctly. Feeds keep their order within a folder; folders appear in the order of their
/// first feed.
public enum OPMLWriter {
    public static func document(for feeds: [FeedSource], title: String = "feedd subscriptions",
                                created: Date? = nil) -> String {
        let opml = OPMLDocument(title: title, created: created)
        for feed in feeds {
            let parent = opml.folder(path: categoryPath(feed.category), layout: false)
            xmlAddChild(parent, OPMLDocument.feedOutline(url: feed.url, title: feed.title))
        }
        return String(decoding: opml.serialized(indent: true), as: UTF8.self)
    }

    /// The folders a category names, as OPMLReader would join them (" / " between nested folders).
    static func categoryPath(_ category: String?) -> [String] {
        guard let category else { return [] }
        return category.components(separatedBy: " / ")
            .map { TextNormalization.collapseWhitespace($0) }
            .filter { !$0.isEmpty }
    }
}
