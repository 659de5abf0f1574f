import Foundation
import Testing
@testable import FeedHTML

@Suite struct HTMLSanitizerTests {
    let base = URL(string: "https://blog.example/posts/1")

    func clean(_ html: String, images: Bool = true) -> String {
        HTMLSanitizer.sanitize(html, baseURL: base, allowImages: images)
    }

    @Test func keepsHarmlessMarkup() {
        #expect(clean("<p>Hello <b>bold</b> <a href=\"https://x.example/\" title=\"t\">link</a></p>")
                == "<p>Hello <b>bold</b> <a href=\"https://x.example/\" title=\"t\">link</a></p>")
        #expect(clean("<ul><li>a</li></ul><br><blockquote>q</blockquote>") == "<ul><li>a</li></ul><br><blockquote>q</blockquote>")
    }

    @Test(arguments: [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<style>body{background:url(javascript:alert(1))}</style>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
        "<form action=\"https://evil.example\"><input name=a><button>go</button></form>",
        "<svg onload=alert(1)><script>alert(1)</script></svg>",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "<scr<script>ipt>alert(1)</script>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
    ])
    func removesActiveContent(_ vector: String) {
        let output = clean(vector).lowercased()
        for needle in ["<script", "<style", "<iframe", "<object", "<embed", "<form", "<input", "<svg", "onerror", "onload",
                       "javascript:", "alert(1)</"] {
            #expect(!output.contains(needle), "\(vector) -> \(output)")
        }
    }

    @Test(arguments: [
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\"java&#x09;script:alert(1)\">x</a>",
        "<a href=\" javascript:alert(1)\">x</a>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<a href=\"file:///etc/passwd\">x</a>",
    ])
    func dropsUnsafeLinks(_ vector: String) {
        #expect(clean(vector) == "<a>x</a>", "\(vector)")
    }

    @Test func eventHandlersAndStylesGo() {
        #expect(clean("<p onclick=\"alert(1)\" style=\"x\" class=\"c\" id=\"i\">t</p>") == "<p>t</p>")
        #expect(clean("<img src=\"https://i.example/a.png\" onerror=\"alert(1)\" alt=\"a\">") == "<img src=\"https://i.example/a.png\" alt=\"a\">")
    }

    @Test func imagesOnlyWhenAllowedAndOnlyHTTP() {
        #expect(clean("<p>a<img src=\"https://i.example/a.png\">b</p>", images: false) == "<p>ab</p>")
        #expect(clean("<img src=\"data:image/png;base64,AAAA\">") == "")
        #expect(clean("<img src=\"javascript:alert(1)\">") == "")
        #expect(clean("<img src=\"/a.png\">") == "<img src=\"https://blog.example/a.png\">")
    }

    @Test func relativeLinksResolvedAndMailtoKept() {
        #expect(clean("<a href=\"../about\">a</a>") == "<a href=\"https://blog.example/about\">a</a>")
        #expect(clean("<a href=\"mailto:me@example.com\">m</a>") == "<a href=\"mailto:me@example.com\">m</a>")
        #expect(HTMLSanitizer.sanitize("<a href=\"x\">x</a>", baseURL: nil, allowImages: false) == "<a href=\"x\">x</a>")
    }

    @Test func unknownElementsUnwrappedTextEscaped() {
        #expect(clean("<custom-el>inner <b>b</b></custom-el>") == "inner <b>b</b>")
        #expect(clean("1 &lt; 2 &amp; <b>\"q\"</b>") == "1 &lt; 2 &amp; <b>\"q\"</b>")
        #expect(clean("<a title='x\" onmouseover=\"alert(1)'>t</a>") == "<a title=\"x&quot; onmouseover=&quot;alert(1)\">t</a>")
    }

    @Test func safeLinkKeepsItsContract() {
        #expect(HTMLSanitizer.safeLink("https://a.example/") == "https://a.example/")
        #expect(HTMLSanitizer.safeLink("javascript:alert(1)") == nil)
        #expect(HTMLSanitizer.safeLink(nil) == nil)
    }
}
