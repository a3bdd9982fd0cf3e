import Foundation
import Model
@testable import Report
import XCTest

/// Titles, summaries, names and links from a hostile or broken source, in every format.
final class HostileTitleTests: XCTestCase {
    static let rtl = "\u{202E}"
    static let title = "<script>alert(1)</script> [click](javascript:alert(2)) ](javascript:alert(3)) *_[]`~|#! & \"q\" 'a' \(rtl)gnp.exe" + String(repeating: "长", count: 6000)
    static let hostile = Alert(
        id: "h1", source: "evil", sourceTitle: "Evil <b>source</b> ](javascript:x)", kind: .new, title: title,
        link: "javascript:alert(4)", summary: "<img src=x onerror=alert(5)> **bold** [x](http://evil.example) \u{0}\u{1B}[31m end.",
        tags: ["china"], categories: [CategoryScore(name: "crackdown", score: 2)],
        watchlist: [WatchHit(list: "people", name: "<i>Name</i>", alias: "n")],
        alsoReportedBy: ["evil2"], alsoReportedLinks: ["evil2": "data:text/html,<script>alert(6)</script>"],
        detectedAt: Samples.at("2026-03-10T00:00:00Z"))

    var report: Report {
        ReportBuilder(sourceNames: ["evil2": "<svg onload=alert(7)>"])
            .build([Self.hostile], options: ReportOptions(since: Samples.at("2026-03-01T00:00:00Z")), now: Samples.now)
    }

    func testHTMLEscapesEverything() {
        let html = HTMLRenderer().render(report)
        for bad in ["<script", "<img", "<b>", "<i>", "<svg onload", "href=\"javascript:", "href=\"data:", Self.rtl, "\u{0}", "\u{1B}"] {
            XCTAssertFalse(html.contains(bad), "HTML contains \(bad.debugDescription)")
        }
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertTrue(html.contains("&lt;img src=x onerror=alert(5)&gt;"))
        XCTAssertLessThan(html.count, 20_000, "very long strings are cut")
        XCTAssertTrue(html.contains("…</h3>"), "a cut headline says so")
    }

    func testMarkdownEscapesEverything() {
        let md = MarkdownRenderer().render(report)
        try? md.write(toFile: NSTemporaryDirectory() + "cw-hostile.md", atomically: true, encoding: .utf8)
        XCTAssertNil(md.range(of: #"(?<!\\)<"#, options: .regularExpression), "raw HTML would render in most Markdown viewers")
        XCTAssertNil(md.range(of: #"(?<!\\)\]\(javascript"#, options: .regularExpression), "a title must not close a link")
        XCTAssertNil(md.range(of: #"(?<!\\)\[click(?<!\\)\]"#, options: .regularExpression))
        XCTAssertFalse(md.contains("(javascript:alert(4))"), "non-http links are not links")
        XCTAssertTrue(md.contains(#"\<script\>alert(1)\</script\>"#), md.prefix(600).description)
        XCTAssertTrue(md.contains(#"\*\*bold\*\*"#))
        XCTAssertTrue(md.contains(##"\*\_\[\]\`\~\|\#\! \& "q""##))
        XCTAssertFalse(md.contains(Self.rtl))
        XCTAssertFalse(md.contains("\u{1B}"))
        XCTAssertLessThan(md.count, 5000)
    }

    func testAtomStaysValidAndEscaped() throws {
        let feed = AtomRenderer().render(report)
        XCTAssertFalse(feed.contains("<script"))
        XCTAssertFalse(feed.contains("javascript:alert(4)\""), "no link to a javascript: URL")
        XCTAssertFalse(feed.contains("\u{0}"))
        XCTAssertTrue(feed.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        // content is HTML escaped once for XML: the HTML inside is itself escaped.
        XCTAssertTrue(feed.contains("&amp;lt;img src=x onerror=alert(5)&amp;gt;"))
        try XCTSkipUnless(Xmllint.available, "xmllint (libxml2-utils) is not installed")
        let path = try Xmllint.temp(feed, "atom")
        defer { unlink(path) }
        let v = try Xmllint.validate(path, relaxNG: Xmllint.schema)
        XCTAssertTrue(v.ok, v.message)
    }

    func testJSONIsValidAndCleaned() throws {
        let json = JSONRenderer().render(report)
        let obj = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        let sections = obj["sections"] as! [[String: Any]]
        let entry = (sections.first { $0["section"] as? String == "crackdown" }!["entries"] as! [[String: Any]])[0]
        let headline = entry["headline"] as! String
        XCTAssertTrue(headline.hasPrefix("<script>alert(1)</script>"), "JSON carries the text, escaped by JSON encoding")
        XCTAssertFalse(headline.contains(Self.rtl))
        XCTAssertLessThanOrEqual(headline.count, 300)
        let sources = entry["sources"] as! [[String: Any]]
        XCTAssertNil(sources[0]["link"], "javascript: is not a link")
        XCTAssertNil(sources[1]["link"], "data: is not a link")
    }
}
