import Foundation
import TestSupport
import XCTest

/// One pass over every hostile server and document of faults.py beside good sources: each bad
/// source fails with a clear reason or is parsed safely, the good ones are processed normally, the
/// pass ends within its time bounds, memory stays bounded and no local file leaks anywhere.
final class FaultPassTests: XCTestCase {
    /// What a user reading `civicwatch status` must be able to tell from each failed source.
    /// A nil reason means "parsed safely" is acceptable too (the source may end up ok).
    static let faults: [(id: String, path: String, reason: [String]?)] = [
        ("s500", "/__fault/500", ["500"]),
        ("s503", "/__fault/503?retry_after=120", ["503"]),
        ("s429", "/__fault/429", ["429"]),
        ("hang", "/__fault/hang", ["timed out", "timeout"]),
        ("drip", "/__fault/drip", ["timed out", "timeout"]),
        ("reset", "/__fault/reset", ["reset", "connection", "partial", "receiv"]),
        ("lies", "/__fault/lies", ["announced size", "partial", "connection", "closed"]),
        ("truncgzip", "/__fault/truncgzip", nil),
        ("gzipbomb", "/__gzipbomb", ["max_bytes", "larger", "limit"]),
        ("endless", "/__fault/endless", ["max_bytes", "larger", "limit"]),
        ("loop", "/__fault/loop", ["redirect"]),
        ("tofile", "/__fault/redirect?to=file:///etc/passwd", ["file", "protocol", "scheme"]),
        ("toftp", "/__fault/redirect?to=ftp://127.0.0.1/etc/passwd", ["ftp", "protocol", "scheme"]),
        ("togopher", "/__fault/redirect?to=gopher://127.0.0.1:70/1", ["gopher", "protocol", "scheme"]),
        ("todict", "/__fault/redirect?to=dict://127.0.0.1:2628/d:x", ["dict", "protocol", "scheme"]),
        ("bigheader", "/__fault/bigheader", ["header"]),
        ("manyheaders", "/__fault/manyheaders", ["header"]),
        ("badutf8", "/__fault/badutf8", nil),
        ("nul", "/__fault/nul", nil),
        ("xxe", "/__fault/xxe", nil),
        ("xxeparam", "/__fault/xxe-param", nil),
        ("xinclude", "/__fault/xinclude", nil),
        ("laughs", "/__fault/laughs", nil),
        ("quadratic", "/__fault/quadratic", nil),
        ("deep", "/__fault/deep?depth=1000000", nil),
    ]

    func testOnePassOverEveryFaultBesideGoodSources() throws {
        let f = try HostileFixture()
        // Own guids and links: the gzip faults use g0…g499, and items sharing a link are one story (grouped).
        try f.writeFeed("good.xml", items: ["Harbour", "Orchard", "Lantern", "Meadow", "Quarry"].enumerated().map {
            ("good-\($0.offset)", "\($0.element) cooperative registration notice", "fine")
        })
        try f.write("good.html", "<html><body><ul class='l'>" + (0..<4).map { "<li><a href='/p\($0)'>Page item \($0)</a></li>" }.joined()
                    + "</ul></body></html>")
        let faults = Self.faults.map { "  - {id: \($0.id), url: \"BASE\($0.path)\"}" }.joined(separator: "\n")
        try f.configure("""
        defaults: {timeout: 4s, connect_timeout: 2s, max_bytes: 8MB, concurrency: 16, per_host: 16}
        sources:
        \(faults)
          - {id: items, url: "BASE/__fault/items?n=200000", max_bytes: 40MB, timeout: 60s}
          - {id: htmlxxe, type: list, url: "BASE/__fault/html-xxe", items: "//li", title: "a", link: "a/@href"}
          - {id: htmldeep, type: list, url: "BASE/__fault/html-deep?depth=1000000", items: "//li", title: "a", link: "a/@href"}
          - {id: good, url: "BASE/good.xml"}
          - {id: goodlist, type: list, url: "BASE/good.html", items: "//li", title: "a", link: "a/@href"}

        """)

        let run = try f.pass(["--alert-on-baseline"], limits: .init(killAfter: 240))
        print("fault pass: status \(run.status), \(String(format: "%.1f", run.seconds)) s, peak RSS \(run.peakRSS / 1_048_576) MiB")
        XCTAssertNil(run.signal, "the pass must not crash: \(run.stderr.suffix(2000))")
        XCTAssertEqual(run.status, 1, "completed, some sources failed: \(run.stderr.suffix(2000))")
        // Under `swift test --sanitize=…` (scratch paths .build-asan / .build-tsan) everything is
        // several times slower and ASan's shadow memory counts in RSS.
        let sanitized = Sanitizers.any
        XCTAssertLessThan(run.seconds, sanitized ? 400 : 150, "every fault is bounded by its source's timeout")
        XCTAssertLessThan(run.peakRSS, (sanitized ? 3_000 : 640) * 1_048_576, "memory bounded (200,000 items in one feed included)")

        let status = try f.status()
        for fault in Self.faults {
            let s = try XCTUnwrap(status[fault.id], fault.id)
            let health = s["health"] as? String
            let error = (s["last_error"] as? String ?? "").lowercased()
            if let reasons = fault.reason {
                XCTAssertEqual(health, "failing", "\(fault.id) must fail")
                XCTAssertTrue(reasons.contains { error.contains($0) }, "\(fault.id): unclear reason \"\(error)\"")
            } else {
                XCTAssertNotEqual(health, "never_checked", fault.id)
            }
        }
        for id in ["good", "goodlist", "items", "htmlxxe", "htmldeep", "badutf8", "nul", "xxe", "xxeparam", "xinclude"] {
            XCTAssertEqual(status[id]?["health"] as? String, "ok", "\(id): \(status[id]?["last_error"] ?? "")")
        }
        XCTAssertEqual(status["good"]?["items"] as? Int, 5)
        XCTAssertEqual(status["goodlist"]?["items"] as? Int, 4)
        XCTAssertEqual(status["items"]?["items"] as? Int, 200_000)
        let alerts = run.stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }.filter {
            // Grouping may fold a story into another source's alert; it still reaches the user.
            $0["source"] as? String == "good" || (($0["also_reported_by"] as? [Any]) ?? []).contains { "\($0)".contains("good") }
        }
        let bySource = Dictionary(grouping: run.stdout.split(separator: "\n").compactMap {
            ((try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any])?["source"] as? String
        }, by: { $0 }).mapValues(\.count)
        XCTAssertEqual(alerts.count, 5, "the good feed's items are alerted as usual: \(bySource) \(run.stdout.prefix(300))")

        // No byte of /etc/passwd anywhere a user or an attacker could look.
        let passwd = try String(contentsOfFile: "/etc/passwd", encoding: .utf8)
        let marker = try XCTUnwrap(passwd.split(separator: "\n").first.map(String.init))
        XCTAssertTrue(marker.hasPrefix("root:"))
        let state = try f.stateBytes()
        for (name, text) in [("stdout", run.stdout), ("stderr", run.stderr), ("status", try f.cli(["status"]).stdout)] {
            XCTAssertFalse(text.contains(marker) || text.contains("/bin/bash") || text.contains(":0:0:"), "/etc/passwd leaked into \(name)")
        }
        XCTAssertNil(state.range(of: Data(marker.utf8)), "/etc/passwd leaked into the state folder")
        XCTAssertNil(state.range(of: Data(":0:0:root:".utf8)), "/etc/passwd leaked into the state folder")
    }
}
