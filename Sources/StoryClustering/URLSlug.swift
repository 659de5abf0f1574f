/// The words of a link's slug: most news sites put the headline's key words into the path
/// (`/2014/03/10/mt-gox-files-for-us-bankruptcy`), often from the first draft of the headline, so the slug
/// adds words to an item that is only a headline. Only segments of at least three dash- or underscore-joined
/// words count: single words are sections (`/business/`), and runs of digits or mixed tokens are ids.
enum URLSlug {
    static let minimumWords = 3
    private static let extensions = ["html", "htm", "shtml", "php", "asp", "aspx", "cms", "story", "ece", "jsp"]

    /// The slug words joined by spaces, "" when the link has none.
    static func words(_ url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        guard let slash = rest.firstIndex(of: "/") else { return "" }
        var path = rest[slash...]
        if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<end] }
        var out: [Substring] = []
        for var segment in path.split(separator: "/") {
            if let dot = segment.lastIndex(of: "."), extensions.contains(segment[segment.index(after: dot)...].lowercased()) {
                segment = segment[..<dot]
            }
            let parts = segment.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "+" })
            guard parts.count >= minimumWords else { continue }
            out += parts.filter { part in part.count >= 2 && part.allSatisfy { $0.isLetter } }
        }
        return out.joined(separator: " ")
    }
}
