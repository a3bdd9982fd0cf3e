import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A few threads taking jobs, in order, from a bounded queue.
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
    /// Signalled when `submit` is waiting for room and half of it is free again.
    private let roomReady = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    /// Signalled when the last worker exits.
    private let allExited = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    private var ring: [Job?]
    private var head = 0
    private var queued = 0
    private var busy = 0
    private var idleWorkers = 0
    private var waitingSubmitters = 0
    private var closed = false
    private var live: Int

    /// `limit` bounds the jobs queued or running at once: when bodies arrive faster than they are
    /// parsed, `submit` waits instead of holding every body in memory.
    init(threads: Int, limit: Int) {
        let threads = max(1, threads)
        ring = Array(repeating: nil, count: max(threads, limit))
        live = threads
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(jobReady, nil)
        pthread_cond_init(roomReady, nil)
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

    /// Queues a job, waiting while the pool is at its limit.
    func submit(_ job: @escaping Job) {
        pthread_mutex_lock(mutex)
        precondition(!closed, "WorkerPool.submit after finish")
        while queued + busy >= ring.count {
            waitingSubmitters += 1
            pthread_cond_wait(roomReady, mutex)
            waitingSubmitters -= 1
        }
        ring[(head + queued) % ring.count] = job
        queued += 1
        if idleWorkers > 0 { pthread_cond_signal(jobReady) }
        pthread_mutex_unlock(mutex)
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
            // A submitter waiting for room is woken once half the room is free, not after every
            // job: it then queues several at once instead of sleeping and waking for each.
            if waitingSubmitters > 0 && queued + busy <= ring.count / 2 { pthread_cond_signal(roomReady) }
        }
        live -= 1
        if live == 0 { pthread_cond_broadcast(allExited) }
        pthread_mutex_unlock(mutex)
    }
}
