import Foundation
import TestSupport
import XCTest

/// One pass end to end, through the real binary, against a real HTTP server on 127.0.0.1.
final class PassEndToEndTests: XCTestCase {
    func testNewItemsAlertOnceAcrossPasses() throws {
        let f = try WebFixture()
        try f.write("feed.xml", rss([("a", "First"), ("b", "Second")]))
        try f.configure("""
        sources:
          - {id: ngo-news, title: NGO news, url: "BASE/feed.xml", tags: [labour]}
        """)
        let first = try f.run()
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(first.jsonLines.count, 0, "a baseline pass alerts nothing: \(first.stdout)")
        XCTAssertTrue(first.stderr.contains("[ngo-news] baseline recorded: 2 items"), first.stderr)

        try f.write("feed.xml", rss([("c", "Four labour activists detained"), ("a", "First"), ("b", "Second")]))
        let second = try f.run()
        XCTAssertEqual(second.status, 0, second.stderr)
        let alerts = second.jsonLines
        XCTAssertEqual(alerts.count, 1, second.stdout)
        XCTAssertEqual(alerts.first?["kind"] as? String, "new")
        XCTAssertEqual(alerts.first?["source"] as? String, "ngo-news")
        XCTAssertEqual(alerts.first?["title"] as? String, "Four labour activists detained")
        XCTAssertEqual(alerts.first?["link"] as? String, "http://example.org/c")
        XCTAssertEqual(alerts.first?["published"] as? String, "2026-03-05T08:00:00Z")
        XCTAssertEqual(alerts.first?["tags"] as? [String], ["labour"])
        let categories = (alerts.first?["categories"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        XCTAssertEqual(categories, ["crackdown"], "detection classifies the new item")

        let third = try f.run()
        XCTAssertEqual(third.jsonLines.count, 0, "nothing repeated: \(third.stdout)")
    }

    func testUnchangedSourceIsAnswered304AndNotReparsed() throws {
        let f = try WebFixture()
        try f.write("feed.xml", rss([("a", "One")]))
        try f.configure("sources:\n  - {id: s, url: \"BASE/feed.xml\"}\n")
        XCTAssertEqual(try f.run().status, 0)
        try f.server.resetLog()
        let second = try f.run(["--verbose"])
        XCTAssertEqual(second.status, 0, second.stderr)
        let log = try f.server.requests().filter { $0.path == "/feed.xml" }
        XCTAssertEqual(log.map(\.status), [304])
        XCTAssertNotNil(log.first?.ifNoneMatch, "the stored ETag is sent back")
        XCTAssertTrue(second.stderr.contains("[s] unchanged"), second.stderr)
    }

    func testGBKListPageDecodesChineseTitles() throws {
        let f = try WebFixture()
        func page(_ items: [(String, String, String)]) -> Data {
            let lis = items.map { "<li><a href=\"/n/\($0.0).html\">\($0.1)</a><span class=\"date\">\($0.2)</span></li>" }.joined()
            let html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><title>通知公告</title></head>" +
                "<body><ul class=\"list\">\(lis)</ul></body></html>"
            return gbk(html)
        }
        try f.write("list.html", data: page([("1", "关于社会组织登记的通知", "2026-03-01")]))
        try f.configure("""
        sources:
          - id: mca
            type: list
            url: "BASE/list.html"
            items: "//ul[@class='list']/li"
            title: "a"
            link: "a/@href"
            date: "span[@class='date']"
        """)
        XCTAssertEqual(try f.run().status, 0)
        // 镕 is in GBK but not in GB2312: a page labelled gb2312 must still decode it.
        try f.write("list.html", data: page([("2", "慈善组织公开募捐管理办法（征求意见稿）朱镕基", "2026-03-05"),
                                             ("1", "关于社会组织登记的通知", "2026-03-01")]))
        let out = try f.run()
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertEqual(out.jsonLines.count, 1, out.stdout)
        XCTAssertEqual(out.jsonLines.first?["title"] as? String, "慈善组织公开募捐管理办法(征求意见稿)朱镕基")
        XCTAssertEqual(out.jsonLines.first?["link"] as? String, "\(f.base)/n/2.html")
        XCTAssertEqual(out.jsonLines.first?["published"] as? String, "2026-03-04T16:00:00Z", "dates without a zone are +08:00")
    }

    func testPageDiffAlertsOnTextChangeButNotOnIgnoredCounter() throws {
        let f = try WebFixture()
        func page(_ article2: String, visits: Int) -> String {
            "<html><body><div id=\"content\"><h1>慈善法</h1><p>第一条 为了发展慈善事业，制定本法。</p><p>\(article2)</p>" +
                "<div class=\"visits\">访问量：\(visits)</div></div><div id=\"footer\">©</div></body></html>"
        }
        try f.write("law.html", page("第二条 本法适用于慈善组织。", visits: 1))
        try f.configure("""
        sources:
          - id: charity-law
            type: page
            url: "BASE/law.html"
            content: "//div[@id='content']"
            ignore: ["//div[@class='visits']"]
        """)
        XCTAssertEqual(try f.run().status, 0)
        try f.write("law.html", page("第二条 本法适用于慈善组织。", visits: 2))
        let counterOnly = try f.run()
        XCTAssertEqual(counterOnly.jsonLines.count, 0, "a counter change is ignored: \(counterOnly.stdout)")

        try f.write("law.html", page("第二条 本法适用于慈善组织和个人。", visits: 3))
        let changed = try f.run()
        XCTAssertEqual(changed.jsonLines.count, 1, changed.stdout)
        let alert = changed.jsonLines[0]
        XCTAssertEqual(alert["kind"] as? String, "changed")
        let diff = (alert["diff"] as? [[String: String]]) ?? []
        XCTAssertTrue(diff.contains { $0["op"] == "-" && $0["text"] == "第二条 本法适用于慈善组织。" }, "\(diff)")
        XCTAssertTrue(diff.contains { $0["op"] == "+" && $0["text"] == "第二条 本法适用于慈善组织和个人。" }, "\(diff)")
    }

    func testFailingSourcesAreReportedAndTheOthersStillRun() throws {
        let f = try WebFixture()
        try f.write("good.xml", rss([("a", "One")]))
        try f.configure("""
        defaults: {alert_after_failures: 1}
        sources:
          - {id: good, url: "BASE/good.xml"}
          - {id: broken, url: "BASE/__status/503"}
          - {id: missing, url: "BASE/nothing-here.xml"}
          - {id: refused, url: "http://127.0.0.1:9/feed.xml", timeout: 5s}
          - {id: html-not-feed, url: "BASE/index.html"}
          - {id: to-passwd, url: "BASE/__redirect?to=file:///etc/passwd"}
        """)
        try f.write("index.html", "<html><body>not a feed</body></html>")
        let out = try f.run()
        XCTAssertEqual(out.status, 1, "some sources failed: \(out.stderr)")
        XCTAssertTrue(out.stderr.contains("[good] baseline recorded"), out.stderr)
        for id in ["broken", "missing", "refused", "html-not-feed", "to-passwd"] {
            XCTAssertTrue(out.stderr.contains("[\(id)] failed:"), "\(id) not reported: \(out.stderr)")
        }
        XCTAssertTrue(out.stderr.contains("503"), out.stderr)
        XCTAssertTrue(out.stderr.contains("404"), out.stderr)
        XCTAssertFalse(out.stdout.contains("root:"), "/etc/passwd must never be read")
        let errors = out.jsonLines.filter { $0["kind"] as? String == "source_error" }
        XCTAssertEqual(Set(errors.compactMap { $0["source"] as? String }), ["broken", "missing", "refused", "html-not-feed", "to-passwd"])
        // A failing source alerts when it starts failing, not on every pass.
        let again = try f.run()
        XCTAssertEqual(again.jsonLines.filter { $0["kind"] as? String == "source_error" }.count, 0, again.stdout)
    }

    func testSizeAndTimeLimits() throws {
        let f = try WebFixture()
        try f.configure("""
        sources:
          - {id: huge, url: "BASE/__big?bytes=3000000&chunked=1", max_bytes: 1MB}
          - {id: slow, url: "BASE/__hang", timeout: 2s}
        """)
        let started = Date()
        let out = try f.run()
        XCTAssertLessThan(Date().timeIntervalSince(started), 20, "the pass ends within its time limits")
        XCTAssertEqual(out.status, 1)
        XCTAssertTrue(out.stderr.contains("[huge] failed:"), out.stderr)
        XCTAssertTrue(out.stderr.contains("larger than"), out.stderr)
        XCTAssertTrue(out.stderr.contains("[slow] failed:"), out.stderr)
        XCTAssertTrue(out.stderr.lowercased().contains("timed out"), out.stderr)
    }

    func testIntervalIsHonouredWithoutForce() throws {
        let f = try WebFixture()
        try f.write("feed.xml", rss([("a", "One")]))
        try f.configure("sources:\n  - {id: s, url: \"BASE/feed.xml\", interval: 1h}\n")
        XCTAssertEqual(try f.run().status, 0)
        try f.server.resetLog()
        let out = try CLIRunner.run(["run", "--config", f.config.path, "--state", f.state.path, "--json"])
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertEqual(try f.server.requests().count, 0, "a source checked less than its interval ago is skipped")
    }
}

func gbk(_ s: String) -> Data {
    (try? Script.python("import sys; sys.stdout.buffer.write(sys.stdin.read().encode('gbk'))", input: Data(s.utf8)).output) ?? Data()
}
