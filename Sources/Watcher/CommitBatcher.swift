import Foundation
import Model
import Snapshots

/// Stores processed sources in batches, one transaction each (see `StateStore.commit(batch:)`),
/// and reports every source's final status once it is stored (or failed to be).
///
/// A batch is written when it holds `size` sources or its oldest has waited `maxWait`, and
/// whatever is left when the pass calls `flush()`. Alerts are delivered only after the last flush,
/// so batching never lets an alert out before it is stored.
final class CommitBatcher: @unchecked Sendable {
    struct Entry {
        let spec: SourceSpec
        let result: SourceProcessor.Result
        let routes: [String: [String]]
        /// Time spent fetching-to-processed, not counting the wait for its batch.
        let elapsed: TimeInterval
        let queued = Date()
    }

    private let store: StateStore
    private let keepVersions: Int
    private let size: Int
    private let maxWait: TimeInterval
    private let onStored: (Entry, SourceOutcome.Status) -> Void
    private var pending: [Entry] = []
    private let lock = NSLock()

    init(store: StateStore, keepVersions: Int, size: Int = 32, maxWait: TimeInterval = 2,
         onStored: @escaping (Entry, SourceOutcome.Status) -> Void) {
        self.store = store
        self.keepVersions = keepVersions
        self.size = max(1, size)
        self.maxWait = maxWait
        self.onStored = onStored
    }

    /// Adds an entry and returns the batch that is now due, if any, for the caller to `write`
    /// where it suits it (a worker thread, rather than the transfer loop).
    func add(_ entry: Entry) -> [Entry]? {
        lock.lock()
        defer { lock.unlock() }
        pending.append(entry)
        let due = pending.count >= size || Date().timeIntervalSince(pending[0].queued) >= maxWait
        return due ? take() : nil
    }

    func flush() {
        lock.lock()
        let batch = take()
        lock.unlock()
        write(batch)
    }

    private func take() -> [Entry] {
        defer { pending = [] }
        return pending
    }

    func write(_ batch: [Entry]) {
        guard !batch.isEmpty else { return }
        let errors = store.commit(batch: batch.map { entry in
            (update: entry.result.update, route: { entry.routes[$0] ?? [] })
        }, keepVersions: keepVersions)
        for (entry, error) in zip(batch, errors) {
            onStored(entry, error.map { .failed(reason: "cannot store the result: \($0)") } ?? entry.result.status)
        }
    }
}
