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

    func testRedactsCredentials() {
        XCTAssertEqual(FetchURL.redact("https://alice:s3cr3t@host/p?q=a@b"), "https://host/p?q=a@b")
        XCTAssertEqual(FetchURL.redact("http://host/p"), "http://host/p")
        XCTAssertEqual(FetchURL.redactText("proxy socks5://u:p@proxy:1080 failed for http://x/"),
                       "proxy socks5://proxy:1080 failed for http://x/")
    }
}
