import Foundation
import XCTest
@testable import Parsing
import Model

final class CSSSelectorTests: XCTestCase {
    let html = """
    <html><body>
    <div class="news_box"><div class="list"><ul>
      <li class="line"><h4>header row</h4></li>
      <li><h4><a href="/p/1.htm" title="Policy one">Policy one</a><span class="date">2026-03-05</span></h4></li>
      <li class="hot item"><h4><a href="/p/2.htm">Policy two</a><span class="date">2026-03-04</span></h4></li>
      <li><h4><a href="https://elsewhere.example/3.htm">Policy three</a><span class="date">2026-03-03</span></h4></li>
    </ul></div></div>
    <table id="t"><tr><td>1</td><td><a href="/doc/a">Doc A</a></td></tr><tr><td>2</td><td><a href="/doc/b">Doc B</a></td></tr></table>
    </body></html>
    """

    func extract(_ sel: ListSelectors) throws -> [FeedItem] {
        try ListExtractor.extract(ParseInput(data: Data(html.utf8), url: "https://www.gov.example/zhengce/"),
                                  selectors: sel, timezone: chinaZone).items
    }

    func testGovCnStyleSelectors() throws {
        let items = try extract(ListSelectors(items: "css:.news_box > .list > ul > li:not(.line)",
                                              title: "css:h4 > a", link: "css:h4 > a", date: "css:h4 > .date"))
        XCTAssertEqual(items.map(\.title), ["Policy one", "Policy two", "Policy three"])
        XCTAssertEqual(items.map(\.link), ["https://www.gov.example/p/1.htm", "https://www.gov.example/p/2.htm", "https://elsewhere.example/3.htm"])
        XCTAssertEqual(items.map(\.published), [utc(2026, 3, 4, 16), utc(2026, 3, 3, 16), utc(2026, 3, 2, 16)])
    }

    func testAttributeNthChildAndLists() throws {
        XCTAssertEqual(try extract(ListSelectors(items: "css:li a[href^='https']")).map(\.title), ["Policy three"])
        XCTAssertEqual(try extract(ListSelectors(items: "css:a[href*=\"/p/\"]")).map(\.title), ["Policy one", "Policy two"])
        XCTAssertEqual(try extract(ListSelectors(items: "css:a[title]")).map(\.title), ["Policy one"])
        XCTAssertEqual(try extract(ListSelectors(items: "css:li.hot.item a")).map(\.title), ["Policy two"])
        XCTAssertEqual(try extract(ListSelectors(items: "css:#t tr", title: "css:td:nth-child(2) > a", link: "css:td:nth-child(2) > a"))
                        .map(\.link), ["https://www.gov.example/doc/a", "https://www.gov.example/doc/b"])
        XCTAssertEqual(try extract(ListSelectors(items: "css:li:first-child h4")).map(\.title), ["header row"])
        XCTAssertEqual(try extract(ListSelectors(items: "css:#t tr:first-child a, li.hot a")).map(\.title), ["Policy two", "Doc A"],
                       "a comma list is a union, in document order")
    }

    func testInvalidCSS() {
        for bad in ["css:", "css:ul >", "css:li:hover", "css:a[href", "css:li:nth-child(x)"] {
            XCTAssertThrowsError(try extract(ListSelectors(items: bad)), bad) { error in
                guard case ParseError.invalidSelector = error else { return XCTFail("\(error)") }
            }
        }
    }
}
