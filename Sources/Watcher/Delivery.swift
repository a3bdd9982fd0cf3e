import Alerts
import Foundation
import Logging
import Model
import Snapshots

/// Reads the outbox and hands each sink what it has not accepted yet. An alert is marked delivered
/// for a sink only after that sink took it, so a failing sink gets it again on a later pass.
struct Delivery {
    let store: StateStore
    let sinks: [SinkSpec]
    let logger: Logger

    /// Returns (delivered count, failure messages).
    func deliverPending() -> (Int, [String]) {
        var delivered = 0
        var failures: [String] = []
        for sink in sinks {
            let pending: [PendingDelivery]
            do { pending = try store.pendingDeliveries(sink: sink.name) } catch {
                failures.append("\(sink.name): \(error)")
                continue
            }
            switch sink {
            case let .stdout(spec):
                let out = StdoutDelivery(sink: spec)
                var done: [String] = []
                for p in pending {
                    guard let alert = try? AlertJSON.decode(p.payload) else {
                        logger.error("outbox entry cannot be decoded; left in place", metadata: ["alert": "\(p.alertID)"])
                        continue
                    }
                    if out.deliver(alert) { done.append(p.alertID) } else {
                        failures.append("\(sink.name): standard output refused the write")
                        break
                    }
                }
                do { try store.markDelivered(done, sink: sink.name) } catch { failures.append("\(sink.name): \(error)") }
                delivered += done.count
            }
        }
        return (delivered, failures)
    }
}
