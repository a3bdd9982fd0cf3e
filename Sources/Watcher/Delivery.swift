import Alerts
import Crypto
import Foundation
import Logging
import Model
import Snapshots

/// Reads the outbox and hands each sink what it has not accepted yet.
///
/// Per sink: due alerts are grouped into batches (one digest message, or one message per alert),
/// each batch is claimed in the database (batch key and attempt recorded) *before* it is sent,
/// and marked delivered only after the sink accepted it. A pass killed between sending and
/// marking resends the same batch with the same idempotency key on the next pass: at least once,
/// and exactly once at receivers that keep keys. A refusal backs off exponentially (or as long as
/// the server's Retry-After asks) and parks the alert after the sink's `max_attempts`.
struct Delivery {
    let store: StateStore
    let sinks: [SinkSpec]
    let logger: Logger
    /// Source id → configured name, for reports that list every source of a story.
    var sourceNames: [String: String] = [:]
    var environment = ProcessInfo.processInfo.environment
    var now = Date()

    struct Outcome {
        var delivered = 0
        var failures: [String] = []
    }

    func deliverPending() -> Outcome {
        var outcome = Outcome()
        // Alerts routed to a sink that was since removed from feeds.yml would wait silently forever.
        let configured = Set(sinks.map(\.name))
        for s in (try? store.outboxSummary()) ?? [] where !configured.contains(s.sink) && s.pending + s.parked > 0 {
            logger.warning("\(s.pending + s.parked) alerts wait for sink \(s.sink), which feeds.yml no longer has (civicwatch outbox drop, or restore the sink)")
        }
        for spec in sinks {
            let sink: AlertSink
            do {
                if case let .report(r) = spec {
                    sink = ReportDelivery(spec: r, store: store, sourceNames: sourceNames, now: now)
                } else {
                    sink = try SinkFactory.make(spec, environment: environment)
                }
            } catch {
                // Nothing is attempted, so nothing is counted: fixing the environment is enough.
                if (try? store.dueDeliveries(sink: spec.name, now: now).isEmpty) == false {
                    outcome.failures.append("\(error)")
                }
                continue
            }
            if let every = spec.every, let last = try? store.lastDelivery(sink: spec.name),
               now.timeIntervalSince(last) < every - min(every / 10, 300) {
                // Not due yet (a weekly digest from an hourly timer); a tenth of the interval, at
                // most 5 minutes, is allowed for timer jitter.
                continue
            }
            deliver(to: sink, policy: spec.retry, into: &outcome)
        }
        return outcome
    }

    private func deliver(to sink: AlertSink, policy: RetryPolicy, into outcome: inout Outcome) {
        let due: [OutboxRow]
        do { due = try store.dueDeliveries(sink: sink.name, now: now) } catch {
            outcome.failures.append("\(sink.name): \(error)")
            return
        }
        for batch in Self.batches(due, maxBatch: sink.maxBatch) {
            var alerts: [Alert] = []
            var ids: [String] = []
            for row in batch {
                guard let alert = try? AlertJSON.decode(row.payload) else {
                    logger.error("outbox entry cannot be decoded; parked", metadata: ["alert": "\(row.alertID)", "sink": "\(sink.name)"])
                    try? store.markRefused([row.alertID], sink: sink.name, error: "the stored alert cannot be decoded", retryAt: nil, park: true)
                    continue
                }
                alerts.append(alert)
                ids.append(row.alertID)
            }
            guard !ids.isEmpty else { continue }
            let key = Self.idempotencyKey(sink: sink.name, alertIDs: ids)
            do { try store.claim(ids, sink: sink.name, batch: key) } catch {
                outcome.failures.append("\(sink.name): \(error)")
                return
            }
            let result = sink.deliver(alerts, idempotencyKey: key)
            TestHooks.afterSend()
            switch result {
            case let .accepted(reply):
                do { try store.markAccepted(ids, sink: sink.name) } catch { outcome.failures.append("\(sink.name): \(error)"); return }
                outcome.delivered += ids.count
                logger.debug("delivered", metadata: ["sink": "\(sink.name)", "alerts": "\(ids.count)", "reply": "\(reply)"])
            case let .refused(reason, retryAfter):
                let attempts = (batch.map(\.attempts).max() ?? 0) + 1
                let park = attempts >= policy.maxAttempts
                let wait = max(policy.delay(afterAttempts: attempts), retryAfter ?? 0)
                try? store.markRefused(ids, sink: sink.name, error: reason, retryAt: now.addingTimeInterval(wait), park: park)
                let what = park ? "parked after \(attempts) attempts (civicwatch outbox retry)" : "retry in \(Int(wait.rounded())) s"
                outcome.failures.append("\(sink.name): \(ids.count) alert\(ids.count == 1 ? "" : "s") refused: \(reason); \(what)")
                // A refusing or unreachable server is not hit again with the rest of the batches
                // in this pass: they wait, uncounted, for the next one.
                return
            }
        }
    }

    /// Batches already sent once are resent as they were (same members, same key); the rest are
    /// cut into batches of at most `maxBatch`, oldest first.
    static func batches(_ rows: [OutboxRow], maxBatch: Int) -> [[OutboxRow]] {
        var claimed: [String: [OutboxRow]] = [:]
        var order: [String] = []
        var fresh: [OutboxRow] = []
        for row in rows {
            if let b = row.batch {
                if claimed[b] == nil { order.append(b) }
                claimed[b, default: []].append(row)
            } else {
                fresh.append(row)
            }
        }
        var result: [[OutboxRow]] = []
        for b in order { result += chunks(claimed[b]!, maxBatch) }
        return result + chunks(fresh, maxBatch)
    }

    private static func chunks(_ rows: [OutboxRow], _ size: Int) -> [[OutboxRow]] {
        stride(from: 0, to: rows.count, by: max(1, size)).map { Array(rows[$0..<min($0 + max(1, size), rows.count)]) }
    }

    /// Stable for the same sink and the same alerts: 32 hex digits of SHA-256.
    static func idempotencyKey(sink: String, alertIDs: [String]) -> String {
        let digest = SHA256.hash(data: Data(([sink] + alertIDs).joined(separator: "\n").utf8))
        return Hex.encode(digest.prefix(16))
    }
}

/// Hooks for the crash tests only (documented in docs/alerts.md): they make a pass die by SIGKILL
/// at the two moments that matter, which a test cannot hit reliably from outside.
enum TestHooks {
    /// CIVICWATCH_TEST_KILL_BEFORE_DELIVERY=1: die after every source was committed, before delivery.
    static func beforeDelivery() {
        if ProcessInfo.processInfo.environment["CIVICWATCH_TEST_KILL_BEFORE_DELIVERY"] == "1" { kill(getpid(), SIGKILL) }
    }

    /// CIVICWATCH_TEST_KILL_AFTER_SEND=1: die right after the first message was sent, before it is
    /// marked delivered.
    static func afterSend() {
        if ProcessInfo.processInfo.environment["CIVICWATCH_TEST_KILL_AFTER_SEND"] == "1" { kill(getpid(), SIGKILL) }
    }
}
