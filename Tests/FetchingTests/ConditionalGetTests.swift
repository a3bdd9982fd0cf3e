import Fetching
import Foundation
import TestSupport
import XCTest

final class ConditionalGetTests: FetchTestCase {
    func testETagGives304AndChangedContentGives200() throws {
        let fetcher = Fetcher()
        let first = try success(fetchOne(request("/a.xml"), fetcher: fetcher))
        let etag = try XCTUnwrap(first.etag)

        let second = try success(fetchOne(request("/a.xml", etag: etag), fetcher: fetcher))
        XCTAssertTrue(second.notModified)
        XCTAssertEqual(second.status, 304)
        XCTAssertTrue(second.body.isEmpty)
        XCTAssertEqual(second.etag, etag)

        try write("a.xml", "<rss version=\"2.0\"><channel><title>A2</title></channel></rss>\n")
        let third = try success(fetchOne(request("/a.xml", etag: etag), fetcher: fetcher))
        XCTAssertFalse(third.notModified)
        XCTAssertEqual(third.status, 200)
        XCTAssertNotEqual(third.etag, etag)
        XCTAssertTrue(String(decoding: third.body, as: UTF8.self).contains("A2"))

        let log = try server.requests()
        XCTAssertEqual(log.map(\.status), [200, 304, 200])
        XCTAssertEqual(log.map(\.ifNoneMatch), [nil, etag, etag])
    }

    func testLastModifiedGives304() throws {
        let then = Date(timeIntervalSince1970: 1_600_000_000)
        try write("old.xml", "<rss/>", modified: then)
        let first = try success(fetchOne(request("/old.xml")))
        let lastModified = try XCTUnwrap(first.lastModified)
        XCTAssertEqual(lastModified, "Sun, 13 Sep 2020 12:26:40 GMT")

        let second = try success(fetchOne(request("/old.xml", lastModified: lastModified)))
        XCTAssertTrue(second.notModified)
        XCTAssertTrue(second.body.isEmpty)
        XCTAssertEqual(second.lastModified, lastModified)

        try write("old.xml", "<rss><channel/></rss>", modified: then.addingTimeInterval(3600))
        let third = try success(fetchOne(request("/old.xml", lastModified: lastModified)))
        XCTAssertFalse(third.notModified)
        XCTAssertEqual(String(decoding: third.body, as: UTF8.self), "<rss><channel/></rss>")

        let log = try server.requests()
        XCTAssertEqual(log.map(\.status), [200, 304, 200])
        XCTAssertNil(log[0].ifModifiedSince)
        XCTAssertEqual(log[1].ifModifiedSince, lastModified)
    }
}
