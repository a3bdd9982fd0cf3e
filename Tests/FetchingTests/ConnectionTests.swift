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

    /// A kept-alive connection stays registered with epoll between its transfers. When the server
    /// closes it meanwhile, it turns readable: the loop must drop it, not wake on it again and
    /// again while another transfer is still running.
    func testIdleConnectionClosedByServerDoesNotSpinTheLoop() throws {
        let fetcher = Fetcher(limits: FetchLimits(concurrency: 2, perHost: 2))
        let res = fetch([request("/__dropidle/a.xml"), request("/__delay/600/b.xml")], fetcher: fetcher)
        XCTAssertEqual(try success(res["/__dropidle/a.xml"]).status, 200)
        XCTAssertEqual(try success(res["/__delay/600/b.xml"]).status, 200)
        // About three waits (a reply, the close, the other reply); a spinning loop makes thousands.
        XCTAssertLessThan(fetcher.loopWaits, 50)
        // The dead connection is not reused: the next request still gets its answer.
        XCTAssertEqual(try success(fetchOne(request("/a.xml"), fetcher: fetcher)).status, 200)
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

final class TLSTests: XCTestCase {
    func testSelfSignedCertificateIsRefused() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cw-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("<rss/>".utf8).write(to: root.appendingPathComponent("a.xml"))
        let server = try TestHTTPServer(root: root, tls: true)
        defer { server.stop() }
        XCTAssertTrue(server.baseURL.hasPrefix("https://"))
        var result: Result<FetchResponse, FetchError>?
        Fetcher().fetchAll([FetchRequest(key: "k", url: server.baseURL + "/a.xml", timeout: 10)]) { _, r in result = r }
        guard case .failure(let e)? = result else { return XCTFail("expected a TLS failure, got \(String(describing: result))") }
        XCTAssertEqual(e.reason, .tls)
        print("TLS failure message: \(e.message)")
        XCTAssertTrue(e.message.hasPrefix("TLS certificate verification failed"), e.message)
    }
}
