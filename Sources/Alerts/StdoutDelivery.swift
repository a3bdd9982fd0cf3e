import Foundation
import Model

/// Writes alerts to standard output, text or JSON Lines. Stdout accepts an alert once the line is
/// written and flushed; a closed pipe is a refusal, so the alert stays in the outbox.
public struct StdoutDelivery: AlertSink {
    public let sink: StdoutSink
    public init(sink: StdoutSink) { self.sink = sink }

    public var name: String { sink.name }
    public var maxBatch: Int { 1000 }

    public func deliver(_ alerts: [Alert], idempotencyKey: String) -> DeliveryResult {
        for alert in alerts where !deliver(alert) {
            return .refused("standard output refused the write", retryAfter: nil)
        }
        return .accepted("written")
    }

    public func render(_ alert: Alert) -> String {
        switch sink.format {
        case .json: return String(decoding: AlertJSON.encode(alert), as: UTF8.self)
        case .text: return TextFormatter.format(alert) + "\n"
        }
    }

    /// Returns false when stdout refused the write (e.g. EPIPE).
    public func deliver(_ alert: Alert) -> Bool {
        let text = render(alert) + "\n"
        return text.utf8CString.withUnsafeBufferPointer { buf -> Bool in
            let bytes = buf.count - 1
            var written = 0
            while written < bytes {
                let n = write(1, buf.baseAddress! + written, bytes - written)
                if n < 0 { if errno == EINTR { continue }; return false }
                written += n
            }
            return true
        }
    }
}
