import Foundation
import Testing
import TestSupport

/// Feed text is untrusted all the way: XSS vectors in a feed go through a whole `feedd --once` (parser, store,
/// clustering, digest) and none survives into the HTML, while a reader still sees the text.
@Suite struct DigestSafetyEndToEndTests {
    static let vectors = [
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "<![CDATA[<img src=x onerror=alert(2)>]]>",
        "&lt;iframe src=&quot;javascript:alert(3)&quot;&gt;&lt;/iframe&gt;",
        "<![CDATA[\"><svg onload=alert(4)>]]>",
        "&lt;a href=&quot;javascript:alert(5)&quot;&gt;click&lt;/a&gt;",
        "<![CDATA[</title><script>alert(6)</script>]]>",
        "&lt;body onload=alert(7)&gt;",
        "<![CDATA[<object data=\"data:text/html;base64,PHNjcmlwdD4=\"></object>]]>",
    ]
    static let links = [
        "javascript:alert(11)", "data:text/html,&lt;script&gt;alert(12)&lt;/script&gt;",
        "https://ok.example/a&quot;onmouseover=&quot;alert(13)", "vbscript:msgbox(14)",
    ]

    @Test func noVectorSurvivesAOnceRun() async throws {
        let dir = try TestPaths.temporaryDirectory("feedd-xss")
        defer { try? FileManager.default.removeItem(at: dir) }
        var items = ""
        for (i, vector) in Self.vectors.enumerated() {
            let link = i < Self.links.count ? Self.links[i] : "https://ok.example/\(i)"
            items += """
                <item><title>Title \(i) \(vector)</title><link>\(link)</link><guid>x\(i)</guid>
                <description>Summary \(i) \(vector)</description></item>

                """
        }
        let feed = """
            <?xml version="1.0"?><rss version="2.0"><channel>
            <title><![CDATA[Evil <script>alert(20)</script> Outlet]]></title><link>javascript:alert(21)</link>
            \(items)</channel></rss>
            """
        try feed.write(to: dir.appendingPathComponent("evil.xml"), atomically: true, encoding: .utf8)
        try """
            state_dir = "state"
            digest_dir = "digests"
            timezone = "UTC"
            [[feed]]
            url = "evil.xml"
            category = "<script>alert(22)</script>"
            """.write(to: dir.appendingPathComponent("feedd.toml"), atomically: true, encoding: .utf8)
        let run = try await FeeddProcess.run(["--once", "--config", dir.appendingPathComponent("feedd.toml").path,
                                        "--log-level", "error"])
        #expect(run.status == 0, "\(run.stderr)")

        let digests = dir.appendingPathComponent("digests")
        let pages = try FileManager.default.contentsOfDirectory(atPath: digests.path).filter { $0.hasSuffix(".html") }
        #expect(pages.count >= 2)
        var sawText = false
        for page in pages {
            let html = try String(contentsOf: digests.appendingPathComponent(page), encoding: .utf8)
            let check = HTMLCheck(html)
            #expect(check.errors == [], "\(page)")
            #expect(check.unsafeFindings() == [], "\(page)")
            #expect(!html.lowercased().contains("<script"), "\(page)")
            #expect(!html.contains("\"javascript:") && !html.contains("\"data:") && !html.contains("\"vbscript:"))
            let hrefs = check.elements(named: "a").flatMap { $0.attributes.filter { $0.name == "href" }.map(\.value) }
            #expect(hrefs.allSatisfy { $0.hasPrefix("#") || $0.hasPrefix("https://") || !$0.contains(":") }, "\(hrefs)")
            sawText = sawText || check.text.contains("Title 0")
        }
        #expect(sawText)
    }
}
