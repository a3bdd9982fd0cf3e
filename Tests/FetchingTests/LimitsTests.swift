import Fetching
import Foundation
import TestSupport
import XCTest

final class LimitsTests: FetchTestCase {
    func testBodyOverMaxBytesWithContentLength() throws {
        let e = try failure(fetchOne(request("/__big?bytes=2000000", maxBytes: 100_000)))
        XCTAssertEqual(e.reason, .tooLarge)
        XCTAssertEqual(e.message, "response larger than 100000 bytes")
    }

    func testBodyOverMaxBytesChunked() throws {
        let e = try failure(fetchOne(request("/__big?bytes=2000000&chunked=1", maxBytes: 100_000)))
        XCTAssertEqual(e.reason, .tooLarge)
        XCTAssertEqual(e.message, "response larger than 100000 bytes")
    }

    func testBodyUnderMaxBytesIsComplete() throws {
        let res = fetch([request("/__big?bytes=99999", maxBytes: 100_000),
                         request("/__big?bytes=100000&chunked=1", maxBytes: 100_000)])
        XCTAssertEqual(try success(res["/__big?bytes=99999"]).body.count, 99_999)
        XCTAssertEqual(try success(res["/__big?bytes=100000&chunked=1"]).body.count, 100_000)
    }

    func testGzipBombStoppedByMaxBytes() throws {
        let start = Date()
        let e = try failure(fetchOne(request("/__gzipbomb", maxBytes: 5_000_000)))
        XCTAssertEqual(e.reason, .tooLarge)
        XCTAssertEqual(e.message, "response larger than 5000000 bytes")
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
    }

    func testHangTimesOut() throws {
        let start = Date()
        let e = try failure(fetchOne(request("/__hang", timeout: 1)))
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertEqual(e.reason, .timeout)
        XCTAssertEqual(e.message, "timed out after 1 s")
        XCTAssertLessThan(elapsed, 5)
        XCTAssertGreaterThan(elapsed, 0.9)
    }

    func testDripFeedIsCutByTimeout() throws {
        let start = Date()
        let e = try failure(fetchOne(request("/__drip?bytes=100", timeout: 2)))
        XCTAssertEqual(e.reason, .timeout)
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
    }

    func testRedirectToFileIsRefused() throws {
        let e = try failure(fetchOne(request("/__redirect?to=file:///etc/passwd")))
        XCTAssertEqual(e.reason, .protocolRefused)
        XCTAssertEqual(e.message, "redirect to a file:// URL refused: only http and https are allowed")
    }

    func testRedirectLoop() throws {
        let e = try failure(fetchOne(request("/__loop")))
        XCTAssertEqual(e.reason, .tooManyRedirects)
        XCTAssertEqual(try server.requests().count, 6, "the first request and 5 redirects")
    }
}
