import Foundation
import Model
import Snapshots

/// Stores processed sources in batches, one transaction each (see `StateStore.commit(batch:)`),
/// and reports every source's final status once it is stored (or failed to be).
///
/// A batch is written when what it would store reaches `bytes` (or it holds `size` sources), or its
/// oldest has waited `maxWait`, and whatever is left when the pass calls `flush()`. Alerts are
/// delivered only after the last flush, so batching never lets an alert out before it is stored.
///
/// Sized by bytes, not sources: each transaction rewrites every page it touches into the WAL, and
/// 32 unchanged sources (a few hundred bytes each) still touched some 25 pages of the sources
/// table, about 3 MB of WAL writes for a nothing-changed pass over 900 sources. Batches of sources
/// with new items or page text stay about as large as before, within SQLite's page cache.
final class CommitBatcher: @unchecked Sendable {
    struct Entry {
        let spec: SourceSpec
        let result: SourceProcessor.Result
        let routes: [String: [String]]
        /// Time spent fetching-to-processed, not counting the wait for its batch.
        let elapsed: TimeInterval
        let queued = Date()

        /// Roughly what storing the entry writes.
        var bytes: Int {
            let u = result.update
            return 512 + u.newItems.reduce(0) { $0 + 128 + $1.title.utf8.count + ($1.link?.utf8.count ?? 0) }
                + (u.pageVersion?.text.utf8.count ?? 0) + u.alerts.reduce(0) { $0 + 256 + $1.payload.count }
        }
    }

    private let store: StateStore
    private let keepVersions: Int
    private let size: Int
    private let bytes: Int
    private let maxWait: TimeInterval
    private let onStored: (Entry, SourceOutcome.Status) -> Void
    private var pending: [Entry] = []
    private var pendingBytes = 0
    private let lock = NSLock()

    init(store: StateStore, keepVersions: Int, size: Int = 512, bytes: Int = 256 << 10, maxWait: TimeInterval = 2,
         onStored: @escaping (Entry, SourceOutcome.Status) -> Void) {
        self.store = store
        self.keepVersions = keepVersions
        self.size = max(1, size)
        self.bytes = bytes
        self.maxWait = maxWait
        self.onStored = onStored
    }

    /// Adds an entry and returns the batch that is now due, if any, for the caller to `write`
    /// where it suits it (a worker thread, rather than the transfer loop).
    func add(_ entry: Entry) -> [Entry]? {
        lock.lock()
        defer { lock.unlock() }
        pending.append(entry)
        pendingBytes += entry.bytes
        let due = pending.count >= size || pendingBytes >= bytes || Date().timeIntervalSince(pending[0].queued) >= maxWait
        return due ? take() : nil
    }

    func flush() {
        lock.lock()
        let batch = take()
        lock.unlock()
        write(batch)
    }

    private func take() -> [Entry] {
        defer { pending = []; pendingBytes = 0 }
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
