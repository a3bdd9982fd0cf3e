import Foundation
@testable import Watcher
import XCTest

final class WorkerPoolTests: XCTestCase {
    /// Every job runs once, `finish` returns only after the last one, and a submitter that waits
    /// for room as the transfer loop does never has more than `limit` jobs queued or running
    /// (the bound that keeps bodies out of memory).
    func testEveryJobRunsOnceWithinTheRoom() {
        let pool = WorkerPool(threads: 3, limit: 5)
        let lock = NSLock()
        var ran = [Int](repeating: 0, count: 400)
        var inFlight = 0
        var maxInFlight = 0
        for i in 0..<400 {
            if !pool.hasRoom { _ = pool.waitForRoom(timeout: 10) }
            lock.lock(); inFlight += 1; maxInFlight = max(maxInFlight, inFlight); lock.unlock()
            pool.submit {
                if i % 50 == 0 { Thread.sleep(forTimeInterval: 0.01) }  // let the queue fill up
                lock.lock(); ran[i] += 1; inFlight -= 1; lock.unlock()
            }
        }
        pool.finish()
        XCTAssertEqual(ran, [Int](repeating: 1, count: 400))
        XCTAssertEqual(inFlight, 0)
        XCTAssertLessThanOrEqual(maxInFlight, 5 + 1, "hasRoom must turn false once the room is taken")
        XCTAssertGreaterThan(maxInFlight, 1, "jobs ran one at a time")
    }

    /// `submit` never waits: transfers already in flight hand their bodies over however busy the
    /// workers are (a transfer loop stuck in `submit` let their timeouts run out). Past the room
    /// the queue grows and keeps its order.
    func testSubmitBeyondTheRoomNeverWaitsAndKeepsOrder() {
        let pool = WorkerPool(threads: 1, limit: 2)
        let release = DispatchSemaphore(value: 0)
        let lock = NSLock()
        var order: [Int] = []
        pool.submit { release.wait() }
        for i in 0..<100 { pool.submit { lock.lock(); order.append(i); lock.unlock() } }
        XCTAssertFalse(pool.hasRoom)
        release.signal()
        pool.finish()
        XCTAssertEqual(order, Array(0..<100))
        XCTAssertTrue(pool.hasRoom)
    }

    /// `waitForRoom` gives up after its timeout (the transfer loop must get back to its
    /// transfers), and says whether there is room.
    func testWaitForRoomGivesUpAfterItsTimeout() {
        let pool = WorkerPool(threads: 1, limit: 2)
        let release = DispatchSemaphore(value: 0)
        for _ in 0..<3 { pool.submit { release.wait() } }
        let returned = DispatchSemaphore(value: 0)
        var answer: Bool?
        Thread.detachNewThread {
            answer = pool.waitForRoom(timeout: 0.05)
            returned.signal()
        }
        XCTAssertEqual(returned.wait(timeout: .now() + 5), .success, "waitForRoom never returned")
        XCTAssertEqual(answer, false)
        for _ in 0..<3 { release.signal() }
        pool.finish()
        XCTAssertTrue(pool.waitForRoom(timeout: 0.05))
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
