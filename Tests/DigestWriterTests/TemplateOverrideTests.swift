import Foundation
import FeedModel
import Testing
@testable import DigestWriter

@Suite struct TemplateOverrideTests {
    func input() -> DigestInput {
        Fixture.input([Story(id: 1, entries: [Fixture.entry(1, feed: 1, "Hello <world>")])],
                      feeds: [Fixture.feed(1, "Outlet", category: "News")])
    }

    @Test func userTemplatesReplaceTheBuiltInOnes() throws {
        let dir = try Fixture.tempDirectory()
        let templates = try Fixture.tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir); try? FileManager.default.removeItem(at: templates) }
        try Data("<!doctype html><title>{{date}}</title>{{#sections}}<h2>{{name}}</h2>{{#stories}}<p>{{headline}}</p>{{/stories}}{{/sections}}"
            .utf8).write(to: templates.appendingPathComponent("digest.html.mustache"))
        try Data("{{% CONTENT_TYPE: TEXT}}DAY {{date}}{{#sections}}{{#stories}} * {{headline}}{{/stories}}{{/sections}}\n"
            .utf8).write(to: templates.appendingPathComponent("digest.md.mustache"))
        let output = try DigestWriter(directory: dir, options: DigestOptions(templateDirectory: templates)).write(input())
        #expect(output.warnings.isEmpty)
        #expect(try Fixture.read(output.html)
            == "<!doctype html><title>2026-11-21</title><h2>News</h2><p>Hello &lt;world&gt;</p>")
        // The Markdown copy is escaped for Markdown before the text template sees it.
        #expect(try Fixture.read(output.markdown) == "DAY 2026-11-21 * Hello \\<world\\>\n")
        // Files it does not override stay built-in.
        #expect(try Fixture.read(output.index).contains("<p class=\"kicker\">Archive</p>"))
    }

    @Test func aBrokenTemplateIsReportedAndTheBuiltInOneUsed() throws {
        let dir = try Fixture.tempDirectory()
        let templates = try Fixture.tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir); try? FileManager.default.removeItem(at: templates) }
        try Data("<html>\n<body>\n  {{#sections}}<h2>{{name}}</h2>{{/stories}}\n</body>".utf8)
            .write(to: templates.appendingPathComponent("digest.html.mustache"))
        try Data("fine {{date}}\n".utf8).write(to: templates.appendingPathComponent("digest.md.mustache"))
        let output = try DigestWriter(directory: dir, options: DigestOptions(templateDirectory: templates)).write(input())
        #expect(output.warnings.count == 1)
        let warning = try #require(output.warnings.first)
        #expect(warning.template == "digest.html.mustache")
        #expect(warning.line == 3)
        #expect(warning.column != nil)
        #expect(warning.description.contains("digest.html.mustache:3:"))
        #expect(warning.description.contains("built-in"))
        // The built-in HTML was used; the valid Markdown override still applies.
        let html = try Fixture.read(output.html)
        #expect(html.contains("<p class=\"kicker\">Daily digest</p>"))
        #expect(html.contains("Hello &lt;world&gt;"))
        #expect(try Fixture.read(output.markdown) == "fine 2026-11-21\n")
    }
}

@Suite struct DigestOptionsTests {
    @Test func imagesAreBlockedUnlessAllowed() throws {
        let dir = try Fixture.tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = Fixture.input([Story(id: 1, entries: [Fixture.entry(1, feed: 1, "Hi")])], feeds: [Fixture.feed(1, "One")])
        let off = try Fixture.read(try DigestWriter(directory: dir).write(input).html)
        #expect(off.contains("img-src 'none'"))
        let on = try Fixture.read(try DigestWriter(directory: dir, options: DigestOptions(allowImages: true)).write(input).html)
        #expect(on.contains("img-src https: http:;"))
        #expect(!on.contains("img-src 'none'"))
    }

    @Test func aMissingTemplateDirectoryIsReported() throws {
        let dir = try Fixture.tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let options = DigestOptions(templateDirectory: dir.appendingPathComponent("no-such-dir"))
        let output = try DigestWriter(directory: dir, options: options).write(Fixture.input([], feeds: []))
        #expect(output.warnings.map(\.message) == ["template directory not found"])
        #expect(try Fixture.read(output.html).contains("<p class=\"kicker\">Daily digest</p>"))
    }

    @Test func daysWithoutJSONAreStillListed() throws {
        let dir = try Fixture.tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A day from an older version (HTML only) and a stray file that is not a day.
        try Data("<p>old</p>".utf8).write(to: dir.appendingPathComponent("2026-10-01.html"))
        try Data("x".utf8).write(to: dir.appendingPathComponent("notes.html"))
        let output = try DigestWriter(directory: dir).write(SampleDigest.input())
        let index = try Fixture.read(output.index)
        #expect(index.contains("href=\"2026-10-01.html\""))
        #expect(index.contains("October 2026"))
        #expect(!index.contains("notes.html"))
        let atom = try Fixture.read(output.atom)
        #expect(atom.components(separatedBy: "<entry>").count - 1 == 2)
        #expect(atom.contains("<updated>2026-10-01T00:00:00Z</updated>"))
        #expect(try Fixture.read(output.html).contains("href=\"2026-10-01.html\" rel=\"prev\""))
    }
}
