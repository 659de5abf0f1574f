import Foundation

/// RSS 0.9x / 1.0 / 2.0 core elements (no namespace, or RSS 1.0's / 0.90's / Userland's).
enum RSSElements {
    static func feedChild(_ local: String, _ attributes: XMLAttributes) -> FeedDocumentBuilder.Action {
        switch local {
        case "channel": return .push(.container)
        case "item": return .push(.entry(0))
        case "title": return .capture(.feedTitle, .html)
        case "link": return .capture(.feedLink, .text)
        case "description": return .capture(.feedDescription, .html)
        case "language": return .capture(.feedLanguage, .text)
        case "ttl": return .capture(.feedTTL, .text)
        case "lastBuildDate": return .capture(.feedDate(rank: 0), .text)
        case "pubDate": return .capture(.feedDate(rank: 1), .text)
        // image, textinput, items (RSS 1.0's table of contents), cloud...: their title/link are not the feed's.
        default: return .skip
        }
    }

    static func entryChild(_ local: String, _ attributes: XMLAttributes, entry: Int, base: URL?,
                           builder: FeedDocumentBuilder) -> FeedDocumentBuilder.Action {
        switch local {
        case "title": return .capture(.title, .html)
        case "link": return .capture(.link, .text)
        case "guid": return .capture(.guid, .text)
        case "description": return .capture(.summary(rank: 0), .html)
        case "pubDate": return .capture(.published(rank: 0), .text)
        case "author": return .capture(.rssAuthor, .text)
        case "category": return .capture(.category, .text)
        case "item": return .push(.entry(0))
        case "enclosure":
            let url = attributes.value("url").flatMap { builder.resolve($0, base) }
            builder.withEntry(entry) {
                $0.addEnclosure(url: url, type: attributes.value("type"), length: attributes.value("length"))
            }
            return .skip
        default: return .skip
        }
    }
}
