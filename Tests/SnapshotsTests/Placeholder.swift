import XCTest
final class SnapshotsTestsPlaceholder: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
