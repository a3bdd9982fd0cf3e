import XCTest
final class DetectionTestsPlaceholder: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
