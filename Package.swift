// swift-tools-version:6.0
import PackageDescription

// One target per pipeline stage: Config → Fetching → Parsing → Snapshots → Detection → Alerts,
// wired together only by Watcher; the `civicwatch` executable is a thin command line over it.
let package = Package(
    name: "CivicWatch",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "civicwatch", targets: ["civicwatch"]),
        // For fuzz/Package.swift (libFuzzer targets built outside this graph); nothing here uses them.
        .library(name: "CivicWatchParsing", targets: ["Parsing", "Model"]),
        .library(name: "CivicWatchConfig", targets: ["Config", "Model"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "5.0.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl",
                       providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),

        .target(name: "Model"),
        // Yams for libyaml, which it builds and exposes as its `CYaml` module: feeds.yml is composed
        // from libyaml's events directly (Sources/Config/YAMLNode.swift, docs/performance.md item 36).
        .target(name: "Config", dependencies: ["Model", .product(name: "Yams", package: "Yams")]),
        .target(name: "Fetching", dependencies: ["Model", "CCurl"]),
        .target(name: "Parsing", dependencies: ["Model", "CLibXML2"]),
        .target(name: "Snapshots", dependencies: ["Model", .product(name: "GRDB", package: "GRDB.swift"),
                                                 .product(name: "GRDBSQLite", package: "GRDB.swift")]),
        .target(name: "Detection", dependencies: ["Model"]),
        .target(name: "Alerts", dependencies: [
            "Model", "CCurl",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .target(name: "Report", dependencies: ["Model", "Detection"]),
        .target(name: "Watcher", dependencies: [
            "Model", "Report", "Config", "Fetching", "Parsing", "Snapshots", "Detection", "Alerts",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "Demo", dependencies: [
            "Watcher", "Config", "Model", "Snapshots",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "civicwatch", dependencies: [
            "Watcher", "Config", "Model", "Parsing", "Fetching", "Snapshots", "Alerts", "Detection", "Report", "Demo",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),

        .target(name: "LeakCheckScope", path: "Tests/LeakCheckScope"),
        .target(name: "TestSupport", dependencies: ["Model", "LeakCheckScope"], path: "Tests/TestSupport",
                resources: [.copy("testserver.py"), .copy("faults.py"), .copy("smtpserver.py")]),
        .testTarget(name: "ConfigTests", dependencies: ["Config", "Model"]),
        .testTarget(name: "ParsingTests", dependencies: ["Parsing", "Model"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ConformanceTests", dependencies: ["Parsing", "Model"], exclude: ["floors.tsv"]),
        .testTarget(name: "FetchingTests", dependencies: ["Fetching", "Model", "TestSupport"]),
        .testTarget(name: "SnapshotsTests", dependencies: ["Snapshots", "Model", "TestSupport"]),
        .testTarget(name: "DetectionTests", dependencies: ["Detection", "Model"], resources: [.copy("Fixtures")]),
        .testTarget(name: "SinksTests", dependencies: [
            "Alerts", "Model", "Config", "Snapshots", "TestSupport",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .testTarget(name: "ReportTests", dependencies: [
            "Report", "Model", "Detection", "Watcher", "Config", "Snapshots", "Demo", "TestSupport",
            .product(name: "Logging", package: "swift-log"),
        ], resources: [.copy("atom.rng")]),
        .testTarget(name: "WatcherTests", dependencies: [
            "Watcher", "Config", "Model", "Snapshots", "Alerts", "TestSupport",
        ]),
        // Hostile servers, hostile documents, crashes, full disks, injection and secrets, run
        // against the built binary.
        .testTarget(name: "HostileTests", dependencies: ["Model", "Parsing", "TestSupport"]),
    ],
    swiftLanguageModes: [.v5]
)
