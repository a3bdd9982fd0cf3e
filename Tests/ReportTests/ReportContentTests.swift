import Detection
import Foundation
import Model
@testable import Report
import XCTest

final class ReportContentTests: XCTestCase {
    let options = ReportOptions(since: Samples.at("2026-02-20T00:00:00Z"))

    func build(_ alerts: [Alert] = Samples.all, _ options: ReportOptions? = nil) -> Report {
        ReportBuilder(sourceNames: Samples.names).build(alerts, options: options ?? self.options, now: Samples.now)
    }

    func testGroupsNewestFirstWithStagesAndSources() {
        let r = build()
        XCTAssertEqual(r.entries(in: .regulation).map(\.id), ["d4page", "a1draft"], "newest first; the old alert is outside the period")
        XCTAssertEqual(r.entries(in: .crackdown).map(\.id), ["b2detain"], "crackdown outscores regulation")
        XCTAssertEqual(r.entries(in: .other).map(\.id), ["c3other"])
        XCTAssertFalse(r.entries.contains { $0.id == "e5err" }, "source health is not a development")
        XCTAssertEqual(r.entries.first { $0.id == "a1draft" }?.stage, .draftForComment)

        let d = r.entries.first { $0.id == "b2detain" }!
        XCTAssertEqual(d.sources.map(\.name), ["China Labour Bulletin", "China Digital Times", "Human Rights Watch — China"])
        XCTAssertEqual(d.sources.map(\.link), ["https://clb.org.hk/news/shenzhen-four", "https://chinadigitaltimes.net/2026/03/four", nil])
        XCTAssertEqual(d.watchNames, ["Dawn Workers' Centre (ngos)"])
        XCTAssertEqual(d.text, "Police took four staff of a workers' centre into criminal detention. Families were not told where.",
                       "one or two sentences")
        let page = r.entries.first { $0.id == "d4page" }!
        XCTAssertEqual(page.headline, "慈善法")
        XCTAssertTrue(page.text.hasPrefix("The page changed: 1 line added, 1 removed."), page.text)
        XCTAssertEqual(r.lastUpdated, Samples.at("2026-03-18T10:00:00Z"))
    }

    func testMarkdownReadsLikeARecentDevelopmentsUpdate() {
        let md = MarkdownRenderer().render(build())
        XCTAssertTrue(md.hasPrefix("## Recent developments\n\nLast updated: 18 March 2026\n"), md)
        let laws = md.range(of: "### New laws and regulations")!, crack = md.range(of: "### Crackdowns and enforcement")!,
            other = md.range(of: "### Other developments")!
        XCTAssertTrue(laws.lowerBound < crack.lowerBound && crack.lowerBound < other.lowerBound)
        XCTAssertTrue(md.contains("- **4 March 2026** — **社会组织登记管理条例（修订草案征求意见稿）** _(draft for comment)_  \n  司法部起草了修订草案，现向社会公开征求意见。意见反馈截止时间为2026年4月5日。  \n  Source: [Ministry of Justice — drafts for comment](https://www.moj.gov.cn/lfyjzj/t20260305_1.html)"), md)
        XCTAssertTrue(md.contains("Sources: [China Labour Bulletin](https://clb.org.hk/news/shenzhen-four); [China Digital Times](https://chinadigitaltimes.net/2026/03/four); Human Rights Watch — China"), md)
        XCTAssertTrue(md.contains("Watch list: Dawn Workers' Centre (ngos)"), md)
        XCTAssertTrue(md.contains("➕ added: 第十条 新规定，自2026年9月1日起施行"), md)
        XCTAssertTrue(md.contains("➖ removed: 第十条 旧规定"), md)
    }

    func testFiltersByTagsCategoriesAndPeriod() {
        var o = options
        o.tags = ["labour"]
        XCTAssertEqual(build(Samples.all, o).entries.map(\.id), ["b2detain"])
        o.tags = []
        o.categories = ["regulation"]
        XCTAssertEqual(Set(build(Samples.all, o).entries.map(\.id)), ["a1draft", "b2detain", "d4page"])
        o.categories = ["other"]
        XCTAssertEqual(build(Samples.all, o).entries.map(\.id), ["c3other"])
        o.categories = []
        o.until = Samples.at("2026-03-10T00:00:00Z")
        XCTAssertEqual(build(Samples.all, o).entries.map(\.id), ["a1draft"])
    }

    func testTimeZoneDecidesTheDate() {
        var o = options
        o.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        let md = MarkdownRenderer().render(build(Samples.all, o))
        // Published 2026-03-04T16:00Z is 5 March in Beijing, the date the ministry printed.
        XCTAssertTrue(md.contains("- **5 March 2026** — **社会组织登记管理条例"), md)
        XCTAssertTrue(md.contains("dates in Asia/Shanghai"), md)
    }

    func testTimelineCountsWeeksBySection() {
        let r = build()
        XCTAssertEqual(r.timeline.map { $0.counts.values.reduce(0, +) }.reduce(0, +), 4)
        XCTAssertGreaterThanOrEqual(r.timeline.count, 5)
        let html = HTMLRenderer().render(r)
        XCTAssertTrue(html.contains("<svg class=\"timeline\""))
        XCTAssertTrue(html.contains("Week of 9 Mar: 1 crackdowns and enforcement"), html)
        for anchor in ["#all", "#laws", "#crackdowns", "#other"] { XCTAssertTrue(html.contains("href=\"\(anchor)\""), anchor) }
        XCTAssertTrue(html.contains("<ins><span class=\"op\">+ </span>第十条 新规定"), "additions are marked")
        XCTAssertTrue(html.contains("<del><span class=\"op\">− </span>第十条 旧规定"), "removals are marked")
        XCTAssertFalse(html.contains("<script"), "no scripts")
        XCTAssertNil(html.range(of: #"(src|href)="(https?:)?//[^"]*\.(css|js|woff2?)"#, options: .regularExpression), "no external resources")
        XCTAssertTrue(html.contains("name=\"viewport\""))
    }

    func testRegulationStages() {
        XCTAssertEqual(RegulationStageDetector.stage(text: "慈善法修正草案公开征求意见"), .draftForComment)
        XCTAssertEqual(RegulationStageDetector.stage(text: "全国人大常委会表决通过慈善法修正案"), .adopted)
        XCTAssertEqual(RegulationStageDetector.stage(text: "国务院令第800号 公布《社会组织登记管理条例》，自2026年5月1日起施行"), .promulgated)
        XCTAssertEqual(RegulationStageDetector.stage(text: "New charity rules took effect on Monday"), .inForce)
        XCTAssertEqual(RegulationStageDetector.stage(text: "国务院决定废止部分行政法规"), .repealed)
        XCTAssertNil(RegulationStageDetector.stage(text: "Workshop on NGO law"))
    }
}
