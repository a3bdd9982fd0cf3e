import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A few threads taking jobs, in order, from a queue.
///
/// It replaced an OperationQueue and a semaphore. Each Foundation operation went through
/// key-value notifications, several locks and a hop through a dispatch queue, and the semaphore
/// woke the transfer loop after every job: 4–7 % of a 900-source pass's CPU. Here a job costs one
/// lock on each side, and a thread is woken only when one is waiting for it.
final class WorkerPool: @unchecked Sendable {
    typealias Job = () -> Void

    // Allocated, not stored properties: pthread objects must never move, and `&property` on a
    // class does not promise a stable address.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    /// Signalled when a job is queued (or the pool closes) and a worker is idle.
    private let jobReady = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    /// Signalled when `waitForRoom` is waiting and half of the room is free again.
    private let roomReady = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    /// Signalled when the last worker exits.
    private let allExited = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    private var ring: [Job?]
    private var head = 0
    private var queued = 0
    private var busy = 0
    private var idleWorkers = 0
    private var waitingForRoom = 0
    private var closed = false
    private var live: Int
    private let limit: Int

    /// `limit` is the room: the jobs queued or running at once before `hasRoom` turns false. The
    /// transfer loop then starts no new transfer, so bodies are not fetched faster than they are
    /// parsed and peak memory does not grow with the sources. `submit` itself never waits: the
    /// transfers already in flight must be able to hand over their bodies.
    init(threads: Int, limit: Int) {
        let threads = max(1, threads)
        self.limit = max(threads, limit)
        ring = Array(repeating: nil, count: self.limit)
        live = threads
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(jobReady, nil)
        // Its waits are timed on the monotonic clock: a wall clock set back (NTP, a suspended VM)
        // must not turn a 100 ms wait into hours while transfers time out.
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(roomReady, &attributes)
        pthread_condattr_destroy(&attributes)
        pthread_cond_init(allExited, nil)
        for i in 0..<threads {
            let thread = Thread { [self] in self.work() }
            thread.name = "civicwatch-worker-\(i)"
            // Parsing recurses through deep documents; keep the main thread's default stack.
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    deinit {
        for cond in [allExited, roomReady, jobReady] {
            pthread_cond_destroy(cond)
            cond.deallocate()
        }
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Queues a job; past the room, the queue grows.
    func submit(_ job: @escaping Job) {
        pthread_mutex_lock(mutex)
        precondition(!closed, "WorkerPool.submit after finish")
        if queued == ring.count { grow() }
        ring[(head + queued) % ring.count] = job
        queued += 1
        if idleWorkers > 0 { pthread_cond_signal(jobReady) }
        pthread_mutex_unlock(mutex)
    }

    /// True while fewer than `limit` jobs are queued or running.
    var hasRoom: Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return queued + busy < limit
    }

    /// Waits at most `timeout` seconds until at most half of the room is taken, so that the
    /// caller then hands over several jobs instead of waking for each finished one. Returns
    /// whether there is room.
    func waitForRoom(timeout: TimeInterval) -> Bool {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let nanos = Int(now.tv_nsec) + Int(max(0, timeout) * 1e9)
        var deadline = timespec(tv_sec: now.tv_sec + nanos / 1_000_000_000, tv_nsec: nanos % 1_000_000_000)
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while queued + busy > limit / 2 {
            waitingForRoom += 1
            let rc = pthread_cond_timedwait(roomReady, mutex, &deadline)
            waitingForRoom -= 1
            if rc == ETIMEDOUT { break }
        }
        return queued + busy < limit
    }

    /// Doubles the ring, keeping the queued jobs in order from index 0.
    private func grow() {
        var bigger = [Job?](repeating: nil, count: ring.count * 2)
        for i in 0..<queued { bigger[i] = ring[(head + i) % ring.count] }
        ring = bigger
        head = 0
    }

    /// Runs every queued job to its end, then stops the threads. No job may be submitted after.
    func finish() {
        pthread_mutex_lock(mutex)
        closed = true
        pthread_cond_broadcast(jobReady)
        while live > 0 { pthread_cond_wait(allExited, mutex) }
        pthread_mutex_unlock(mutex)
    }

    private func work() {
        pthread_mutex_lock(mutex)
        while true {
            while queued == 0 && !closed {
                idleWorkers += 1
                pthread_cond_wait(jobReady, mutex)
                idleWorkers -= 1
            }
            guard queued > 0 else { break }
            let job = ring[head]!
            ring[head] = nil
            head = (head + 1) % ring.count
            queued -= 1
            busy += 1
            pthread_mutex_unlock(mutex)
            job()
            pthread_mutex_lock(mutex)
            busy -= 1
            if waitingForRoom > 0 && queued + busy <= limit / 2 { pthread_cond_signal(roomReady) }
        }
        live -= 1
        if live == 0 { pthread_cond_broadcast(allExited) }
        pthread_mutex_unlock(mutex)
    }
}
