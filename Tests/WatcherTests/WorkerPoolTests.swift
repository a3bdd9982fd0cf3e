import Foundation
@testable import Watcher
import XCTest

final class WorkerPoolTests: XCTestCase {
    /// Every job runs once, `finish` returns only after the last one, and no more than `limit`
    /// jobs are ever queued or running at once (the bound that keeps bodies out of memory).
    func testEveryJobRunsOnceWithinTheLimit() {
        let pool = WorkerPool(threads: 3, limit: 5)
        let lock = NSLock()
        var ran = [Int](repeating: 0, count: 400)
        var inFlight = 0
        var maxInFlight = 0
        for i in 0..<400 {
            lock.lock(); inFlight += 1; maxInFlight = max(maxInFlight, inFlight); lock.unlock()
            pool.submit {
                if i % 50 == 0 { Thread.sleep(forTimeInterval: 0.01) }  // let the queue fill up
                lock.lock(); ran[i] += 1; inFlight -= 1; lock.unlock()
            }
        }
        pool.finish()
        XCTAssertEqual(ran, [Int](repeating: 1, count: 400))
        XCTAssertEqual(inFlight, 0)
        XCTAssertLessThanOrEqual(maxInFlight, 5 + 1, "submit must wait while the pool is full")
        XCTAssertGreaterThan(maxInFlight, 1, "jobs ran one at a time")
    }

    /// Parsing runs on all the threads at once, not one job after another.
    func testJobsRunInParallel() {
        let pool = WorkerPool(threads: 2, limit: 8)
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        pool.submit { started.signal(); release.wait() }
        pool.submit { started.signal(); release.wait() }
        // Both jobs are running at the same time, or this would wait forever.
        XCTAssertEqual(started.wait(timeout: .now() + 5), .success)
        XCTAssertEqual(started.wait(timeout: .now() + 5), .success)
        release.signal(); release.signal()
        pool.finish()
    }
}
