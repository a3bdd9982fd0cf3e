import Fetching
import Foundation
import TestSupport
import XCTest

final class FetchBasicsTests: FetchTestCase {
    func testFetchesBodyHeadersAndUserAgent() throws {
        try write("page.html", "<html><body>你好</body></html>")
        try write("page.html.headers", "Content-Type: text/html; charset=gbk\n")
        let res = fetch([request("/a.xml"), request("/page.html")])
        let a = try success(res["/a.xml"])
        XCTAssertEqual(a.status, 200)
        XCTAssertEqual(String(decoding: a.body, as: UTF8.self), "<rss version=\"2.0\"><channel><title>A</title></channel></rss>\n")
        XCTAssertEqual(a.contentType, "application/xml")
        XCTAssertNotNil(a.etag)
        XCTAssertNotNil(a.lastModified)
        XCTAssertFalse(a.notModified)
        XCTAssertEqual(a.effectiveURL, url("/a.xml"))
        let page = try success(res["/page.html"])
        XCTAssertEqual(page.contentType, "text/html; charset=gbk")
        XCTAssertEqual(String(decoding: page.body, as: UTF8.self), "<html><body>你好</body></html>")
        let log = try server.requests()
        XCTAssertEqual(log.count, 2)
        XCTAssertEqual(Set(log.compactMap(\.userAgent)), ["CivicWatchTests/1.0"])
    }

    func testGzipIsDecoded() throws {
        let text = String(repeating: "<item><title>gzip me</title></item>\n", count: 500)
        try write("big.xml", text)
        let r = try success(fetchOne(request("/__gzip/big.xml")))
        XCTAssertEqual(r.body.count, text.utf8.count)
        XCTAssertEqual(String(decoding: r.body, as: UTF8.self), text)
    }

    func testFollowsRedirectAndKeepsFinalHeaders() throws {
        let r = try success(fetchOne(request("/__redirect?to=/b.xml&code=301")))
        XCTAssertEqual(r.status, 200)
        XCTAssertEqual(r.effectiveURL, url("/b.xml"))
        XCTAssertEqual(r.contentType, "application/xml")
        XCTAssertNotNil(r.etag, "the ETag of the final response, not the redirect's")
        XCTAssertTrue(String(decoding: r.body, as: UTF8.self).contains("<title>B</title>"))
    }

    func testErrorsBesideWorkingURLsInOneBatch() throws {
        let batch = [request("/a.xml"), request("/__status/500"), request("/missing.xml"),
                     request("/b.xml"), request("/__status/503?retry_after=120")]
        let res = fetch(batch)
        XCTAssertEqual(try success(res["/a.xml"]).status, 200)
        XCTAssertEqual(try success(res["/b.xml"]).status, 200)
        let e500 = try failure(res["/__status/500"])
        XCTAssertEqual(e500.reason, .http)
        XCTAssertEqual(e500.status, 500)
        XCTAssertEqual(e500.message, "HTTP 500 Internal Server Error")
        let e404 = try failure(res["/missing.xml"])
        XCTAssertEqual(e404.reason, .http)
        XCTAssertEqual(e404.status, 404)
        XCTAssertEqual(e404.message, "HTTP 404 Not Found")
        XCTAssertEqual(e404.url, url("/missing.xml"))
        let e503 = try failure(res["/__status/503?retry_after=120"])
        XCTAssertEqual(e503.status, 503)
        XCTAssertEqual(e503.message, "HTTP 503 Service Unavailable (retry after 120 s)")
    }

    func testInvalidURLsAreRejectedUpFront() throws {
        let res = fetch([request("ftp://x", key: "ftp"), request("not a url", key: "junk"),
                         request("http://", key: "nohost"), request("/a.xml")])
        let ftp = try failure(res["ftp"])
        XCTAssertEqual(ftp.reason, .invalidURL)
        XCTAssertEqual(ftp.message, "unsupported URL scheme ftp://: only http and https are allowed")
        XCTAssertEqual(try failure(res["junk"]).reason, .invalidURL)
        XCTAssertEqual(try failure(res["nohost"]).reason, .invalidURL)
        XCTAssertEqual(try success(res["/a.xml"]).status, 200)
        XCTAssertEqual(try server.requests().map(\.path), ["/a.xml"], "nothing invalid reached the network")
    }

    func testConnectionRefused() throws {
        let port = try closedPort()
        let e = try failure(fetchOne(request("http://127.0.0.1:\(port)/feed.xml")))
        XCTAssertEqual(e.reason, .connect)
        XCTAssertEqual(e.message, "connection refused (127.0.0.1:\(port))")
    }

    func testUnknownHostIsDNSError() throws {
        let e = try failure(fetchOne(request("http://no-such-host.invalid/feed.xml")))
        XCTAssertEqual(e.reason, .dns)
        XCTAssertEqual(e.message, "could not resolve host no-such-host.invalid")
    }

    func testCredentialsNeverAppearInErrors() throws {
        let secretURL = "http://alice:s3cr3t@127.0.0.1:\(server.port)/__status/403"
        let e = try failure(fetchOne(request(secretURL)))
        XCTAssertEqual(e.status, 403)
        XCTAssertFalse(e.description.contains("s3cr3t"), e.description)
        XCTAssertFalse(e.url.contains("alice"), e.url)
        let refused = try failure(fetchOne(request("http://bob:hunter2@127.0.0.1:\(try closedPort())/x")))
        XCTAssertFalse(refused.description.contains("hunter2"), refused.description)
    }

    /// A port nothing listens on: bound once by us, then released.
    private func closedPort() throws -> Int {
        let s = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(s) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(s, $0, len) == 0 && getsockname(s, $0, &len) == 0
            }
        }
        guard ok else { throw Unexpected() }
        return Int(UInt16(bigEndian: addr.sin_port))
    }
}
