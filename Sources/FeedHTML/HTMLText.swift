import CLibXML

/// Plain text from an HTML fragment (libxml2's HTML parser): scripts and styles dropped, block elements become
/// spaces, entities decoded, white space collapsed. Used for summaries, titles and similarity.
public enum HTMLText {
    public static func plainText(fromHTML html: String) -> String {
        // STUB: replaced by the FeedHTML implementation.
        html
    }
}
