import FeedConfig
import FeedPipeline
import FeedService
import FeedStore
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

/// The long-running loop: a pass over the due feeds, then sleep until the next tick. Tells systemd when it is
/// ready, what it is doing and that it is alive; reloads the configuration on SIGHUP; stops on SIGTERM/SIGINT,
/// cancelling in-flight transfers (each feed's store transaction is committed or never started).
struct DaemonService: Service {
    let configurationFile: URL
    let store: FeedStore
    let logger: Logger
    let notifier: SystemdNotifier
    let state: DaemonState
    var tick: Duration = .seconds(60)

    init(configuration: Configuration, configurationFile: URL, store: FeedStore, logger: Logger,
         notifier: SystemdNotifier = SystemdNotifier()) {
        self.configurationFile = configurationFile
        self.store = store
        self.logger = logger
        self.notifier = notifier
        self.state = DaemonState(pipeline: Pipeline(configuration: configuration, store: store, logger: logger))
    }

    func run() async throws {
        let feeds = try store.syncSubscriptions(await state.pipeline.configuration.feeds).count
        _ = notifier.ready(status: "\(feeds) feeds; first pass starting")
        logger.notice("feedd started", metadata: ["feeds": "\(feeds)", "store": "\(store.path)"])
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await reloadOnHangUp() }
            if let interval = notifier.watchdogInterval {
                group.addTask { await watchdog(every: interval) }
            }
            await passes()
            group.cancelAll()
        }
        _ = notifier.stopping(status: "stopping")
        logger.notice("feedd stopped")
    }

    /// Pass after pass until shutdown. A shutdown during a pass cancels it: transfers are aborted and the pass
    /// ends after the feed being stored, so the process exits well inside TimeoutStopSec.
    private func passes() async {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            await state.beat()
            let pipeline = await state.pipeline
            let start = Date()
            do {
                let report = try await cancelWhenGracefulShutdown {
                    try await pipeline.runOnce(progress: { _, _, _ in Task { await state.beat() } })
                }
                await state.finished(report, at: start)
                _ = notifier.status(await state.statusLine)
            } catch is CancellationError {
                break
            } catch {
                logger.error("pass failed: \(error)")
                await state.failed("\(error)", at: start)
                _ = notifier.status(await state.statusLine)
            }
            await sleepUntilNextTick()
        }
    }

    /// Sleeps for a tick in one-second steps, so a reload (which wants a pass now) or a shutdown ends it early.
    private func sleepUntilNextTick() async {
        let deadline = ContinuousClock.now + tick
        while ContinuousClock.now < deadline, !Task.isShuttingDownGracefully, !Task.isCancelled {
            if await state.takeWakeRequest() { return }
            await state.beat()
            try? await Task.sleep(for: .seconds(1))
        }
    }

    /// SIGHUP: read the configuration again; a bad one is rejected and the running one kept.
    private func reloadOnHangUp() async {
        for await _ in await UnixSignalsSequence(trapping: .sighup) {
            _ = notifier.reloading(status: "reloading configuration")
            do {
                let configuration = try ConfigurationLoader.load(from: configurationFile)
                await state.replace(Pipeline(configuration: configuration, store: store, logger: logger))
                await state.requestWake()
                logger.notice("configuration reloaded", metadata: ["feeds": "\(configuration.feeds.count)"])
            } catch {
                logger.error("configuration not reloaded, keeping the running one: \(error)")
            }
            _ = notifier.ready(status: await state.statusLine)
        }
    }

    /// Pings systemd's watchdog only while the loop is alive (it beat recently) and the store answers.
    private func watchdog(every interval: Duration) async {
        while !Task.isCancelled {
            let healthy = await state.isAlive(within: interval * 4) && store.isReachable()
            if healthy { _ = notifier.watchdog() } else { logger.warning("watchdog withheld: loop or store unhealthy") }
            try? await Task.sleep(for: interval)
        }
    }
}

/// What the loop shares with its helpers: the current pipeline and the last pass's outcome.
actor DaemonState {
    private(set) var pipeline: Pipeline
    private var lastBeat = ContinuousClock.now
    private(set) var statusLine = "starting"

    init(pipeline: Pipeline) { self.pipeline = pipeline }

    private var wakeRequested = false

    func replace(_ pipeline: Pipeline) { self.pipeline = pipeline }
    func requestWake() { wakeRequested = true }
    func takeWakeRequest() -> Bool {
        defer { wakeRequested = false }
        return wakeRequested
    }
    func beat() { lastBeat = .now }
    func isAlive(within limit: Duration) -> Bool { ContinuousClock.now - lastBeat < limit }

    func finished(_ report: RunReport, at start: Date) {
        lastBeat = .now
        statusLine = "last pass \(start.formatted(date: .omitted, time: .shortened)): \(report.feedsChecked) checked, "
            + "\(report.fetched) updated, \(report.failed) failed, \(report.newEntries) new entries"
    }

    func failed(_ reason: String, at start: Date) {
        lastBeat = .now
        statusLine = "last pass \(start.formatted(date: .omitted, time: .shortened)) failed: \(reason)"
    }
}
