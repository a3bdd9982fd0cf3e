import Fetching
import Foundation
import TestSupport
import XCTest

final class ConnectionTests: FetchTestCase {
    func testConnectionsAreReusedWithinAndAcrossBatches() throws {
        let fetcher = Fetcher(limits: FetchLimits(concurrency: 4, perHost: 1))
        let first = fetch((0..<5).map { request("/a.xml?n=\($0)") }, fetcher: fetcher)
        XCTAssertEqual(first.count, 5)
        let second = fetch([request("/b.xml")], fetcher: fetcher)
        XCTAssertEqual(try success(second["/b.xml"]).status, 200)
        let ports = try server.requests().map(\.clientPort)
        XCTAssertEqual(ports.count, 6)
        XCTAssertEqual(Set(ports).count, 1, "one keep-alive connection for everything: \(ports)")
    }

    func testProxyIsUsed() throws {
        // The test server also answers proxy-style requests (absolute URL in the request line),
        // so a host that does not exist can only be reached through it.
        var r = request("http://feeds.example.invalid/a.xml")
        r.proxy = server.baseURL
        let res = try success(fetchOne(r))
        XCTAssertTrue(String(decoding: res.body, as: UTF8.self).contains("<title>A</title>"))
        XCTAssertEqual(try server.requests().map(\.path), ["http://feeds.example.invalid/a.xml"])
    }
}
