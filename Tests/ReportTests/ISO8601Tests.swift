import Foundation
import Model
import XCTest

/// The hand-written ISO 8601 path must agree with Foundation's formatter everywhere it is used.
final class ISO8601Tests: XCTestCase {
    func testWritesAndReadsLikeFoundation() {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            // Foundation converts through seconds since 2001 and may round x.99999… up; fractions
            // that close to the next second are left out (they differ by a second at most).
            let t = Double.random(in: -2_000_000_000...4_000_000_000, using: &rng)
            guard t - floor(t) < 0.999 else { continue }
            let d = Date(timeIntervalSince1970: t)
            let s = ISO8601.string(d)
            XCTAssertEqual(s, f.string(from: d))
            XCTAssertEqual(ISO8601.date(s), f.date(from: s))
        }
        XCTAssertEqual(ISO8601.string(ISO8601.date("2024-02-29T23:59:59Z")!), "2024-02-29T23:59:59Z")
        XCTAssertEqual(ISO8601.date("2026-03-05T17:00:12+08:00"), ISO8601.date("2026-03-05T09:00:12Z"), "offsets still read")
        XCTAssertEqual(ISO8601.date("2026-03-05T09:00:12.250Z")?.timeIntervalSince1970, ISO8601.date("2026-03-05T09:00:12Z")!.timeIntervalSince1970 + 0.25)
        XCTAssertNil(ISO8601.date("2026-13-05T09:00:12Z"))
        XCTAssertNil(ISO8601.date("yesterday"))
    }
}
