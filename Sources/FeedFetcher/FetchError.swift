import Foundation

/// Why a fetch failed, with a one-line message naming the cause.
public struct FetchError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        case http(status: Int)
        case transport
        case timeout
        case tooLarge
        case truncated
        case redirectLoop
    }
    public var kind: Kind
    public var message: String
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
    public var description: String { message }
}
