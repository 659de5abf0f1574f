import Foundation
@testable import FeedFetcher
import TestSupport

typealias Response = HTTPTestServer.Response
typealias Header = HTTPTestServer.HeaderField

/// Short limits so failure paths finish quickly.
func testConfiguration(_ adjust: (inout FetchConfiguration) -> Void = { _ in }) -> FetchConfiguration {
    var configuration = FetchConfiguration()
    configuration.connectTimeout = 2
    configuration.totalTimeout = 5
    configuration.lowSpeedSeconds = 2
    configuration.maxBodyBytes = 1 << 20
    configuration.userAgent = "feedd-tests/1.0 (+https://example.invalid/feedd)"
    adjust(&configuration)
    return configuration
}

func fetchOne(_ url: String, etag: String? = nil, lastModified: String? = nil,
              configuration: FetchConfiguration = testConfiguration()) async -> FetchResult {
    await FeedFetcher(configuration: configuration)
        .fetch(FetchRequest(feedID: 1, url: url, etag: etag, lastModified: lastModified))
}

func fetchAll(_ requests: [FetchRequest], configuration: FetchConfiguration = testConfiguration()) async -> [FetchResult] {
    var results: [FetchResult] = []
    for await result in FeedFetcher(configuration: configuration).fetchAll(requests) { results.append(result) }
    return results
}

extension FetchResult {
    var bodyText: String? {
        if case .body(let data) = outcome { return String(decoding: data, as: UTF8.self) }
        return nil
    }

    var isNotModified: Bool {
        if case .notModified = outcome { return true }
        return false
    }
}

let sampleFeed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title></channel></rss>"
