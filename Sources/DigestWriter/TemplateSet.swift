import Foundation
import Mustache

/// A problem the writer worked around (a user template that does not parse or cannot be read): the digest is still
/// written, with the built-in template for that file.
public struct DigestWarning: Sendable, Hashable, CustomStringConvertible {
    /// The template's file name, e.g. `digest.html.mustache`.
    public var template: String
    /// 1-based position of the error, when the parser gave one.
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(template: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.template = template
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        let position = line.map { ":\($0)" + (column.map { ":\($0)" } ?? "") } ?? ""
        return "template \(template)\(position): \(message); using the built-in template"
    }
}

/// The templates for one run: the user's where given and valid, else the built-in ones.
struct TemplateSet {
    var library: MustacheLibrary
    var warnings: [DigestWarning]

    static let overridable = [DigestHTMLTemplate.name, DigestMarkdownTemplate.name, IndexHTMLTemplate.name]

    static let builtin: [String: String] = [
        DigestHTMLTemplate.name: DigestHTMLTemplate.text,
        DigestMarkdownTemplate.name: DigestMarkdownTemplate.text,
        IndexHTMLTemplate.name: IndexHTMLTemplate.text,
        AtomTemplate.name: AtomTemplate.text,
        "style": DigestStyle.css,
        DigestHTMLTemplate.mediaPartial.name: DigestHTMLTemplate.mediaPartial.text,
        DigestMarkdownTemplate.mediaPartial.name: DigestMarkdownTemplate.mediaPartial.text,
    ]

    init(templateDirectory: URL?) {
        var library = MustacheLibrary()
        var warnings: [DigestWarning] = []
        for (name, text) in Self.builtin.sorted(by: { $0.key < $1.key }) {
            // The built-in templates are tested; a failure here is a programming error.
            library.register(try! MustacheTemplate(string: text), named: name)
        }
        if let directory = templateDirectory {
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) || !isDirectory.boolValue {
                warnings.append(DigestWarning(template: directory.path, message: "template directory not found"))
            }
            for name in Self.overridable {
                let file = name + ".mustache"
                let url = directory.appendingPathComponent(file)
                guard FileManager.default.fileExists(atPath: url.path) else { continue }
                do {
                    let data = try Data(contentsOf: url)
                    guard let text = String(data: data, encoding: .utf8) else {
                        warnings.append(DigestWarning(template: file, message: "not valid UTF-8"))
                        continue
                    }
                    library.register(try MustacheTemplate(string: text), named: name)
                } catch let error as MustacheTemplate.ParserError {
                    warnings.append(DigestWarning(template: file, line: error.context.lineNumber,
                                                  column: error.context.columnNumber,
                                                  message: Self.describe(error.error)))
                } catch {
                    warnings.append(DigestWarning(template: file, message: "cannot be read: \(error.localizedDescription)"))
                }
            }
        }
        self.library = library
        self.warnings = warnings
    }

    func render(_ object: Any, _ name: String) -> String {
        library.render(TemplateContext.make(object), withTemplate: name) ?? ""
    }

    static func describe(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return String(describing: error) }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with the wrong name"
        case .unfinishedName: return "a tag is not closed"
        case .expectedSectionEnd: return "a section is never closed"
        case .invalidSetDelimiter: return "invalid set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform is applied to an inheritance section"
        case .illegalTokenInsideInheritSection: return "illegal tag inside an inheritance section"
        case .textInsideInheritSection: return "text inside an inheritance section"
        case .invalidConfigVariableSyntax: return "invalid {{% }} configuration tag"
        case .unrecognisedConfigVariable: return "unknown {{% }} configuration variable"
        @unknown default: return String(describing: error)
        }
    }
}
