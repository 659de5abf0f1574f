import Foundation

/// Atom 1.0 and 0.3 elements (also as `atom:` extensions inside RSS).
enum AtomElements {
    static func feedChild(_ local: String, _ attributes: XMLAttributes, base: URL?,
                          builder: FeedDocumentBuilder) -> FeedDocumentBuilder.Action {
        switch local {
        case "entry": return .push(.entry(0))
        case "title": return .capture(.feedTitle, kind(attributes))
        case "subtitle", "tagline": return .capture(.feedDescription, kind(attributes))
        case "updated", "modified": return .capture(.feedDate(rank: 0), .text)
        case "link":
            if let href = attributes.value("href"), let url = builder.resolve(href, base) {
                let rel = relation(attributes)
                builder.withFeed { feed in
                    if rel == "self" {
                        if feed.selfLink == nil { feed.selfLink = url }
                    } else if rel == "alternate" {
                        if feed.atomAlternate == nil { feed.atomAlternate = url }
                    } else if feed.atomOtherLink == nil, !nonContentRelations.contains(rel) {
                        feed.atomOtherLink = url
                    }
                }
            }
            return .skip
        // Feed authors are not part of the output; an entry's own author is.
        default: return .skip
        }
    }

    static func entryChild(_ local: String, _ attributes: XMLAttributes, entry: Int, base: URL?,
                           builder: FeedDocumentBuilder) -> FeedDocumentBuilder.Action {
        switch local {
        case "id": return .capture(.id, .text)
        case "title": return .capture(.title, kind(attributes))
        case "published", "issued": return .capture(.published(rank: 0), .text)
        case "created": return .capture(.published(rank: 1), .text)
        case "updated", "modified": return .capture(.updated(rank: 0), .text)
        case "summary": return .capture(.summary(rank: 0), kind(attributes))
        case "content":
            // Out-of-line content (src=...) has nothing inline to keep.
            return attributes.value("src") == nil ? .capture(.content, kind(attributes)) : .skip
        case "author": return .push(.person(entry))
        case "category":
            if let value = attributes.value("term") ?? attributes.value("label") {
                builder.withEntry(entry) { $0.addCategory(value) }
            }
            return .skip
        case "link":
            guard let href = attributes.value("href"), let url = builder.resolve(href, base) else { return .skip }
            let rel = relation(attributes)
            builder.withEntry(entry) { draft in
                switch rel {
                case "alternate":
                    if draft.atomAlternate == nil { draft.atomAlternate = url }
                case "enclosure":
                    draft.addEnclosure(url: url, type: attributes.value("type"), length: attributes.value("length"))
                default:
                    if draft.atomOtherLink == nil, !nonContentRelations.contains(rel) { draft.atomOtherLink = url }
                }
            }
            return .skip
        // source (another feed's metadata), contributor, rights...
        default: return .skip
        }
    }

    /// Links that never stand for the entry or the site itself.
    private static let nonContentRelations: Set<String> = [
        "self", "enclosure", "edit", "edit-media", "replies", "hub", "license", "next", "previous", "prev", "first",
        "last", "service.post", "service.edit", "service.feed", "search", "payment",
    ]

    /// `rel`, lower-cased; absent means "alternate" (also IANA's full URI form).
    static func relation(_ attributes: XMLAttributes) -> String {
        guard let rel = attributes.value("rel")?.trimmingASCIISpaces().lowercased(), !rel.isEmpty else { return "alternate" }
        return rel.hasPrefix("http://www.iana.org/assignments/relation/") ? String(rel.dropFirst(41)) : rel
    }

    static func kind(_ attributes: XMLAttributes) -> TextKind {
        TextKind.atom(type: attributes.value("type"), mode: attributes.value("mode"))
    }
}
