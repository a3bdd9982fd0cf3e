import Foundation
import Model

/// What a sink's server said about one message.
public enum DeliveryResult: Sendable, Equatable {
    /// Accepted (SMTP 250, HTTP 2xx); the text is what the server answered, for `test-alert` and logs.
    case accepted(String)
    /// Not accepted; kept in the outbox. `retryAfter` is the server's own wish (HTTP 429/503 Retry-After).
    case refused(String, retryAfter: TimeInterval?)

    public var isAccepted: Bool { if case .accepted = self { return true }; return false }
}

/// One configured destination for alerts.
///
/// `idempotencyKey` is the same for every resend of the same batch (after a refusal or a killed
/// pass); sinks that can, hand it to the server (webhook header, Message-ID) so a receiver can
/// drop a repeat.
public protocol AlertSink {
    var name: String { get }
    /// The most alerts one message may carry; a digest larger than that is split into several.
    var maxBatch: Int { get }
    func deliver(_ alerts: [Alert], idempotencyKey: String) -> DeliveryResult
}

/// Why a sink cannot be built from its spec (a missing secret, a bad template).
public struct SinkSetupError: Error, CustomStringConvertible, Sendable {
    public var sink: String
    public var message: String
    public init(sink: String, message: String) {
        self.sink = sink
        self.message = message
    }
    public var description: String { "\(sink): \(message)" }
}

/// Builds the sink that delivers for a spec. Secrets are read here, from the environment or files.
public enum SinkFactory {
    public static func make(_ spec: SinkSpec, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> AlertSink {
        switch spec {
        case let .stdout(s): return StdoutDelivery(sink: s)
        case let .email(s): return try EmailDelivery(spec: s, environment: environment)
        case let .webhook(s): return try WebhookDelivery(spec: s, environment: environment)
        case let .report(s):
            // It reads the stored alerts, so the pass builds it (Watcher's ReportDelivery).
            throw SinkSetupError(sink: s.name, message: "a report sink is written by `civicwatch run`, not sent")
        }
    }
}
