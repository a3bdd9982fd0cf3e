import XCTest
final class ParsingTestsPlaceholder: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
