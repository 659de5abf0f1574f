import CCurl
import Foundation

/// One batch of requests driven by one curl multi handle on its own thread.
///
/// The thread runs `curl_multi_perform` / `curl_multi_poll` until every transfer is done, yielding each result to
/// the stream as it finishes. At most `maxConcurrent` easy handles are added at once, and at most `maxPerHost` per
/// host, so queued requests never sit inside libcurl with their timeout clocks running. `cancel()` (the stream's
/// termination) wakes the poll; the loop then aborts what is in flight and the thread exits.
final class MultiLoop: @unchecked Sendable {
    // @unchecked: everything but `control` is touched only by the loop thread; `control` guards the multi handle's
    // lifetime against a concurrent `curl_multi_wakeup` from `cancel()`.

    private let configuration: FetchConfiguration
    private let continuation: AsyncStream<FetchResult>.Continuation
    /// Test hook: called as the loop thread ends.
    private let didExit: (@Sendable () -> Void)?
    private let multi: OpaquePointer
    private let control = NSLock()
    private var cancelled = false
    private var closed = false

    private var queues: [String: ArraySlice<FetchRequest>] = [:]
    private var hostOrder: [String] = []
    private var queuedCount = 0
    private var running: [OpaquePointer: Transfer] = [:]
    private var runningPerHost: [String: Int] = [:]

    init?(requests: [FetchRequest], configuration: FetchConfiguration,
          continuation: AsyncStream<FetchResult>.Continuation, didExit: (@Sendable () -> Void)? = nil) {
        CurlRuntime.ensureInitialized()
        guard let multi = curl_multi_init() else { return nil }
        self.multi = multi
        self.configuration = configuration
        self.continuation = continuation
        self.didExit = didExit
        let limit = max(1, configuration.maxConcurrent)
        _ = feedd_multi_setopt_long(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, limit)
        _ = feedd_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, max(1, configuration.maxPerHost))
        _ = feedd_multi_setopt_long(multi, CURLMOPT_PIPELINING, Int(CURLPIPE_MULTIPLEX))
        for request in requests {
            let key = Self.hostKey(request.url)
            if queues[key] == nil { hostOrder.append(key) }
            queues[key, default: []].append(request)
        }
        queuedCount = requests.count
    }

    func start() {
        let thread = Thread { [self] in
            run()
            didExit?()
        }
        thread.name = "feedd.fetch"
        thread.start()
    }

    /// Thread-safe; prompt: wakes the loop out of its poll.
    func cancel() {
        control.withLock {
            cancelled = true
            if !closed { curl_multi_wakeup(multi) }
        }
    }

    private var isCancelled: Bool { control.withLock { cancelled } }

    // MARK: The loop (loop thread only)

    private func run() {
        defer { shutDown() }
        fillSlots()
        while !isCancelled {
            var stillRunning: Int32 = 0
            let code = curl_multi_perform(multi, &stillRunning)
            if code != CURLM_OK {
                failEverything(String(cString: curl_multi_strerror(code)))
                return
            }
            let finished = collectFinished()
            if running.isEmpty && queuedCount == 0 { return }
            if finished > 0 { fillSlots(); continue }
            _ = curl_multi_poll(multi, nil, 0, 1000, nil)
        }
    }

    /// Starts queued requests while the global and per-host limits allow, round-robin over hosts.
    private func fillSlots() {
        let globalLimit = max(1, configuration.maxConcurrent)
        let hostLimit = max(1, configuration.maxPerHost)
        var progressed = true
        while progressed, running.count < globalLimit, queuedCount > 0, !isCancelled {
            progressed = false
            for host in hostOrder where running.count < globalLimit {
                let limit = host.hasPrefix("file:") ? globalLimit : hostLimit
                guard runningPerHost[host, default: 0] < limit, let request = queues[host]?.popFirst() else { continue }
                queuedCount -= 1
                progressed = true
                begin(request, hostKey: host)
            }
            hostOrder.removeAll { queues[$0]?.isEmpty ?? true }
        }
    }

    private func begin(_ request: FetchRequest, hostKey: String) {
        guard let transfer = Transfer(request: request, hostKey: hostKey, maxBodyBytes: configuration.maxBodyBytes) else {
            deliver(FetchResult(request: request, outcome: .failed(FetchError(.transport, "curl_easy_init failed"))))
            return
        }
        if let problem = transfer.configure(configuration) {
            deliver(FetchResult(request: request, outcome: .failed(FetchError(.transport, "bad request: \(problem)"))))
            return
        }
        let code = curl_multi_add_handle(multi, transfer.easy)
        guard code == CURLM_OK else {
            deliver(FetchResult(request: request, outcome: .failed(FetchError(.transport, String(cString: curl_multi_strerror(code))))))
            return
        }
        running[transfer.easy] = transfer
        runningPerHost[hostKey, default: 0] += 1
    }

    /// Hands over every transfer libcurl reports done; returns how many.
    private func collectFinished() -> Int {
        var count = 0
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(multi, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                  let transfer = running.removeValue(forKey: easy) else { continue }
            let code = feedd_msg_result(message)
            curl_multi_remove_handle(multi, easy)
            runningPerHost[transfer.hostKey, default: 1] -= 1
            deliver(transfer.result(code: code))
            count += 1
        }
        return count
    }

    private func deliver(_ result: FetchResult) {
        if case .terminated = continuation.yield(result) { cancel() }
    }

    private func failEverything(_ message: String) {
        for transfer in running.values {
            deliver(FetchResult(request: transfer.request, outcome: .failed(FetchError(.transport, message))))
        }
        for request in queues.values.joined() {
            deliver(FetchResult(request: request, outcome: .failed(FetchError(.transport, message))))
        }
    }

    /// Aborts whatever is still in flight (on cancel), frees the multi handle and ends the stream.
    private func shutDown() {
        for transfer in running.values { curl_multi_remove_handle(multi, transfer.easy) }
        running.removeAll()  // Transfer.deinit cleans up each easy handle
        queues.removeAll()
        control.withLock {
            closed = true
            curl_multi_cleanup(multi)
        }
        continuation.finish()
    }

    /// Per-host limits count scheme + host + port; unparseable URLs share one bucket with their raw text.
    static func hostKey(_ url: String) -> String {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased() else { return url }
        if scheme == "file" { return "file:" }
        let host = components.host?.lowercased() ?? ""
        return "\(scheme)://\(host):\(components.port.map(String.init) ?? "")"
    }
}
