import Testing
@testable import FeedHTML

@Suite struct HTMLTextTests {
    @Test func dropsScriptsAndStylesAndSeparatesBlocks() {
        let html = "<h1>Title</h1><p>First&nbsp;para&hellip;</p><script>alert('x')</script><style>p{}</style><div>Second<br>line</div>li<ul><li>a</li><li>b</li></ul>"
        #expect(HTMLText.plainText(fromHTML: html) == "Title First\u{00A0}para… Second line li a b".replacingOccurrences(of: "\u{00A0}", with: " "))
    }

    @Test func inlineElementsDoNotSplitWords() {
        #expect(HTMLText.plainText(fromHTML: "un<b>believ</b>able <i>text</i>") == "unbelievable text")
    }

    @Test func entitiesAndWhitespace() {
        #expect(HTMLText.plainText(fromHTML: "  Tom &amp; Jerry\n\n\t&lt;3 &eacute;t&eacute;  ") == "Tom & Jerry <3 été")
        #expect(HTMLText.plainText(fromHTML: "no markup   here") == "no markup here")
        #expect(HTMLText.plainText(fromHTML: "") == "")
    }

    @Test func brokenMarkupStillGivesText() {
        #expect(HTMLText.plainText(fromHTML: "<p>unclosed <b>bold <i>both</p> after") == "unclosed bold both after")
        #expect(HTMLText.plainText(fromHTML: "<<<>>> a < b") .contains("a"))
    }

    @Test func hostileNestingFinishes() {
        let deep = String(repeating: "<div>", count: 20_000) + "x" + String(repeating: "</div>", count: 20_000)
        #expect(HTMLText.plainText(fromHTML: deep).count <= 1)
    }
}
