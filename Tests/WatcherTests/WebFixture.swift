import Foundation
import TestSupport
import XCTest

/// A folder served on 127.0.0.1 plus a state folder and a feeds.yml pointing at it.
final class WebFixture {
    let root: URL
    let web: URL
    let state: URL
    let config: URL
    let server: TestHTTPServer

    init() throws {
        root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("cw-e2e-\(UUID().uuidString)")
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

    func write(_ path: String, _ text: String, encoding: String.Encoding = .utf8) throws {
        try write(path, data: text.data(using: encoding)!)
    }

    func write(_ path: String, data: Data) throws {
        let url = web.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        // Servers compare Last-Modified at one-second resolution; make every rewrite visible.
        let bump = Date().addingTimeInterval(Double(Self.counter.next()))
        try FileManager.default.setAttributes([.modificationDate: bump], ofItemAtPath: url.path)
    }

    func configure(_ yaml: String) throws {
        try yaml.replacingOccurrences(of: "BASE", with: base).write(to: config, atomically: true, encoding: .utf8)
    }

    func run(_ extra: [String] = []) throws -> CLIRunner.Output {
        try CLIRunner.run(["run", "--config", config.path, "--state", state.path, "--json", "--force"] + extra)
    }

    final class Counter: @unchecked Sendable {
        private var n = 0
        private let lock = NSLock()
        func next() -> Int { lock.lock(); defer { lock.unlock() }; n += 2; return n }
    }
    static let counter = Counter()
}

func rss(_ items: [(guid: String, title: String)]) -> String {
    let body = items.map {
        "<item><guid>\($0.guid)</guid><title>\($0.title)</title><link>http://example.org/\($0.guid)</link>" +
            "<pubDate>Thu, 05 Mar 2026 08:00:00 GMT</pubDate><description>About \($0.title)</description></item>"
    }.joined()
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>T</title>\(body)</channel></rss>"
}
