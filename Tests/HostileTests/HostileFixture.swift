import Foundation
import TestSupport
import XCTest

/// A loopback server (with the /__fault endpoints of faults.py), a state folder and a feeds.yml.
final class HostileFixture: LoopbackWeb {
    init() throws { try super.init(label: "hostile") }

    func writeFeed(_ name: String, items: [(guid: String, title: String, summary: String)]) throws {
        try write(name, Self.rss(items))
    }

    static func rss(_ items: [(guid: String, title: String, summary: String)]) -> String {
        let body = items.map {
            "<item><guid>\(xml($0.guid))</guid><title>\(xml($0.title))</title><link>http://example.org/\(xml($0.guid))</link>" +
                "<description>\(xml($0.summary))</description></item>"
        }.joined()
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>T</title>\(body)</channel></rss>"
    }

    static func xml(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// One pass (`--force --json`) as a child process whose memory and time are measured.
    func pass(_ extra: [String] = [], environment: [String: String] = [:], limits: ChildRun.Limits = .init()) throws -> ChildRun {
        try ChildRun.run(args(["run", "--force", "--json"] + extra), environment: environment, limits: limits, folder: root)
    }

    func cli(_ command: [String], environment: [String: String] = [:]) throws -> CLIRunner.Output {
        try CLIRunner.run(args(command), environment: environment)
    }

    /// `civicwatch status --json`, by source id.
    func status() throws -> [String: [String: Any]] {
        let out = try cli(["status", "--json"])
        let obj = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any]
        let sources = obj?["sources"] as? [[String: Any]] ?? []
        return Dictionary(uniqueKeysWithValues: sources.map { ($0["id"] as? String ?? "", $0) })
    }

    /// Every byte of every file under the state folder (database, WAL, lock).
    func stateBytes() throws -> Data {
        var all = Data()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: state.path)) ?? [] {
            all += (try? Data(contentsOf: state.appendingPathComponent(name))) ?? Data()
        }
        return all
    }
}
