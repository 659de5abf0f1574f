import FeedModel

/// One pass of fetch -> parse -> store -> cluster -> digest. STUB.
public struct Pipeline: Sendable {}
