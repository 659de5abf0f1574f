import FeedPipeline
import Foundation
import Logging
import ServiceLifecycle

/// The long-running loop: a pass over the due feeds, then sleep until the next one is due (at most a minute,
/// so a new day's digest starts on time). Stops between passes on SIGTERM/SIGINT.
struct DaemonService: Service {
    let pipeline: Pipeline
    let logger: Logger
    var tick: Duration = .seconds(60)

    func run() async throws {
        logger.notice("feedd started")
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                let report = try await pipeline.runOnce()
                if report.feedsChecked > 0 {
                    logger.info("pass done: \(report.fetched) updated, \(report.failed) failed, \(report.newEntries) new entries")
                }
            } catch {
                logger.error("pass failed: \(error)")
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: tick) }
        }
        logger.notice("feedd stopping")
    }
}
