import Foundation
import Model

/// A `webhook` sink: renders a batch in the sink's format and POSTs it.
public struct WebhookDelivery: AlertSink {
    public let spec: WebhookSink
    let url: String
    let secret: String?
    let template: TemplateFormat?

    public var name: String { spec.name }

    public var maxBatch: Int {
        if spec.mode == .each { return 1 }
        switch spec.format {
        case .slack: return SlackFormat.maxBatch
        case .discord: return DiscordFormat.maxBatch
        case .teams: return TeamsFormat.maxBatch
        case .json: return JSONFormat.maxBatch
        case .template: return 50
        }
    }

    public init(spec: WebhookSink, environment: [String: String]) throws {
        self.spec = spec
        if let u = spec.url {
            url = u
        } else if let source = spec.urlSecret, let u = source.read(environment: environment) {
            url = u.trimmingCharacters(in: .whitespacesAndNewlines)
        } else {
            throw SinkSetupError(sink: spec.name, message: "the webhook URL is missing (\(spec.urlSecret?.description ?? "no url") is unset or empty)")
        }
        if let problem = WebhookPoster.validate(url) { throw SinkSetupError(sink: spec.name, message: problem) }
        if let source = spec.secret {
            guard let s = source.read(environment: environment) else {
                throw SinkSetupError(sink: spec.name, message: "the signing secret is missing (\(source.description) is unset or empty)")
            }
            secret = s
        } else {
            secret = nil
        }
        template = spec.format == .template ? try TemplateFormat(spec: spec) : nil
    }

    /// The request as it would be sent: body and headers (for tests and `test-alert`).
    public func request(_ alerts: [Alert], idempotencyKey: String) -> (body: Data, headers: [String]) {
        var headers = ["X-CivicWatch-Delivery: \(idempotencyKey)"]
        let body: Data
        switch spec.format {
        case .slack: body = SlackFormat.body(alerts)
        case .discord: body = DiscordFormat.body(alerts)
        case .teams: body = TeamsFormat.body(alerts)
        case .json:
            body = JSONFormat.body(alerts, sink: spec.name, idempotencyKey: idempotencyKey)
            if let secret { headers.append("X-CivicWatch-Signature: \(JSONFormat.signature(body, secret: secret))") }
        case .template:
            let r = template!.render(alerts, sink: spec.name, idempotencyKey: idempotencyKey)
            headers += r.headers
            return (r.body, ["Content-Type: \(spec.contentType)"] + headers)
        }
        return (body, ["Content-Type: application/json; charset=utf-8"] + headers)
    }

    public func deliver(_ alerts: [Alert], idempotencyKey: String) -> DeliveryResult {
        let r = request(alerts, idempotencyKey: idempotencyKey)
        return WebhookPoster(url: url, timeout: spec.timeout).post(r.body, headers: r.headers)
    }
}
