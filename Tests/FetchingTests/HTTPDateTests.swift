import CCurl
@testable import Fetching
import XCTest

final class HTTPDateTests: XCTestCase {
    /// The fixed-format reader must agree with libcurl's general one, which it stands in for.
    func testFixedFormatAgreesWithCurl() {
        var dates = ["Sun, 06 Nov 1994 08:49:37 GMT", "Thu, 01 Jan 1970 00:00:01 GMT", "Tue, 29 Feb 2000 23:59:59 GMT",
                     "Wed, 31 Dec 2025 12:00:00 GMT", "Mon, 01 Mar 2100 00:00:00 GMT", "Fri, 13 Oct 2023 07:28:00 GMT"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        for year in stride(from: 1971, through: 2099, by: 7) {
            for (m, name) in months.enumerated() {
                let day = 1 + (year + m * 5) % 28
                dates.append(String(format: "Mon, %02d %@ %04d %02d:%02d:%02d GMT", day, name, year, (year + m) % 24, m * 4, (year * 7) % 60))
            }
        }
        for d in dates {
            let ours = HTTPDate.fixedFormat(d)
            XCTAssertNotNil(ours, d)
            XCTAssertEqual(ours, curl_getdate(d, nil), d)
            XCTAssertEqual(HTTPDate.seconds(d), curl_getdate(d, nil), d)
        }
    }

    /// Obsolete formats are not read by the fixed reader but still work through libcurl; nonsense
    /// gives nil (no If-Modified-Since is sent).
    func testOtherFormatsFallBackToCurl() {
        for d in ["Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994"] {
            XCTAssertNil(HTTPDate.fixedFormat(d), d)
            XCTAssertEqual(HTTPDate.seconds(d), 784111777, d)
        }
        for d in ["", "yesterday-ish", "Sun, 06 Nov 1994 08:49:37 CET", "Sun, 32 Nov 1994 08:49:37 GMT", "Sun, 06 Nox 1994 08:49:37 GMT"] {
            XCTAssertNil(HTTPDate.fixedFormat(d), d)
        }
        XCTAssertNil(HTTPDate.seconds("yesterday-ish"))
    }
}
