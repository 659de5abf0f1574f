import Foundation

/// The process entry. A parent may have started feedd with SIGTERM, SIGINT or SIGHUP blocked (signal masks are
/// inherited: some test runners and shells do this); the daemon relies on them, so they are unblocked first,
/// on the main thread, before any other thread exists to inherit the mask.
@main
enum FeeddEntryPoint {
    static func main() async {
        var signals = sigset_t()
        sigemptyset(&signals)
        for signal in [SIGTERM, SIGINT, SIGHUP] { sigaddset(&signals, signal) }
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        await FeedDaemonCommand.main()
    }
}
