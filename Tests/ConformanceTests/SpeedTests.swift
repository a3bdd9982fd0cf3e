import Foundation
import XCTest
@testable import Parsing

/// Parses a 20 MB RSS file once and prints the throughput, to compare with `xmllint --noout`.
/// Set CIVICWATCH_BENCH_FILE to use a specific file; otherwise one is generated in memory.
final class SpeedTests: XCTestCase {
    func testParse20MBFeed() throws {
        let data: Data
        if let path = ProcessInfo.processInfo.environment["CIVICWATCH_BENCH_FILE"] {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } else {
            var s = #"<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Big</title>"#
            var i = 0
            while s.utf8.count < 20 << 20 {
                s += "<item><title>Notice \(i) 关于社会组织管理的通知</title><link>https://www.example.gov.cn/n/\(i).html</link>"
                    + "<guid>id-\(i)</guid><pubDate>Thu, 05 Mar 2026 14:30:00 +0800</pubDate><description>&lt;p&gt;Item \(i) text with "
                    + "&lt;b&gt;markup&lt;/b&gt; and some more words. 这是一个测试条目的描述文字。&lt;/p&gt;</description></item>\n"
                i += 1
            }
            data = Data((s + "</channel></rss>").utf8)
        }
        let start = Date()
        let doc = try FeedParser.parse(ParseInput(data: data, url: "https://www.example.gov.cn/rss.xml"))
        let seconds = Date().timeIntervalSince(start)
        print(String(format: "speed: %.1f MB, %d items, %.2f s, %.1f MB/s", Double(data.count) / 1e6, doc.items.count, seconds,
                     Double(data.count) / 1e6 / seconds))
        XCTAssertGreaterThan(doc.items.count, 40_000)
    }
}
