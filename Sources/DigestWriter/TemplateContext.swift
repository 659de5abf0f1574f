import Mustache

/// A view-model value as templates see it: structs become dictionaries, and a nil optional becomes `TemplateNull`
/// instead of vanishing. Mustache looks a missing name up in the enclosing objects, so a nil `link` on an outlet
/// would otherwise silently render the story's link: the wrong article under an outlet's name.
enum TemplateContext {
    static func make(_ value: Any) -> Any {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first?.value else { return TemplateNull() }
            return make(wrapped)
        case .struct, .class:
            var object: [String: Any] = [:]
            for child in mirror.children {
                if let label = child.label { object[label] = make(child.value) }
            }
            return object
        case .collection, .set:
            return mirror.children.map { make($0.value) }
        default:
            return value
        }
    }
}

/// Renders as nothing, is false in a section, true in an inverted one, and stops the look-up where it is.
struct TemplateNull: MustacheCustomRenderable {
    var renderText: String { "" }
    var isNull: Bool { true }
}
