import Foundation
import Model
@testable import Report
import XCTest

final class AtomValidityTests: XCTestCase {
    func render(_ alerts: [Alert], now: Date = Samples.now) -> String {
        let r = ReportBuilder(sourceNames: Samples.names).build(alerts, options: ReportOptions(since: Samples.at("2026-02-20T00:00:00Z")), now: now)
        return AtomRenderer(selfURL: "https://monitor.example.org/civicwatch/alerts.atom").render(r)
    }

    func testFeedValidatesAgainstTheRFC4287Schema() throws {
        try XCTSkipUnless(Xmllint.available, "xmllint (libxml2-utils) is not installed")
        let path = try Xmllint.temp(render(Samples.all), "atom")
        defer { unlink(path) }
        let v = try Xmllint.validate(path, relaxNG: Xmllint.schema)
        XCTAssertTrue(v.ok, v.message)
        // The schema is not a rubber stamp: a feed without an id fails.
        let bad = try Xmllint.temp(render(Samples.all).replacingOccurrences(of: "<id>urn:civicwatch:feed:alerts</id>", with: ""), "atom")
        defer { unlink(bad) }
        XCTAssertFalse(try Xmllint.validate(bad, relaxNG: Xmllint.schema).ok)
        // An empty feed is valid too.
        let empty = try Xmllint.temp(render([]), "atom")
        defer { unlink(empty) }
        XCTAssertTrue(try Xmllint.validate(empty, relaxNG: Xmllint.schema).ok)
    }

    /// The RFC's rules that RELAX NG cannot express, and stable ids.
    func testEntriesHaveStableUniqueIdsAndTheRFCsOtherRules() throws {
        let feed = render(Samples.all)
        let ids = matches(#"<entry>\s*<id>([^<]+)</id>"#, in: feed)
        XCTAssertEqual(ids, ["urn:civicwatch:alert:d4page", "urn:civicwatch:alert:c3other", "urn:civicwatch:alert:b2detain",
                             "urn:civicwatch:alert:a1draft"])
        XCTAssertEqual(Set(ids).count, ids.count)
        XCTAssertTrue(feed.contains("<author><name>CivicWatch</name></author>"), "feed-level author covers every entry")
        XCTAssertTrue(feed.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://monitor.example.org/civicwatch/alerts.atom\"/>"))
        XCTAssertEqual(matches("<entry>", in: feed).count, matches("<content type=\"html\">", in: feed).count, "every entry has content")
        XCTAssertTrue(feed.contains("<link rel=\"related\" href=\"https://chinadigitaltimes.net/2026/03/four\" title=\"China Digital Times\"/>"))

        // Regenerated a week later with one more alert: the old entries are byte-for-byte the same.
        let later = Alert(id: "g7new", source: "npc", sourceTitle: "NPC", kind: .new, title: "慈善法修正案通过",
                          categories: [CategoryScore(name: "regulation", score: 2)], detectedAt: Samples.at("2026-03-25T10:00:00Z"))
        let feed2 = render(Samples.all + [later], now: Samples.at("2026-03-27T00:00:00Z"))
        XCTAssertEqual(matches(#"<entry>\s*<id>([^<]+)</id>"#, in: feed2).first, "urn:civicwatch:alert:g7new")
        for entry in matches(#"(<entry>[\s\S]*?</entry>)"#, in: feed) { XCTAssertTrue(feed2.contains(entry), entry) }
    }

    func matches(_ pattern: String, in s: String) -> [String] {
        let re = try! NSRegularExpression(pattern: pattern)
        return re.matches(in: s, range: NSRange(s.startIndex..., in: s)).map { m in
            let r = m.numberOfRanges > 1 ? m.range(at: 1) : m.range
            return String(s[Range(r, in: s)!])
        }
    }
}
