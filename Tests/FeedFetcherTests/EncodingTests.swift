import Foundation
import Testing
@testable import FeedFetcher
import TestSupport

@Suite struct EncodingTests {
    @Test func gzipBodyIsDecoded() async throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        let feed = String(repeating: sampleFeed, count: 50)
        var response = Response.ok(feed)
        response.gzippedBody = try HTTPTestServer.gzip(Data(feed.utf8))
        server.route("/feed.xml", response)

        let result = await fetchOne(server.url("/feed.xml"))
        #expect(result.bodyText == feed)
        // Counted on the wire: the compressed size.
        #expect(result.bytes == response.gzippedBody?.count)
        #expect(result.bytes < feed.utf8.count)
    }

    @Test func lyingGzipIsAClearError() async throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        server.route("/liar", .ok(sampleFeed, headers: [Header("Content-Encoding", "gzip")]))
        let result = await fetchOne(server.url("/liar"))
        #expect(result.error?.kind == .transport)
        #expect(result.error?.message.contains("Content-Encoding") == true)
    }

    @Test func gzipBombIsCappedOnTheDecodedSize() async throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        let bomb = try HTTPTestServer.gzip(Data(count: 16 << 20))  // 16 MB of zeros, ~16 KB compressed
        var response = Response.ok(Data())
        response.gzippedBody = bomb
        server.route("/bomb", response)

        let result = await fetchOne(server.url("/bomb"), configuration: testConfiguration { $0.maxBodyBytes = 1 << 20 })
        #expect(bomb.count < 1 << 20)  // small on the wire: only the decoded cap can catch it
        #expect(result.error?.kind == .tooLarge)
        #expect(result.error?.message.contains("1 MB") == true)
    }
}

@Suite struct EngineInfoTests {
    @Test func linkedLibcurlOffersHTTP2AndTheCommonEncodings() {
        let info = FetchEngineInfo.current
        #expect(info.http2)
        #expect(info.encodings.contains("gzip"))
        #expect(info.encodings.contains("br"))
        #expect(info.sslVersion != nil)
        #expect(info.description.contains(info.libcurlVersion))
    }

    @Test func acceptEncodingAnnouncesEveryDecoder() async throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        server.route("/f", .ok("x"))
        _ = await fetchOne(server.url("/f"))
        let sent = try #require(server.requests.first?.header("Accept-Encoding"))
        for encoding in FetchEngineInfo.current.encodings { #expect(sent.contains(encoding)) }
    }
}
