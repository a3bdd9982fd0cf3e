@testable import Fetching
import XCTest

final class FetchURLTests: XCTestCase {
    private func key(_ url: String) -> String? {
        if case .success(let u) = FetchURL.validate(url) { return u.hostKey }
        return nil
    }

    func testHostKeyIsLowercasedHostAndPort() {
        XCTAssertEqual(key("https://WWW.Gov.CN/feed.xml"), "www.gov.cn")
        XCTAssertEqual(key("http://user:pw@Example.org:8080/a?b#c"), "example.org:8080")
        XCTAssertEqual(key("http://[::1]:9000/x"), "[::1]:9000")
        XCTAssertEqual(key("  https://www.mohrss.gov.cn/通知/index.html \n"), "www.mohrss.gov.cn")
    }

    func testRejectsWhatCurlMustNeverSee() {
        for bad in ["ftp://x", "file:///etc/passwd", "gopher://h/", "http://", "https://:80/", "no scheme",
                    "http://host:port/", "http://a b/", "javascript:alert(1)"] {
            guard case .failure(let e) = FetchURL.validate(bad) else { return XCTFail("accepted \(bad)") }
            XCTAssertEqual(e.reason, .invalidURL, bad)
        }
    }

    /// Checked on bytes now: the scheme in any case, a non-ASCII host still lower-cased, a port
    /// of digits only, and the message still names the URL without its credentials.
    func testSchemeCaseNonASCIIHostsAndPorts() {
        XCTAssertEqual(key("HTTPS://Example.org/"), "example.org")
        XCTAssertEqual(key("http://ÄMTER.example/x"), "ämter.example")
        XCTAssertEqual(key("http://host:08080/"), "host:08080")
        XCTAssertNil(key("http://host:8o/"))
        XCTAssertNil(key("http://host:123456/"))
        XCTAssertNil(key("http://a\u{7F}b/"))
        guard case .failure(let e) = FetchURL.validate("ftp://bob:pw@host/") else { return XCTFail("accepted ftp") }
        XCTAssertEqual(e.url, "ftp://host/")
        XCTAssertTrue(e.message.contains("unsupported URL scheme ftp://"), e.message)
    }

    func testStatusCodeOfAStatusLine() {
        func code(_ line: String) -> Int { Array(line.utf8).withUnsafeBytes { HeaderLine.statusCode($0) } }
        XCTAssertEqual(code("HTTP/1.1 304 Not Modified\r\n"), 304)
        XCTAssertEqual(code("HTTP/2 200\r\n"), 200)
        XCTAssertEqual(code("HTTP/1.0 404"), 404)
        XCTAssertEqual(code("HTTP/1.1 2x0 Odd\r\n"), 0)
        XCTAssertEqual(code("HTTP/1.1\r\n"), 0)
    }

    func testRedactsCredentials() {
        XCTAssertEqual(FetchURL.redact("https://alice:s3cr3t@host/p?q=a@b"), "https://host/p?q=a@b")
        XCTAssertEqual(FetchURL.redact("http://host/p"), "http://host/p")
        XCTAssertEqual(FetchURL.redactText("proxy socks5://u:p@proxy:1080 failed for http://x/"),
                       "proxy socks5://proxy:1080 failed for http://x/")
    }
}
