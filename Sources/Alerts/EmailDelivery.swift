import Foundation
import Model

/// An `email` sink: one digest message per pass (split at `maxBatch`), or one message per alert.
public struct EmailDelivery: AlertSink {
    public let spec: EmailSink
    let password: String?

    public var name: String { spec.name }
    public var maxBatch: Int { spec.mode == .each ? 1 : 200 }

    public init(spec: EmailSink, environment: [String: String]) throws {
        self.spec = spec
        if let source = spec.password {
            guard let p = source.read(environment: environment) else {
                throw SinkSetupError(sink: spec.name, message: "the SMTP password is missing (\(source.description) is unset or empty)")
            }
            password = p
        } else {
            password = nil
        }
    }

    /// The message as it would be sent (for tests and `test-alert`).
    func message(_ alerts: [Alert], idempotencyKey: String) -> EmailMessage {
        EmailMessage(alerts: alerts, spec: spec, idempotencyKey: idempotencyKey)
    }

    public func deliver(_ alerts: [Alert], idempotencyKey: String) -> DeliveryResult {
        let m = message(alerts, idempotencyKey: idempotencyKey)
        let mailer = SMTPMailer(url: spec.url, requireTLS: spec.requireTLS, username: spec.username, password: password,
                                timeout: spec.timeout)
        return mailer.send(from: EmailMessage.envelopeAddress(spec.from), to: spec.to.map(EmailMessage.envelopeAddress),
                           headers: m.headers, plain: m.plain, html: m.html)
    }
}
