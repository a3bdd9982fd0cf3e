import Foundation
import XCTest
@testable import Watcher

/// The byte-level canonical link must agree with the URLComponents definition wherever it answers:
/// a different string would change stored item identities and re-announce every item.
final class CanonicalLinkTests: XCTestCase {
    static let handWritten = [
        "http://www.gov.cn/zhengce/content/2024-01/05/content_6924288.htm",
        "HTTP://WWW.Example.ORG:80/A/B.html#top", "https://example.org:443", "https://example.org:8443/x",
        "https://example.org", "https://example.org/", "https://example.org?x=1", "https://example.org/?",
        "https://example.org/a?b=c&d=e", "https://example.org/a?b=c&utm_source=x", "https://example.org/a?UTM_x=1&b",
        "https://example.org/a?spm=1.2", "https://example.org/a?SPM=1", "https://example.org/a?&&b=1", "https://example.org/a?=1",
        "https://example.org/a?b=%2F", "https://example.org/a?b=c+d", "https://example.org/a%2Fb%e4%b8%ad", "https://example.org/a%zz",
        "https://example.org/a b", "https://example.org/中文", "https://例子.org/", "https://user:pw@example.org/",
        "https://[::1]:8080/x", "https://example.org:0/", "https://example.org:080/", "https://example.org:99999/", "https://example.org:/",
        "https://example.org/a#", "https://example.org/a#b#c", "https://example.org/a#%zz", "https://example.org/a;b=c/d:e@f!$'()*+,",
        "https://example.org/~user/./../x", "https://exa_mple.org/", "https://-a.org/", "https://a..org/", "https://a.org./",
        "ftp://example.org/", "mailto:x@example.org", "//example.org/a", "/relative", "https:/example.org", "https://", "http://:80/",
        "https://example.org/a?b=c#frag", "https://example.org/a?b=c&b=d", "https://example.org/a?b", "https://example.org/a?b=",
        "https://example.org/a?b==c", "https://example.org/a?b=c=d", "https://EXAMPLE.org/Path/With/CAPS?Q=V",
    ]

    func testFastPathAgreesWithURLComponents() throws {
        var links = Self.handWritten
        links += corpusLinks(limit: 20_000)
        XCTAssertGreaterThan(links.count, 1_000, "the shared corpus should give thousands of real links")
        var answered = 0
        for link in links {
            guard let fast = CanonicalLink.simple(link) else { continue }
            answered += 1
            XCTAssertEqual(fast, Identity.canonicalLinkThroughFoundation(link), "for \(link)")
        }
        // The point of the fast path is that it answers for ordinary links.
        XCTAssertGreaterThan(Double(answered) / Double(links.count), 0.5)
        for plain in ["http://www.gov.cn/zhengce/content/2024-01/05/content_6924288.htm",
                      "HTTP://WWW.Example.ORG:80/A/B.html#top", "https://example.org/a?b=c&d=e"] {
            XCTAssertNotNil(CanonicalLink.simple(plain), plain)
        }
        XCTAssertEqual(Identity.canonicalLink("  HTTP://WWW.Example.ORG:80/A/B.html#top\n"), "http://www.example.org/A/B.html")
        XCTAssertEqual(Identity.canonicalLink("https://example.org/a?b=c&utm_source=x"), "https://example.org/a?b=c")
    }

    /// Every http(s) URL in the shared feed corpus, plus a variant of each with upper-case host,
    /// explicit port and fragment.
    private func corpusLinks(limit: Int) -> [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus")
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        let pattern = try! NSRegularExpression(pattern: #"https?://[^\s"'<>\\]+"#, options: [.caseInsensitive])
        var found = Set<String>()
        for case let url as URL in walker where found.count < limit {
            guard ["xml", "rss", "atom", "rdf", "html", "htm", "txt"].contains(url.pathExtension.lowercased()),
                  let data = try? Data(contentsOf: url), data.count < 2_000_000 else { continue }
            let text = String(decoding: data, as: UTF8.self)
            for m in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let r = Range(m.range, in: text) else { continue }
                let link = String(text[r])
                found.insert(link)
                if let host = URLComponents(string: link)?.host {
                    found.insert(link.replacingOccurrences(of: host, with: host.uppercased()) + "#x")
                }
            }
        }
        return found.sorted()
    }
}
