import Foundation
import TestSupport
import XCTest

/// Detection through the real binary: grouping across sources, page noise, categories in output.
final class DetectionEndToEndTests: XCTestCase {
    private func feed(_ items: [(guid: String, title: String, link: String)]) -> String {
        let body = items.map {
            "<item><guid>\($0.guid)</guid><title>\($0.title)</title><link>\($0.link)</link><description>About it</description></item>"
        }.joined()
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>T</title>\(body)</channel></rss>"
    }

    private func names(_ alert: [String: Any]) -> [String] {
        ((alert["categories"] as? [[String: Any]]) ?? []).compactMap { $0["name"] as? String }
    }

    func testSameStoryFromTwoFeedsIsOneAlertListingBoth() throws {
        let f = try WebFixture()
        let old = ("old", "Ministry publishes annual report", "http://example.org/old")
        try f.write("a.xml", feed([old]))
        try f.write("b.xml", feed([old]))
        try f.write("c.xml", feed([old]))
        try f.configure("""
        sources:
          - {id: clb, url: "BASE/a.xml"}
          - {id: hkfp, url: "BASE/b.xml"}
        """)
        XCTAssertEqual(try f.run().status, 0)
        try f.write("a.xml", feed([("a1", "Four labour activists detained in Shenzhen | CLB", "http://clb.example/a1"), old]))
        try f.write("b.xml", feed([("b7", "Four Labour Activists Detained in Shenzhen - HKFP", "https://www.hkfp.example/b7?utm_source=rss"), old]))
        let out = try f.run()
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertEqual(out.jsonLines.count, 1, out.stdout)
        let alert = out.jsonLines[0]
        let sources = [alert["source"] as? String ?? ""] + ((alert["also_reported_by"] as? [String]) ?? [])
        XCTAssertEqual(Set(sources), ["clb", "hkfp"], out.stdout)
        XCTAssertEqual(names(alert), ["crackdown"])

        // A third source with the same story after delivery: already told, no new alert.
        try f.configure("""
        sources:
          - {id: clb, url: "BASE/a.xml"}
          - {id: hkfp, url: "BASE/b.xml"}
          - {id: chrd, url: "BASE/c.xml"}
        """)
        XCTAssertEqual(try f.run().status, 0)
        try f.write("c.xml", feed([("c3", "Four labour activists detained in Shenzhen", "http://chrd.example/c3"), old]))
        let third = try f.run()
        XCTAssertEqual(third.jsonLines.count, 0, third.stdout)
    }

    func testSameLinkIsOneStoryAndDistinctStoriesStaySeparate() throws {
        let f = try WebFixture()
        try f.write("a.xml", feed([]))
        try f.write("b.xml", feed([]))
        try f.configure("""
        sources:
          - {id: one, url: "BASE/a.xml"}
          - {id: two, url: "BASE/b.xml"}
        """)
        XCTAssertEqual(try f.run().status, 0)
        try f.write("a.xml", feed([("1", "关于印发《社会组织登记管理办法》的通知", "http://www.gov.example/zhengce/1.htm"),
                                  ("2", "关于印发《慈善组织信息公开管理办法》的通知", "http://www.gov.example/zhengce/2.htm")]))
        try f.write("b.xml", feed([("x", "民政部印发社会组织登记管理办法", "https://gov.example/zhengce/1.htm")]))
        let out = try f.run()
        XCTAssertEqual(out.jsonLines.count, 2, out.stdout)
        let grouped = out.jsonLines.first { ($0["link"] as? String)?.hasSuffix("/1.htm") == true }
        XCTAssertNotNil(grouped?["also_reported_by"], out.stdout)
        XCTAssertTrue(out.jsonLines.allSatisfy { names($0) == ["regulation"] }, out.stdout)
    }

    func testPageWhoseOnlyChangeIsACounterOrADateRaisesNoAlert() throws {
        let f = try WebFixture()
        func page(_ updated: String, visits: Int, news: String = "") -> String {
            "<html><body><div id=\"main\"><p>Last updated: \(updated)</p><h2>Recent Developments</h2>\(news)" +
                "<p>The Charity Law governs fundraising by social organizations.</p>" +
                "<p>本页访问次数：\(visits) 次</p><p>更新时间：\(updated == "September 29, 2025" ? "2025-09-29 10:00" : "2025-10-03 08:15")</p>" +
                "</div></body></html>"
        }
        try f.write("cfm.html", page("September 29, 2025", visits: 1041))
        try f.configure("""
        sources:
          - {id: cfm-china, type: page, url: "BASE/cfm.html", content: "//div[@id='main']"}
        """)
        XCTAssertEqual(try f.run().status, 0)
        try f.write("cfm.html", page("October 3, 2025", visits: 1107))
        let noise = try f.run()
        XCTAssertEqual(noise.status, 0, noise.stderr)
        XCTAssertEqual(noise.jsonLines.count, 0, "only a date and a counter changed: \(noise.stdout)")

        try f.write("cfm.html", page("October 3, 2025", visits: 1200,
                                     news: "<p>The NPC Standing Committee adopted the revised Charity Law, which takes effect on September 5.</p>"))
        let real = try f.run()
        XCTAssertEqual(real.jsonLines.count, 1, real.stdout)
        XCTAssertEqual(real.jsonLines.first?["kind"] as? String, "changed")
        XCTAssertEqual(real.jsonLines.first.map(names), ["regulation"])
        let matches = (real.jsonLines.first?["matches"] as? [[String: Any]]) ?? []
        XCTAssertTrue(matches.contains { $0["field"] as? String == "added" }, "\(matches)")
    }

    func testCategorizedOnlyWatchListsAndTextExplanation() throws {
        let f = try WebFixture()
        try f.write("a.xml", feed([]))
        try f.configure("""
        defaults: {alert_on: categorized}
        detection:
          categories:
            labour: {terms: [罢工, wage arrears]}
          watchlists:
            ngos:
              - name: China Labour Bulletin
                aliases: [中国劳工通讯, CLB]
        sources:
          - {id: news, url: "BASE/a.xml"}
        alerts:
          - stdout: {format: text}
        """)
        XCTAssertEqual(try f.run().status, 0)
        try f.write("a.xml", feed([("1", "Weather: sunny weekend ahead", "http://x.example/1"),
                                  ("2", "中國勞工通訊：工人罷工討薪 四人被刑事拘留", "http://x.example/2")]))
        let out = try CLIRunner.run(["run", "--config", f.config.path, "--state", f.state.path, "--force"])
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertFalse(out.stdout.contains("Weather"), "an item with no category is not alerted: \(out.stdout)")
        XCTAssertTrue(out.stdout.contains("NEW [crackdown, labour]") || out.stdout.contains("NEW [labour, crackdown]"), out.stdout)
        XCTAssertTrue(out.stdout.contains("crackdown 1."), out.stdout)
        XCTAssertTrue(out.stdout.contains("(title)"), out.stdout)
        XCTAssertTrue(out.stdout.contains("watch-list ngos: China Labour Bulletin (as \"中国劳工通讯\")"), out.stdout)
    }
}
