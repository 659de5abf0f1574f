import Foundation
import FeedModel

/// The libcurl multi engine: many transfers on one event loop running on its own thread.
///
/// Each `fetchAll` call runs its own curl multi handle on a dedicated thread (never Swift's cooperative pool),
/// reusing connections across the batch. Cancelling the consuming task, or dropping the stream, aborts the
/// transfers still in flight and ends the thread promptly.
public final class FeedFetcher: Sendable {
    public let configuration: FetchConfiguration

    /// Test hook: called each time a batch's loop thread has ended.
    let loopDidExit: (@Sendable () -> Void)?

    public init(configuration: FetchConfiguration = FetchConfiguration()) {
        self.configuration = configuration
        loopDidExit = nil
    }

    init(configuration: FetchConfiguration, loopDidExit: @escaping @Sendable () -> Void) {
        self.configuration = configuration
        self.loopDidExit = loopDidExit
    }

    /// Fetches every request concurrently; results arrive as transfers finish (one per request, unless cancelled).
    public func fetchAll(_ requests: [FetchRequest]) -> AsyncStream<FetchResult> {
        let configuration = configuration
        let loopDidExit = loopDidExit
        return AsyncStream { continuation in
            guard !requests.isEmpty else {
                continuation.finish()
                return
            }
            guard let loop = MultiLoop(requests: requests, configuration: configuration, continuation: continuation,
                                          didExit: loopDidExit) else {
                for request in requests {
                    continuation.yield(FetchResult(request: request,
                                                   outcome: .failed(FetchError(.transport, "curl_multi_init failed"))))
                }
                continuation.finish()
                return
            }
            continuation.onTermination = { _ in loop.cancel() }
            loop.start()
        }
    }

    /// Fetches one request. A cancelled task gets a transport failure saying so.
    public func fetch(_ request: FetchRequest) async -> FetchResult {
        for await result in fetchAll([request]) { return result }
        return FetchResult(request: request, outcome: .failed(FetchError(.transport, "cancelled")))
    }
}
