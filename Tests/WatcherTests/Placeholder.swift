import XCTest
final class WatcherTestsPlaceholder: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
