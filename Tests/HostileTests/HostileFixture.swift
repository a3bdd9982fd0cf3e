import Foundation
import TestSupport
import XCTest

/// A loopback server (with the /__fault endpoints of faults.py), a state folder and a feeds.yml.
final class HostileFixture {
    let root: URL
    let web: URL
    let state: URL
    let config: URL
    let server: TestHTTPServer
    private var version = 0

    init() throws {
        root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("cw-hostile-\(UUID().uuidString)")
        web = root.appendingPathComponent("web")
        state = root.appendingPathComponent("state")
        config = root.appendingPathComponent("feeds.yml")
        try FileManager.default.createDirectory(at: web, withIntermediateDirectories: true)
        server = try TestHTTPServer(root: web)
    }

    deinit {
        server.stop()
        try? FileManager.default.removeItem(at: root)
    }

    var base: String { server.baseURL }

    func configure(_ yaml: String) throws {
        try yaml.replacingOccurrences(of: "BASE", with: base).write(to: config, atomically: true, encoding: .utf8)
    }

    /// Writes a served file, bumping its mtime so a rewrite is always visible to conditional GET.
    func write(_ name: String, _ text: String) throws {
        let url = web.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        version += 2
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(Double(version))], ofItemAtPath: url.path)
    }

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

    func args(_ command: [String]) -> [String] { command + ["--config", config.path, "--state", state.path] }

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
