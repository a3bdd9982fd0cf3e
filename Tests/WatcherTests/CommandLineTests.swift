import Foundation
import TestSupport
import XCTest

final class CommandLineTests: XCTestCase {
    func testCheckExitsTwoWithFileLineErrors() throws {
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("cw-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("feeds.yml")
        try "sources:\n  - id: a\n    url: https://example.org/a.xml\n    interval: often\n".write(to: config, atomically: true, encoding: .utf8)
        let out = try CLIRunner.run(["check", "--config", config.path])
        XCTAssertEqual(out.status, 2)
        XCTAssertTrue(out.stderr.contains("\(config.path):4:15: sources[0].interval: cannot read \"often\" as a duration"), out.stderr)

        let missing = try CLIRunner.run(["check", "--config", dir.appendingPathComponent("nope.yml").path])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("cannot read the file"), missing.stderr)

        let usage = try CLIRunner.run(["run", "--no-such-flag"])
        XCTAssertEqual(usage.status, 2, usage.stderr)
    }

    func testSecondPassOnTheSameStateExitsThree() throws {
        let f = try WebFixture()
        try f.configure("sources:\n  - {id: slow, url: \"BASE/__delay/3000/feed.xml\"}\n")
        try f.write("feed.xml", rss([("a", "One")]))
        let first = DispatchQueue.global()
        let group = DispatchGroup()
        var firstStatus: Int32 = -1
        group.enter()
        first.async {
            firstStatus = (try? f.run().status) ?? -2
            group.leave()
        }
        Thread.sleep(forTimeInterval: 1.0)
        let second = try f.run()
        group.wait()
        XCTAssertEqual(second.status, 3, second.stderr)
        XCTAssertTrue(second.stderr.contains("another pass is running"), second.stderr)
        XCTAssertEqual(firstStatus, 0)
        // The lock went with the pass that held it.
        XCTAssertEqual(try f.run().status, 0)
    }

    func testParseCommandShowsWellFormedness() throws {
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("cw-parse-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("broken.xml")
        try "<rss version=\"2.0\"><channel><item><title>A &nbsp; B</title><link>http://x/1</link></item><item><title>Second".write(to: file, atomically: true, encoding: .utf8)
        let out = try CLIRunner.run(["parse", file.path, "--json"])
        XCTAssertEqual(out.status, 0, out.stderr)
        let doc = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(doc?["well_formed"] as? Bool, false)
        let items = doc?["items"] as? [[String: Any]]
        XCTAssertEqual(items?.first?["title"] as? String, "A B")
        XCTAssertEqual(items?.first?["link"] as? String, "http://x/1")
    }

    /// docs/parse-json.md: every item key is present (null when absent); an HTML page lists the
    /// feeds it advertises, also with --discover.
    func testParseJSONKeysAndFeedDiscovery() throws {
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("cw-parse-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let feed = dir.appendingPathComponent("feed.xml")
        try "<rss><channel><item><title>T</title><pubDate>Thu, 05 Mar 2026 14:30:00 +0800</pubDate></item></channel></rss>"
            .write(to: feed, atomically: true, encoding: .utf8)
        let out = try CLIRunner.run(["parse", feed.path, "--json"])
        XCTAssertEqual(out.status, 0, out.stderr)
        let doc = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(doc?["format"] as? String, "rss")
        XCTAssertEqual(doc?["encoding"] as? String, "utf-8")
        let item = (doc?["items"] as? [[String: Any]])?.first
        XCTAssertEqual(Set(item?.keys.map { $0 } ?? []), ["id", "title", "link", "published", "updated", "summary", "content", "author"])
        XCTAssertEqual(item?["published"] as? String, "2026-03-05T06:30:00Z")
        XCTAssertTrue(item?["link"] is NSNull)

        let page = dir.appendingPathComponent("index.html")
        try #"<html><head><link rel="alternate" type="application/atom+xml" href="/atom.xml"></head><body>x</body></html>"#
            .write(to: page, atomically: true, encoding: .utf8)
        let discovered = try CLIRunner.run(["parse", page.path, "--discover", "--url", "https://ngo.example.org/news/"])
        XCTAssertEqual(discovered.status, 0, discovered.stderr)
        XCTAssertEqual(discovered.stdout, "https://ngo.example.org/atom.xml\n")
        let auto = try CLIRunner.run(["parse", page.path, "--json", "--url", "https://ngo.example.org/"])
        let pageDoc = try JSONSerialization.jsonObject(with: Data(auto.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(pageDoc?["format"] as? String, "html")
        XCTAssertEqual(pageDoc?["feed_links"] as? [String], ["https://ngo.example.org/atom.xml"])
    }

    /// Every command's --help shows at least one example invocation.
    func testEveryCommandsHelpHasAnExample() throws {
        let commands = [["run"], ["check"], ["status"], ["list"], ["history"], ["diff"], ["test-source"], ["parse"],
                        ["evaluate"], ["outbox"], ["outbox", "list"], ["outbox", "retry"], ["outbox", "drop"],
                        ["test-alert"], ["report"], ["demo"]]
        for c in commands {
            let out = try CLIRunner.run(c + ["--help"])
            XCTAssertEqual(out.status, 0, "\(c): \(out.stderr)")
            XCTAssertTrue(out.stdout.contains("Example") && out.stdout.contains("civicwatch \(c.joined(separator: " "))"),
                          "\(c.joined(separator: " ")) --help has no example:\n\(out.stdout)")
        }
    }
}
