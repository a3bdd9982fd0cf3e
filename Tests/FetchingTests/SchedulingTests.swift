@testable import Fetching
import Foundation
import TestSupport
import XCTest

final class SchedulingTests: FetchTestCase {
    /// Largest number of requests the server was handling at one moment.
    private func maxOverlap(_ log: [LoggedRequest]) throws -> Int {
        var events: [(Double, Int)] = []
        for r in log {
            events.append((try XCTUnwrap(r.started), 1))
            events.append((try XCTUnwrap(r.ended), -1))
        }
        // Ends sort before starts at the same instant: a reused connection is not an overlap.
        events.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var current = 0, best = 0
        for (_, d) in events { current += d; best = max(best, current) }
        return best
    }

    func testPerHostLimitIsObserved() throws {
        let requests = (0..<12).map { request("/__delay/150/a.xml?n=\($0)") }
        let res = fetch(requests, limits: FetchLimits(concurrency: 16, perHost: 2))
        XCTAssertEqual(res.count, 12)
        for (_, r) in res { XCTAssertEqual(try success(r).status, 200) }
        let log = try server.requests()
        XCTAssertEqual(log.count, 12)
        XCTAssertEqual(try maxOverlap(log), 2, "two at a time for one host, never more, and not fewer")
    }

    func testGlobalLimitAcrossHosts() throws {
        // 127.0.0.1 and localhost are different hosts to the scheduler but reach the same server.
        let a = (0..<8).map { request("/__delay/150/a.xml?a=\($0)") }
        let b = (0..<8).map { request("http://localhost:\(server.port)/__delay/150/b.xml?b=\($0)") }
        let res = fetch(a + b, limits: FetchLimits(concurrency: 3, perHost: 2))
        XCTAssertEqual(res.count, 16)
        for (_, r) in res { XCTAssertEqual(try success(r).status, 200) }
        XCTAssertEqual(try maxOverlap(try server.requests()), 3)
    }

    func testManyURLsInOneBatch() throws {
        for i in 0..<50 { try write("f\(i).xml", "<rss><channel><title>\(i)</title></channel></rss>") }
        let requests = (0..<500).map { request("/f\($0 % 50).xml?i=\($0)") }
        let fetcher = Fetcher(limits: FetchLimits(concurrency: 16, perHost: 8))
        let start = Date()
        let res = fetch(requests, fetcher: fetcher)
        let elapsed = Date().timeIntervalSince(start)
        print("500 loopback fetches in one batch: \(String(format: "%.2f", elapsed)) s")
        XCTAssertEqual(res.count, 500)
        for i in 0..<500 {
            let body = try success(res["/f\(i % 50).xml?i=\(i)"]).body
            XCTAssertEqual(String(decoding: body, as: UTF8.self), "<rss><channel><title>\(i % 50)</title></channel></rss>")
        }
        XCTAssertLessThanOrEqual(try maxOverlap(try server.requests()), 8)
    }

    func testSchedulerRoundRobinsHostsWithinLimits() {
        var s = HostScheduler<Int>(concurrency: 3, perHost: 2)
        for i in 0..<4 { s.enqueue(i, host: "a") }
        for i in 10..<12 { s.enqueue(i, host: "b") }
        XCTAssertEqual(s.next()?.item, 0)
        XCTAssertEqual(s.next()?.item, 10)
        XCTAssertEqual(s.next()?.item, 1)
        XCTAssertNil(s.next(), "global limit reached")
        s.finished(host: "a")
        XCTAssertEqual(s.next()?.item, 11, "b's turn")
        s.finished(host: "b")
        XCTAssertEqual(s.next()?.item, 2)
        XCTAssertNil(s.next())
        s.finished(host: "a")
        s.finished(host: "b")
        XCTAssertEqual(s.next()?.item, 3)
        XCTAssertNil(s.next(), "nothing left for b, a has one slot taken")
        s.finished(host: "a")
        s.finished(host: "a")
        XCTAssertTrue(s.isIdle)
    }
}
