// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for the parts that read what strangers write: feeds, HTML pages, dates and
// feeds.yml. Kept out of the main package so `swift build` / `swift test` never compile them;
// built by fuzz/run.sh with `-sanitize=fuzzer -sanitize=address` on every module (command line).
let fuzzer: [SwiftSetting] = [.unsafeFlags(["-sanitize=fuzzer", "-sanitize=address"])]
let package = Package(
    name: "CivicWatchFuzz",
    dependencies: [.package(name: "CivicWatch", path: "..")],
    targets: [
        .executableTarget(name: "FuzzFeed", dependencies: [.product(name: "CivicWatchParsing", package: "CivicWatch")],
                          swiftSettings: fuzzer, linkerSettings: [.unsafeFlags(["-sanitize=fuzzer", "-sanitize=address"])]),
        .executableTarget(name: "FuzzHTML", dependencies: [.product(name: "CivicWatchParsing", package: "CivicWatch")],
                          swiftSettings: fuzzer, linkerSettings: [.unsafeFlags(["-sanitize=fuzzer", "-sanitize=address"])]),
        .executableTarget(name: "FuzzDate", dependencies: [.product(name: "CivicWatchParsing", package: "CivicWatch")],
                          swiftSettings: fuzzer, linkerSettings: [.unsafeFlags(["-sanitize=fuzzer", "-sanitize=address"])]),
        .executableTarget(name: "FuzzConfig", dependencies: [.product(name: "CivicWatchConfig", package: "CivicWatch")],
                          swiftSettings: fuzzer, linkerSettings: [.unsafeFlags(["-sanitize=fuzzer", "-sanitize=address"])]),
    ]
)
