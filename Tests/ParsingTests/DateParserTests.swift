import Foundation
import XCTest
@testable import Parsing

final class DateParserTests: XCTestCase {
    func check(_ text: String, _ expected: Date?, zone: TimeZone? = nil, line: UInt = #line) {
        XCTAssertEqual(DateParser.parse(text, defaultZone: zone), expected, text, line: line)
    }

    func testRFC822() {
        check("Thu, 05 Mar 2026 14:30:00 GMT", utc(2026, 3, 5, 14, 30))
        check("05 Mar 2026 14:30:00 +0800", utc(2026, 3, 5, 6, 30))
        check("Thu, 5 Mar 26 14:30 EST", utc(2026, 3, 5, 19, 30))
        check("Thu, 01 Jan 04 19:48:21 GMT", utc(2004, 1, 1, 19, 48, 21))
        check("Sat, 1 Jan 1999 00:00:00 UT", utc(1999, 1, 1))
        check("Thu, 05 Mar 2026 14:30:00 Z", utc(2026, 3, 5, 14, 30))
        check("Thu, 05 Mar 2026 14:30:00 EDT", utc(2026, 3, 5, 18, 30))
        check("Thu, 05 Mar 2026 14:30:00 PST", utc(2026, 3, 5, 22, 30))
        check("Thu, 05 Mar 2026 14:30:00 PDT", utc(2026, 3, 5, 21, 30))
        check("Thu, 05 Mar 2026 14:30:00 MST", utc(2026, 3, 5, 21, 30))
        check("Thu, 05 Mar 2026 14:30:00 MDT", utc(2026, 3, 5, 20, 30))
        check("Thu, 05 Mar 2026 14:30:00 CDT", utc(2026, 3, 5, 19, 30))
        check("Thu, 05 Mar 2026 14:30:00 -05:30", utc(2026, 3, 5, 20))
        check("Thu, 05 Mar 2026 14:30:00 A", utc(2026, 3, 5, 13, 30))
        check("Thu, 05 Mar 2026 14:30:00 N", utc(2026, 3, 5, 15, 30))
        check("Thu, 05 Mar 2026 14:30:00 M", utc(2026, 3, 5, 2, 30))
        check("Thu, 05 Mar 2026 14:30:00 Y", utc(2026, 3, 6, 2, 30))
        check("Thu, 05 Mar 2026 14:30:00", utc(2026, 3, 5, 14, 30))
        check("Thu, 05 Mar 2026 14:30:00", utc(2026, 3, 5, 6, 30), zone: chinaZone)
        check("Sun Jan  4 16:29:06 2004", utc(2004, 1, 4, 16, 29, 6))
        check("Mon, 26 January 2004 16:31:00 ET", utc(2004, 1, 26, 21, 31))
        check("Mon, 26 January 2004 16:31:00 AT", utc(2004, 1, 26, 20, 31))
        check("Fri, 2006/09/15 08:19:53 EDT", utc(2006, 9, 15, 12, 19, 53))
    }

    func testCSTDependsOnDefaultZone() {
        check("Thu, 05 Mar 2026 14:30:00 CST", utc(2026, 3, 5, 20, 30))
        check("Thu, 05 Mar 2026 14:30:00 CST", utc(2026, 3, 5, 6, 30), zone: chinaZone)
        check("Thu, 05 Mar 2026 14:30:00 CST", utc(2026, 3, 5, 20, 30), zone: TimeZone(secondsFromGMT: 0))
    }

    func testISO8601() {
        check("2026-03-05T14:30:00Z", utc(2026, 3, 5, 14, 30))
        check("2026-03-05T14:30:00+08:00", utc(2026, 3, 5, 6, 30))
        check("2026-03-05T14:30:00-0500", utc(2026, 3, 5, 19, 30))
        check("2026-03-05T14:30Z", utc(2026, 3, 5, 14, 30))
        check("2026-03-05 14:30:00Z", utc(2026, 3, 5, 14, 30))
        check("2026-03-05", utc(2026, 3, 5))
        check("2026-03-05", utc(2026, 3, 4, 16), zone: chinaZone)
        check("20260305T143000Z", utc(2026, 3, 5, 14, 30))
        XCTAssertEqual(DateParser.parse("2026-03-05T14:30:00.250Z")!.timeIntervalSince1970,
                       utc(2026, 3, 5, 14, 30).timeIntervalSince1970 + 0.25, accuracy: 0.0001)
        check("2026-03-05T14:30:00", utc(2026, 3, 5, 6, 30), zone: chinaZone)
    }

    func testChineseForms() {
        check("2026年3月5日", utc(2026, 3, 4, 16), zone: chinaZone)
        check("2026年3月5日 14:30", utc(2026, 3, 5, 6, 30), zone: chinaZone)
        check("2026年03月05日14:30", utc(2026, 3, 5, 6, 30), zone: chinaZone)
        check("2026-03-05", utc(2026, 3, 4, 16), zone: chinaZone)
        check("2026/3/5", utc(2026, 3, 4, 16), zone: chinaZone)
        check("2026.03.05", utc(2026, 3, 4, 16), zone: chinaZone)
        check("2026-03-05 14:30:00", utc(2026, 3, 5, 6, 30), zone: chinaZone)
        check("发布时间：2026-03-05", utc(2026, 3, 4, 16), zone: chinaZone)
        check("发布日期:2026-03-05 09:00", utc(2026, 3, 5, 1), zone: chinaZone)
        check("[2026-03-05]", utc(2026, 3, 4, 16), zone: chinaZone)
        check("（2026/03/05）", utc(2026, 3, 4, 16), zone: chinaZone)
        check("２０２６－０３－０５", utc(2026, 3, 4, 16), zone: chinaZone)
        check("2026-03-05-14:30:00", utc(2026, 3, 5, 6, 30), zone: chinaZone)
    }

    func testUnreadableIsNil() {
        for s in ["", "yesterday", "发布时间：", "2026-13-05", "2026-02-30", "Thu, 32 Mar 2026 10:00:00 GMT",
                  "03/05/2026", "12345", "Mar 2026", "2026-03-05T25:00:00Z"] {
            XCTAssertNil(DateParser.parse(s), s)
        }
    }
}
