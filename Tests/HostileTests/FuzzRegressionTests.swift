import Foundation
import Parsing
import XCTest

/// Inputs the libFuzzer targets (fuzz/run.sh) found crashing, kept so they never come back.
final class FuzzRegressionTests: XCTestCase {
    func testDateWithAnEnormousYearIsNotADate() {
        // fuzz/run.sh date: the year 200655555555 overflowed the day arithmetic and trapped.
        XCTAssertNil(DateParser.parse("09 Feb 200655555555555 9:-07-32T15:5102.5:45 +0000\n",
                                      defaultZone: TimeZone(secondsFromGMT: 8 * 3600)))
        XCTAssertNotNil(DateParser.parse("Thu, 05 Mar 2026 08:00:00 GMT"), "ordinary dates still parse")
    }
}
