import Foundation

/// Runs blocking or long CPU-bound work (a child process, a dev-set pass) on a thread of its own and awaits it.
/// Swift Testing runs tests on the cooperative pool, which has one thread per core: two tests blocking it at once
/// starve every async test (the fetcher's timing tests then miss their deadlines on a two-core machine).
public func offThePool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            continuation.resume(with: Result { try body() })
        }
        thread.stackSize = 8 << 20
        thread.start()
    }
}
