import Foundation

/// Runs the built `feedd` binary (it sits next to the test bundle in the build folder) as a real process.
public enum FeeddProcess {
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The build products folder: where the running test bundle lives.
    public static var productsDirectory: URL {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var url = URL(fileURLWithPath: exe).deletingLastPathComponent()
        // On Linux the runner is `<products>/<name>.xctest`; on macOS it is inside a bundle.
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("feedd").path), url.path != "/" {
            url.deleteLastPathComponent()
        }
        return url
    }

    public static var binary: URL { productsDirectory.appendingPathComponent("feedd") }

    /// Runs `feedd args…` and awaits its exit (waiting on a thread of its own: `offThePool`).
    public static func run(_ arguments: [String], environment: [String: String] = [:], stdin: Data? = nil,
                           currentDirectory: URL? = nil) async throws -> Output {
        try await offThePool {
            try runBlocking(arguments, environment: environment, stdin: stdin, currentDirectory: currentDirectory)
        }
    }

    private static func runBlocking(_ arguments: [String], environment: [String: String], stdin: Data?,
                                    currentDirectory: URL?) throws -> Output {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        // Read both pipes concurrently so a chatty child cannot block on a full pipe.
        let group = DispatchGroup()
        nonisolated(unsafe) var stdoutData = Data()
        nonisolated(unsafe) var stderrData = Data()
        group.enter()
        DispatchQueue.global().async { stdoutData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { stderrData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus,
                      stdout: String(decoding: stdoutData, as: UTF8.self),
                      stderr: String(decoding: stderrData, as: UTF8.self))
    }
}

/// Paths of the repository and of the read-only shared test material beside it.
public enum TestPaths {
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// The shared material: where `FEEDD_SHARED` points, else the nearest `shared` folder beside the package root
    /// or beside a folder above it (`../shared`, or higher up for a git worktree nested deeper), else `../shared`
    /// (absent: the tests that need it are skipped, visibly).
    public static let shared: URL = {
        if let path = ProcessInfo.processInfo.environment["FEEDD_SHARED"] { return URL(fileURLWithPath: path) }
        var directory = packageRoot.deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("shared")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
                return candidate
            }
            directory.deleteLastPathComponent()
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    /// A fresh temporary directory, removed by the caller when done.
    public static func temporaryDirectory(_ label: String = "feedd-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
