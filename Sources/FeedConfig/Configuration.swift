import Foundation
import FeedModel

/// feedd's settings, read from a TOML file (see Config/feedd.toml).
public struct Configuration: Sendable {
    public var sourceFile: URL?
    public var stateDirectory: URL
    public var digestDirectory: URL
    public var timeZone: TimeZone
    public var concurrency: Int
    public var feeds: [FeedSource]

    public init(sourceFile: URL? = nil, stateDirectory: URL, digestDirectory: URL, timeZone: TimeZone = .current,
                concurrency: Int = 16, feeds: [FeedSource] = []) {
        self.sourceFile = sourceFile
        self.stateDirectory = stateDirectory
        self.digestDirectory = digestDirectory
        self.timeZone = timeZone
        self.concurrency = concurrency
        self.feeds = feeds
    }
}
