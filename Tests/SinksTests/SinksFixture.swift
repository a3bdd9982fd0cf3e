import Foundation
import Model
import TestSupport
import XCTest

/// A served folder (feeds and webhook receivers on one loopback HTTP server), a state folder and a
/// feeds.yml; passes run the built `civicwatch` binary as a child process.
final class SinksFixture: LoopbackWeb {
    init() throws { try super.init(label: "sinks") }

    /// Writes feed.xml with items `first..<last` (guid "i<n>").
    func writeFeed(_ range: Range<Int>, name: String = "feed.xml", titlePrefix: String = "Item") throws {
        let items = range.map {
            "<item><guid>i\($0)</guid><title>\(titlePrefix) \($0)</title><link>http://example.org/i\($0)</link>" +
                "<description>About item \($0)</description></item>"
        }.joined()
        let xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>T</title>\(items)</channel></rss>"
        try write(name, xml)
    }

    /// One pass over every source (`--force`), alerting on the first pass too.
    @discardableResult
    func pass(environment: [String: String] = [:]) throws -> CLIRunner.Output {
        try CLIRunner.run(args(["run", "--force", "--alert-on-baseline"]), environment: environment)
    }

    func cli(_ command: [String], environment: [String: String] = [:]) throws -> CLIRunner.Output {
        try CLIRunner.run(args(command), environment: environment)
    }

    /// A pass killed with SIGKILL after `delay` seconds (or finished before). Returns its status.
    @discardableResult
    func killedPass(after delay: TimeInterval) throws -> Int32 {
        let p = Process()
        p.executableURL = CLIRunner.binary
        p.arguments = args(["run", "--force", "--alert-on-baseline", "--quiet"])
        var env = ProcessInfo.processInfo.environment
        for k in ["http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"] { env[k] = nil }
        p.environment = env
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        Thread.sleep(forTimeInterval: delay)
        if p.isRunning { kill(p.processIdentifier, SIGKILL) }
        p.waitUntilExit()
        return p.terminationStatus
    }

    /// Alert payloads in the JSON webhook bodies a receiver accepted (answer 200) or got at all,
    /// grouped by idempotency key: what a receiver that keeps keys would have processed.
    func receivedByKey(_ hook: String, acceptedOnly: Bool = false) throws -> [String: [String]] {
        var byKey: [String: [String]] = [:]
        for post in try server.posts(hook) where !acceptedOnly || post.answer == 200 {
            guard let key = post.header("X-CivicWatch-Delivery") else { continue }
            let ids = try Self.alertIDs(post.body)
            if let seen = byKey[key] {
                XCTAssertEqual(seen, ids, "a resend under the same key must carry the same alerts")
            }
            byKey[key] = ids
        }
        return byKey
    }

    static func alertIDs(_ body: String) throws -> [String] {
        let obj = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
        let alerts = obj?["alerts"] as? [[String: Any]] ?? []
        return alerts.compactMap { $0["link"] as? String }.map { String($0.split(separator: "/").last ?? "") }
    }
}

func sampleAlert(_ n: Int, title: String? = nil, summary: String? = nil, kind: AlertKind = .new,
                 categories: [String] = []) -> Alert {
    Alert(id: "alert-\(n)", source: "src", sourceTitle: "Source & Co <b>", kind: kind, title: title ?? "Item \(n)",
          link: "https://example.org/items/\(n)", published: Date(timeIntervalSince1970: 1_772_000_000),
          summary: summary ?? "Summary of item \(n)", tags: ["china"],
          categories: categories.map { CategoryScore(name: $0, score: 1) }, detectedAt: Date(timeIntervalSince1970: 1_772_000_100))
}
