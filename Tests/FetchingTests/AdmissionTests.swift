import Fetching
import Foundation
import TestSupport
import XCTest

/// The caller of `fetchAll` can hold back new transfers (the pass does while its workers are
/// behind). Held back, the loop must keep driving the transfers in flight, whose timeouts run on.
final class AdmissionTests: FetchTestCase {
    func testHeldBackLongerThanTheTimeoutInFlightTransfersStillFinish() throws {
        /// No room from 50 ms after the start until 1.55 s: longer than the 1 s timeout of the
        /// transfers in flight meanwhile.
        final class Gate: @unchecked Sendable {
            let closes = Date().addingTimeInterval(0.05)
            let opens = Date().addingTimeInterval(1.55)
            var hasRoom: Bool { let now = Date(); return now < closes || now >= opens }
            func waitForRoom(_ timeout: TimeInterval) -> Bool {
                let end = Date().addingTimeInterval(timeout)
                while !hasRoom && Date() < end { Thread.sleep(forTimeInterval: 0.005) }
                return hasRoom
            }
        }
        let gate = Gate()
        let admission = FetchAdmission(hasRoom: { gate.hasRoom }, waitForRoom: { gate.waitForRoom($0) })
        // Three at a time: a quick one, then two that answer after 600 ms, then three more.
        let paths = ["/__delay/100/a.xml?n=0", "/__delay/600/a.xml?n=1", "/__delay/600/a.xml?n=2"]
            + (3..<6).map { "/__delay/100/a.xml?n=\($0)" }
        var results: [String: Result<FetchResponse, FetchError>] = [:]
        Fetcher(limits: FetchLimits(concurrency: 3, perHost: 3)).fetchAll(paths.map { request($0, timeout: 1) },
                                                                           admission: admission) { r, result in
            results[r.key] = result
        }
        XCTAssertEqual(results.count, 6)
        // The two slow ones were in flight all through the hold, and still finished in time.
        for (key, r) in results { XCTAssertEqual(try success(r).status, 200, key) }
        let log = try server.requests()
        XCTAssertEqual(log.count, 6)
        for entry in log where !entry.path.hasSuffix("n=0") && !entry.path.hasSuffix("n=1") && !entry.path.hasSuffix("n=2") {
            let started = try XCTUnwrap(entry.started)
            XCTAssertGreaterThanOrEqual(started, gate.opens.timeIntervalSince1970 - 0.05,
                                        "\(entry.path) started only once the caller had room")
        }
    }
}
