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
        for s in ["", "yesterday", "发布时间：", "2026-13-05", "2026-02-32", "Thu, 32 Mar 2026 10:00:00 GMT",
                  "03/05/2026", "123456789", "Mar 2026", "2026-03-05T48:00:00Z", "-0313", "03-13-01", "03367",
                  "--12-31", "第2026号", "共12345条"] {
            XCTAssertNil(DateParser.parse(s), s)
        }
    }

    /// The reduced ISO 8601 forms feedparser documents, read only as the whole text.
    func testCompactISOForms() {
        check("2003", utc(2003, 1, 1))
        check("03-12-31", utc(2003, 12, 31))
        check("031231", utc(2003, 12, 31))
        check("-03-12", utc(2003, 12, 1))
        check("-0312", utc(2003, 12, 1))
        check("03335", utc(2003, 12, 1))
        check("03-335", utc(2003, 12, 1))
        check("2003-335", utc(2003, 12, 1))
        check("2004-060", utc(2004, 2, 29))
        check("2003-012-31T10:14:55+00:00", utc(2003, 12, 31, 10, 14, 55))
        check("03-12-31T10:14:55Z", utc(2003, 12, 31, 10, 14, 55))
        // Inside longer text these are numbers, not dates.
        XCTAssertNil(DateParser.parse("文号 031231 号"))
    }

    /// Out-of-range fields roll over as feedparser (mktime) reads them.
    func testRollover() {
        check("Thu, 31 Jun 2004 19:48:21 GMT", utc(2004, 7, 1, 19, 48, 21))
        check("2003-12-31T25:14:55Z", utc(2004, 1, 1, 1, 14, 55))
        check("2003-12-31T10:61:55Z", utc(2003, 12, 31, 11, 1, 55))
        check("2003-12-31T10:14:61Z", utc(2003, 12, 31, 10, 15, 1))
        check("2026-02-30", utc(2026, 3, 2))
    }

    func testOtherLanguagesAndMeridiem() {
        check("Κυρ, 11 Ιούλ 2004 12:00:00 EST", utc(2004, 7, 11, 17))
        check("2004-július-13T9:15-05:00", utc(2004, 7, 13, 14, 15))
        check("13 März 2026 10:00 +0100", utc(2026, 3, 13, 9))
        check("5 février 2026 10:00 GMT", utc(2026, 2, 5, 10))
        check("5 de marzo de 2026 10:00 GMT", utc(2026, 3, 5, 10))
        check("5 марта 2026 10:00 +0300", utc(2026, 3, 5, 7))
        // Korean forms are Korea time unless the source has a zone.
        check("2004-05-25 오후 11:23:17", utc(2004, 5, 25, 14, 23, 17))
        check("2004년 05월 28일  01:31:15", utc(2004, 5, 27, 16, 31, 15))
        check("2026年3月5日 下午3:30", utc(2026, 3, 5, 7, 30), zone: chinaZone)
        check("2026-03-05 3:30 PM", utc(2026, 3, 5, 7, 30), zone: chinaZone)
        check("2026-03-05 12:10 AM", utc(2026, 3, 4, 16, 10), zone: chinaZone)
        // "general" is not an abbreviation of gennaio.
        XCTAssertNil(DateParser.parse("General Office notice 5 2026"))
    }

    /// feedparser reads zone-less "MSSQL" dates as Korea time; we give them the source's zone.
    func testZonelessSpaceSeparatedTakesDefaultZone() {
        check("2004-07-08 23:56:58.0", utc(2004, 7, 8, 23, 56, 58))
        check("2004-07-08 23:56:58", utc(2004, 7, 8, 15, 56, 58), zone: chinaZone)
    }
}
