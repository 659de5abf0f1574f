import FeedConfig
import FeedFetcher

extension FetchConfiguration {
    /// The fetcher's settings from the configuration's `concurrency` and `[fetch]` table: what the daemon fetches
    /// with, and `feedd add` when it reads an address first.
    public init(_ configuration: Configuration) {
        self.init()
        maxConcurrent = configuration.concurrency
        maxPerHost = configuration.fetch.perHost
        connectTimeout = configuration.fetch.connectTimeout
        totalTimeout = configuration.fetch.timeout
        maxBodyBytes = configuration.fetch.maxBodyMB * 1024 * 1024
        if let agent = configuration.fetch.userAgent { userAgent = agent }
    }
}
