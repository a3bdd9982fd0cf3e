import Foundation
import TestSupport
import XCTest

/// `status`, `history` and `diff` after passes where one source fails, one list's selector breaks
/// and a page changes: what a user looks at when an alert says something is wrong.
final class StatusCommandTests: XCTestCase {
    func testStatusHistoryAndDiffAfterFailuresAndChanges() throws {
        let f = try WebFixture()
        let list = { (cls: String) in
            "<html><body><ul class=\"\(cls)\"><li><a href=\"/n/1.html\">关于印发《社会组织登记管理办法》的通知</a></li></ul></body></html>"
        }
        try f.write("list.html", list("list"))
        try f.write("feed.xml", rss([("a", "One")]))
        try f.write("page.html", "<html><body><div id=\"c\"><p>第一条 旧的文字。</p></div></body></html>")
        try f.configure("""
        state: {keep_days: 30}
        sources:
          - {id: gone, url: "BASE/__status/404/missing.xml", alert_after_failures: 1}
          - {id: notices, type: list, url: "BASE/list.html", items: "//ul[@class='list']/li", title: "a", link: "a/@href"}
          - {id: feed, url: "BASE/feed.xml"}
          - {id: law, type: page, url: "BASE/page.html", content: "//div[@id='c']"}
        """)
        XCTAssertEqual(try f.run().status, 1, "a failing source makes the pass exit 1")
        try f.write("list.html", list("renamed"))
        try f.write("page.html", "<html><body><div id=\"c\"><p>第一条 新的文字。</p></div></body></html>")
        let second = try f.run()
        XCTAssertTrue(second.jsonLines.contains { $0["kind"] as? String == "selector_broken" && $0["source"] as? String == "notices" },
                      second.stdout)

        let status = try CLIRunner.run(["status", "--config", f.config.path, "--state", f.state.path, "--json"])
        XCTAssertEqual(status.status, 0, status.stderr)
        let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        let sources = Dictionary(uniqueKeysWithValues: ((doc["sources"] as? [[String: Any]]) ?? []).map { ($0["id"] as? String ?? "", $0) })
        XCTAssertEqual(sources["gone"]?["health"] as? String, "failing")
        XCTAssertEqual(sources["gone"]?["consecutive_failures"] as? Int, 2)
        XCTAssertTrue((sources["gone"]?["last_error"] as? String ?? "").contains("404"), "\(sources["gone"] ?? [:])")
        XCTAssertEqual(sources["notices"]?["health"] as? String, "selector_broken")
        XCTAssertEqual(sources["feed"]?["health"] as? String, "ok")
        XCTAssertEqual(sources["feed"]?["items"] as? Int, 1)
        XCTAssertNotNil(sources["law"]?["last_change"] as? String, "the page changed on the second pass")
        let outbox = (doc["outbox"] as? [[String: Any]]) ?? []
        XCTAssertEqual(outbox.first?["sink"] as? String, "stdout")
        XCTAssertEqual(outbox.first?["pending"] as? Int, 0)

        let table = try CLIRunner.run(["status", "--config", f.config.path, "--state", f.state.path])
        XCTAssertTrue(table.stdout.contains("failing ×2"), table.stdout)
        XCTAssertTrue(table.stdout.contains("need attention"), table.stdout)

        let history = try CLIRunner.run(["history", "feed", "--config", f.config.path, "--state", f.state.path])
        XCTAssertEqual(history.status, 0, history.stderr)
        XCTAssertTrue(history.stdout.contains("baseline"), history.stdout)
        XCTAssertTrue(history.stdout.contains("One"), history.stdout)

        let diff = try CLIRunner.run(["diff", "law", "--config", f.config.path, "--state", f.state.path])
        XCTAssertEqual(diff.status, 0, diff.stderr)
        XCTAssertTrue(diff.stdout.contains("- 第一条 旧的文字。"), diff.stdout)
        XCTAssertTrue(diff.stdout.contains("+ 第一条 新的文字。"), diff.stdout)

        let bad = try CLIRunner.run(["diff", "law", "--from", "99", "--config", f.config.path, "--state", f.state.path])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("no version 99; stored: 1, 2"), bad.stderr)
    }
}
