import Fetching
import Foundation
import TestSupport
import XCTest

/// The caller of `fetchAll` can hold back new transfers (the pass does while its workers are
/// behind). Held back, the loop must keep driving the transfers in flight, whose timeouts run on.
final class AdmissionTests: FetchTestCase {
    func testHeldBackLongerThanTheTimeoutInFlightTransfersStillFinish() throws {
        final class Gate: @unchecked Sendable {
            let lock = NSLock()
            var openAt = Date.distantPast
            var hasRoom: Bool { lock.lock(); defer { lock.unlock() }; return Date() >= openAt }
            func close(for seconds: TimeInterval) { lock.lock(); openAt = Date().addingTimeInterval(seconds); lock.unlock() }
            func waitForRoom(_ timeout: TimeInterval) -> Bool {
                let end = Date().addingTimeInterval(timeout)
                while !hasRoom && Date() < end { Thread.sleep(forTimeInterval: 0.005) }
                return hasRoom
            }
        }
        let gate = Gate()
        let admission = FetchAdmission(hasRoom: { gate.hasRoom }, waitForRoom: { gate.waitForRoom($0) })
        // Three at a time; each answer takes 300 ms and may take at most 1 s.
        let requests = (0..<6).map { request("/__delay/300/a.xml?n=\($0)", timeout: 1) }
        var results: [String: Result<FetchResponse, FetchError>] = [:]
        var closed: Date?
        Fetcher(limits: FetchLimits(concurrency: 3, perHost: 3)).fetchAll(requests, admission: admission) { r, result in
            results[r.key] = result
            if closed == nil {
                // The first body is "slow to parse": nothing new may start for 1.5 s, longer than
                // the timeout of the transfers still running.
                gate.close(for: 1.5)
                closed = Date()
            }
        }
        XCTAssertEqual(results.count, 6)
        for (key, r) in results { XCTAssertEqual(try success(r).status, 200, key) }
        let log = try server.requests()
        XCTAssertEqual(log.count, 6)
        let closedAt = try XCTUnwrap(closed).timeIntervalSince1970
        let starts = try log.map { try XCTUnwrap($0.started) }
        // The loop refills its slots before it hands results over, so one transfer may start as
        // the first result arrives; after that, none until the caller has room again.
        XCTAssertEqual(starts.filter { $0 > closedAt + 0.05 && $0 < closedAt + 1.45 }, [], "\(log)")
        XCTAssertGreaterThanOrEqual(starts.filter { $0 >= closedAt + 1.45 }.count, 2, "the rest started once there was room: \(log)")
    }
}
