import Foundation
import XCTest
@testable import Parsing
import Model

final class ListExtractorTests: XCTestCase {
    func testGBKPageWithCharsetOnlyInMeta() throws {
        let sel = ListSelectors(items: "//ul[@class='list']/li", title: "a", link: "a/@href", date: "span[@class='date']")
        let doc = try ListExtractor.extract(ParseInput(data: try fixture("list_gbk_meta.html"), url: "https://www.mca.example.cn/article/tzgg/index.html"),
                                            selectors: sel, timezone: chinaZone)
        XCTAssertEqual(doc.format, .html)
        XCTAssertEqual(doc.encoding, "gb18030")
        XCTAssertEqual(doc.title, "通知公告_民政部")
        XCTAssertEqual(doc.items.map(\.title), ["关于社会组织年检的通知", "朱镕基同志题词展览公告", "境外非政府组织临时活动备案"])
        XCTAssertEqual(doc.items.map(\.link), [
            "https://www.mca.example.cn/article/tzgg/202603/20260305001.shtml",
            "https://www.mca.example.cn/article/tzgg/202603/20260301002.shtml",
            "https://other.example.cn/x.html",
        ])
        XCTAssertEqual(doc.items.map(\.published), [utc(2026, 3, 4, 16), utc(2026, 2, 28, 16), utc(2026, 2, 28, 6, 30)])
        XCTAssertEqual(doc.feedLinks, ["https://www.mca.example.cn/rss.xml"])
    }

    func testGB2312LabelWithGBKOnlyCharacters() throws {
        let sel = ListSelectors(items: "//tr", title: "td[@class='t']", link: ".//a/@href", date: "td[@class='d']")
        let doc = try ListExtractor.extract(ParseInput(data: try fixture("list_gb2312_label.html"), url: "http://gs.example.cn/list/"),
                                            selectors: sel, timezone: chinaZone)
        XCTAssertEqual(doc.encoding, "gb18030")
        XCTAssertEqual(doc.items.map(\.title), ["王堃先生任职公示", "朱镕基讲话精神学习"])
        XCTAssertEqual(doc.items.map(\.link), ["http://gs.example.cn/a1.html", "http://gs.example.cn/a2.html"])
        XCTAssertEqual(doc.items.map(\.published), [utc(2026, 3, 1, 16), utc(2026, 3, 1, 1, 15)])
    }

    func testBig5Page() throws {
        let sel = ListSelectors(items: "//div[@id='news']/p", title: "a", date: "em")
        let doc = try ListExtractor.extract(ParseInput(data: try fixture("list_big5.html"), url: "http://tw.example.org/news/list.htm"),
                                            selectors: sel, timezone: chinaZone)
        XCTAssertEqual(doc.encoding, "big5")
        XCTAssertEqual(doc.items.map(\.title), ["勞動部公告:工會法修正草案", "臺灣人權促進會聲明"], "NFKC makes the full-width colon ASCII")
        XCTAssertEqual(doc.items.map(\.link), ["http://tw.example.org/news/n1.htm", "http://tw.example.org/news/n2.htm"])
    }

    func testInvalidXPathIsReported() throws {
        let data = Data("<html><body><ul><li>x</li></ul></body></html>".utf8)
        for bad in ["//ul[", "//li/@@href", "///"] {
            XCTAssertThrowsError(try ListExtractor.extract(ParseInput(data: data, url: "http://x/"),
                                                           selectors: ListSelectors(items: bad), timezone: chinaZone)) { error in
                guard case ParseError.invalidSelector(let expr, _) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(expr, bad)
            }
        }
        XCTAssertThrowsError(try ListExtractor.extract(ParseInput(data: data, url: "http://x/"),
                                                       selectors: ListSelectors(items: "//li", date: "span[1"), timezone: chinaZone))
    }

    func testItemsWithoutTitleOrLinkAreSkipped() throws {
        let html = "<html><body><ul><li><a href='a.html'>A</a></li><li>   </li><li><a href='b.html'></a></li></ul></body></html>"
        let doc = try ListExtractor.extract(ParseInput(data: Data(html.utf8), url: "http://x.org/l/"),
                                            selectors: ListSelectors(items: "//li"), timezone: chinaZone)
        XCTAssertEqual(doc.items.map(\.title), ["A", ""])
        XCTAssertEqual(doc.items.map(\.link), ["http://x.org/l/a.html", "http://x.org/l/b.html"])
    }
}

final class PageExtractorTests: XCTestCase {
    func testIgnoredRegionsScriptsAndBlocks() throws {
        let input = ParseInput(data: try fixture("page_ignore.html"), url: "https://icnl.example.org/china")
        let doc = try PageExtractor.extract(input, content: "//div[@id='main']", ignore: ["//div[@class='counter']", "//div[@id='header']"])
        XCTAssertTrue(doc.contentMatched)
        XCTAssertEqual(doc.title, "Country page")
        XCTAssertEqual(doc.text, """
        China
        Last updated: September 29, 2025
        Recent Developments
        Charity Law amended
        Overseas NGO Law reviewed
        Registration Body Ministry of Civil Affairs
        Full width text
        """)
    }

    func testWholeBodyWhenNoContentSelector() throws {
        let input = ParseInput(data: try fixture("page_ignore.html"), url: "https://icnl.example.org/china")
        let doc = try PageExtractor.extract(input, content: nil, ignore: ["//div[@id='header']", "//div[@id='main']//li"])
        let lines = doc.text!.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "China")
        XCTAssertEqual(lines.last, "Related links")
        XCTAssertFalse(doc.text!.contains("Visits"))
        XCTAssertFalse(doc.text!.contains("Charity Law"))
        XCTAssertFalse(doc.text!.contains("var t"))
        XCTAssertFalse(doc.text!.contains("Enable JavaScript"))
        XCTAssertFalse(doc.text!.contains("a comment"))
    }

    func testContentThatMatchesNothing() throws {
        let input = ParseInput(data: try fixture("page_ignore.html"), url: "https://icnl.example.org/china")
        let doc = try PageExtractor.extract(input, content: "//div[@id='gone']", ignore: [])
        XCTAssertFalse(doc.contentMatched)
        XCTAssertEqual(doc.text, "")
    }
}
