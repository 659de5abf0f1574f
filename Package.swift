// swift-tools-version: 6.1
import PackageDescription

// The pipeline, one module per stage: fetch -> parse -> store -> cluster -> digest.
// Stages exchange FeedModel values only; FeedPipeline wires them; FeedDaemon is the CLI.
let package = Package(
    name: "feedd-package",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "feedd", targets: ["FeedDaemon"]),
        .executable(name: "feedd-bench", targets: ["FeedBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // C shims: the only places C is seen.
        .systemLibrary(name: "CLibXML", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),

        // Value types every stage shares.
        .target(name: "FeedModel"),

        // Atomic file replacement: the one way digests, configuration edits and metrics are written.
        .target(name: "SafeFiles"),

        // HTML fragments: plain text for summaries/clustering, allow-list sanitising.
        .target(name: "FeedHTML", dependencies: ["FeedModel", "CLibXML"]),

        // Stages.
        .target(name: "FeedParser", dependencies: ["FeedModel", "FeedHTML", "CLibXML"]),
        .target(name: "FeedFetcher", dependencies: [
            "FeedModel", "CCurl",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "StoryClustering", dependencies: [
            "FeedModel",
            .product(name: "OrderedCollections", package: "swift-collections"),
            .product(name: "HeapModule", package: "swift-collections"),
        ]),
        .target(name: "FeedStore", dependencies: [
            "FeedModel",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .target(name: "DigestWriter", dependencies: [
            "FeedModel", "FeedHTML", "SafeFiles",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),

        // Configuration (TOML + OPML) and the orchestration of one run / the daemon loop.
        .target(name: "FeedConfig", dependencies: [
            "FeedModel", "CLibXML", "SafeFiles",
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        .target(name: "FeedPipeline", dependencies: [
            "FeedModel", "FeedHTML", "FeedParser", "FeedFetcher", "StoryClustering", "FeedStore",
            "DigestWriter", "FeedConfig", "SafeFiles",
            .product(name: "Logging", package: "swift-log"),
        ]),

        // Living under a service manager: sd_notify without libsystemd, one writer per state directory.
        .target(name: "FeedService"),

        // The `feedd` executable.
        .executableTarget(name: "FeedDaemon", dependencies: [
            "FeedModel", "FeedHTML", "FeedParser", "FeedFetcher", "FeedConfig", "FeedPipeline", "FeedStore",
            "StoryClustering", "FeedService",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "UnixSignals", package: "swift-service-lifecycle"),
        ]),

        // Hot-path benchmarks (built in release by bench/*.sh), each printing a reference measured in the same run.
        .executableTarget(name: "FeedBench", dependencies: [
            "FeedModel", "FeedParser", "FeedHTML", "StoryClustering", "FeedFetcher",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Test helpers shared by test targets: a loopback HTTP server, running the built binary, paths.
        .target(name: "TestSupport", dependencies: ["CLibXML"], path: "Tests/TestSupport"),

        .testTarget(name: "FeedModelTests", dependencies: ["FeedModel"]),
        .testTarget(name: "FeedHTMLTests", dependencies: ["FeedHTML", "FeedModel"]),
        .testTarget(name: "FeedParserTests", dependencies: ["TestSupport", "FeedParser", "FeedModel"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "FeedFetcherTests", dependencies: ["TestSupport", "FeedFetcher", "FeedModel"]),
        .testTarget(name: "StoryClusteringTests", dependencies: [
            "TestSupport", "StoryClustering", "FeedModel", "FeedPipeline",
        ]),
        .testTarget(name: "FeedStoreTests", dependencies: [
            "TestSupport", "FeedStore", "FeedModel", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "DigestWriterTests", dependencies: [
            "SafeFiles", "TestSupport", "DigestWriter", "FeedModel", "FeedParser", "FeedHTML",
        ]),
        .testTarget(name: "FeedConfigTests", dependencies: ["SafeFiles", "TestSupport", "FeedConfig", "FeedModel"]),
        .testTarget(name: "FeedPipelineTests", dependencies: [
            "TestSupport", "FeedPipeline", "FeedModel", "FeedStore", "FeedConfig", "FeedParser", "StoryClustering",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "FeedServiceTests", dependencies: ["TestSupport", "FeedService"]),
        .testTarget(name: "FeedDaemonTests", dependencies: ["TestSupport", "FeedModel", "FeedStore"]),
    ],
    swiftLanguageModes: [.v6]
)
