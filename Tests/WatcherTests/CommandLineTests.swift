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
}
