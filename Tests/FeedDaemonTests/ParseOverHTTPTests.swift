import Foundation
import Testing
import TestSupport

/// `feedd parse URL` fetches through the daemon's FeedFetcher, with the HTTP charset as an encoding hint.
@Suite struct ParseOverHTTPTests {
    @Test func parsesAFetchedFeedAndReportsHTTPErrors() async throws {
        let server = try HTTPTestServer(lifetime: 60)
        defer { server.stop() }
        // Latin-1 bytes, announced by the HTTP header only.
        var body = Data("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Caf".utf8)
        body.append(0xE9)
        body.append(Data("</title><item><title>One</title><link>/a</link></item></channel></rss>".utf8))
        server.route("/feed", .ok(body, contentType: "application/rss+xml; charset=iso-8859-1"))
        server.route("/gone", .status(410))

        let run = try await FeeddProcess.run(["parse", server.url("/feed"), "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(json?["title"] as? String == "Café")
        let entries = json?["entries"] as? [[String: Any]]
        #expect(entries?.first?["link"] as? String == server.url("/a"))

        let gone = try await FeeddProcess.run(["parse", server.url("/gone")])
        #expect(gone.status == 1)
        #expect(gone.stderr.contains("410"), "\(gone.stderr)")
        #expect(gone.stderr.split(separator: "\n").count == 1)
    }
}
