import XCTest
final class FetchingTestsPlaceholder: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
