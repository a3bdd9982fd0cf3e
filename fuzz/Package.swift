// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for the parts that read what strangers write: feeds, HTML pages, dates and
// feeds.yml. Kept out of the main package so `swift build` / `swift test` never compile them;
// built by fuzz/run.sh with `-sanitize=fuzzer -sanitize=address` on every module (command line).
let instrumented = ["-sanitize=fuzzer", "-sanitize=address"]

func fuzzTarget(_ name: String, reading product: String) -> Target {
    .executableTarget(name: name, dependencies: ["FuzzDriver", .product(name: product, package: "CivicWatch")],
                      swiftSettings: [.unsafeFlags(instrumented)], linkerSettings: [.unsafeFlags(instrumented)])
}

let package = Package(
    name: "CivicWatchFuzz",
    dependencies: [.package(name: "CivicWatch", path: "..")],
    targets: [
        .target(name: "FuzzDriver", swiftSettings: [.unsafeFlags(instrumented)]),
        fuzzTarget("FuzzFeed", reading: "CivicWatchParsing"),
        fuzzTarget("FuzzHTML", reading: "CivicWatchParsing"),
        fuzzTarget("FuzzDate", reading: "CivicWatchParsing"),
        fuzzTarget("FuzzConfig", reading: "CivicWatchConfig"),
    ]
)
