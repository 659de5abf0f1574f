import Foundation
import FeedModel
import GRDB

/// The file-backed store: feeds, entries, stories. STUB: filled in by the FeedStore implementation.
public final class FeedStore: Sendable {
    let writer: any DatabaseWriter

    public init(path: String) throws {
        writer = try DatabaseQueue(path: path)
    }
}
