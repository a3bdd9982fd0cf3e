import Foundation

/// Where alerts go. Each sink keeps its own delivery record in the outbox, under `name`.
public enum SinkSpec: Sendable, Equatable {
    case stdout(StdoutSink)
    case email(EmailSink)
    case webhook(WebhookSink)
    case report(ReportSink)

    /// Stable name of the sink in the outbox ("stdout", "email:team", "webhook:slack-crackdown").
    public var name: String {
        switch self {
        case let .stdout(s): return s.name
        case let .email(s): return s.name
        case let .webhook(s): return s.name
        case let .report(s): return s.name
        }
    }

    public var routing: SinkRouting {
        switch self {
        case let .stdout(s): return s.routing
        case let .email(s): return s.routing
        case let .webhook(s): return s.routing
        case let .report(s): return s.routing
        }
    }

    /// Digests go out at most this often (a weekly email from an hourly timer); nil: every pass.
    public var every: TimeInterval? {
        switch self {
        case .stdout: return nil
        case let .email(s): return s.every
        case let .webhook(s): return s.every
        // Reports are regenerated after every pass that produced alerts.
        case .report: return nil
        }
    }

    public var retry: RetryPolicy {
        switch self {
        case .stdout: return RetryPolicy()
        case let .email(s): return s.retry
        case let .webhook(s): return s.retry
        case .report: return RetryPolicy()
        }
    }
}

/// Which alerts a sink wants. Empty lists mean "no restriction".
public struct SinkRouting: Sendable, Equatable {
    /// Source ids whose alerts this sink gets.
    public var sources: [String]
    /// The sink gets alerts of sources carrying any of these tags.
    public var tags: [String]
    /// Content alerts (`new`, `changed`) must carry one of these categories.
    public var categories: [String]
    /// Alert kinds wanted (health kinds are governed by `health` as well).
    public var kinds: [AlertKind]
    /// Whether source health alerts (source_error, source_recovered, selector_broken, source_quiet) go here.
    public var health: Bool

    public init(sources: [String] = [], tags: [String] = [], categories: [String] = [], kinds: [AlertKind] = [],
                health: Bool = true) {
        self.sources = sources
        self.tags = tags
        self.categories = categories
        self.kinds = kinds
        self.health = health
    }

    public static let healthKinds: Set<AlertKind> = [.sourceError, .sourceRecovered, .selectorBroken, .sourceQuiet]
}

/// How often and how patiently a refused delivery is tried again.
public struct RetryPolicy: Sendable, Equatable {
    /// After this many attempts the delivery is parked (listed by `civicwatch outbox`).
    public var maxAttempts: Int
    /// Wait after the first failure; doubled after each further failure up to `backoffMax`.
    public var backoffBase: TimeInterval
    public var backoffMax: TimeInterval

    public init(maxAttempts: Int = 10, backoffBase: TimeInterval = 60, backoffMax: TimeInterval = 6 * 3600) {
        self.maxAttempts = maxAttempts
        self.backoffBase = backoffBase
        self.backoffMax = backoffMax
    }

    /// The wait before the next attempt after `attempts` failed ones (1 → base, 2 → 2·base, …).
    public func delay(afterAttempts attempts: Int) -> TimeInterval {
        let exp = Double(max(0, min(attempts - 1, 30)))
        return min(backoffMax, backoffBase * pow(2, exp))
    }
}

/// One digest per pass, or one message per alert.
public enum DeliveryMode: String, Sendable, CaseIterable {
    case digest, each
}

public struct StdoutSink: Sendable, Equatable {
    public enum Format: String, Sendable, CaseIterable { case text, json }
    public var name: String
    public var format: Format
    public var routing: SinkRouting
    public init(name: String = "stdout", format: Format = .text, routing: SinkRouting = SinkRouting()) {
        self.name = name
        self.format = format
        self.routing = routing
    }
}

/// Where a secret comes from: never the config file itself.
public enum SecretSource: Sendable, Equatable {
    case environment(String)
    case file(String)

    /// Reads the secret (a file's trailing newline removed). Nil when unset or unreadable.
    public func read(environment: [String: String]) -> String? {
        switch self {
        case let .environment(name):
            guard let v = environment[name], !v.isEmpty else { return nil }
            return v
        case let .file(path):
            guard let data = FileManager.default.contents(atPath: path) else { return nil }
            let s = String(decoding: data, as: UTF8.self)
            let trimmed = s.hasSuffix("\r\n") ? String(s.dropLast(2)) : s.hasSuffix("\n") ? String(s.dropLast()) : s
            return trimmed.isEmpty ? nil : trimmed
        }
    }

    /// For messages: says where the secret is expected, never what it is.
    public var description: String {
        switch self {
        case let .environment(name): return "environment variable \(name)"
        case let .file(path): return "file \(path)"
        }
    }
}

/// Email through libcurl's SMTP.
public struct EmailSink: Sendable, Equatable {
    public var name: String
    /// smtp://host:port or smtps://host:port.
    public var url: String
    /// For smtp://: refuse to send unless the server offers STARTTLS (default true).
    public var requireTLS: Bool
    public var username: String?
    public var password: SecretSource?
    public var from: String
    public var to: [String]
    public var mode: DeliveryMode
    public var subjectPrefix: String
    public var timeout: TimeInterval
    public var routing: SinkRouting
    public var retry: RetryPolicy
    /// At most one delivery per this interval (see SinkSpec.every).
    public var every: TimeInterval?

    public init(name: String, url: String, requireTLS: Bool = true, username: String? = nil, password: SecretSource? = nil,
                from: String, to: [String], mode: DeliveryMode = .digest, subjectPrefix: String = "[CivicWatch]",
                timeout: TimeInterval = 60, routing: SinkRouting = SinkRouting(), retry: RetryPolicy = RetryPolicy()) {
        self.name = name
        self.url = url
        self.requireTLS = requireTLS
        self.username = username
        self.password = password
        self.from = from
        self.to = to
        self.mode = mode
        self.subjectPrefix = subjectPrefix
        self.timeout = timeout
        self.routing = routing
        self.retry = retry
    }
}

/// An HTTP POST to a chat tool or any receiver.
public struct WebhookSink: Sendable, Equatable {
    public enum Format: String, Sendable, CaseIterable { case slack, discord, teams, json, template }
    public var name: String
    /// The webhook URL, or where to read it (webhook URLs are secrets for Slack and Discord).
    public var url: String?
    public var urlSecret: SecretSource?
    public var format: Format
    /// `json`: HMAC-SHA256 key for `X-CivicWatch-Signature`.
    public var secret: SecretSource?
    /// `template`: Mustache templates for the body and for header values.
    public var templateBody: String?
    public var templateHeaders: [String: String]
    /// Content-Type of a template body.
    public var contentType: String
    public var mode: DeliveryMode
    public var timeout: TimeInterval
    public var routing: SinkRouting
    public var retry: RetryPolicy
    /// At most one delivery per this interval (see SinkSpec.every).
    public var every: TimeInterval?

    public init(name: String, url: String? = nil, urlSecret: SecretSource? = nil, format: Format, secret: SecretSource? = nil,
                templateBody: String? = nil, templateHeaders: [String: String] = [:],
                contentType: String = "application/json", mode: DeliveryMode = .digest, timeout: TimeInterval = 30,
                routing: SinkRouting = SinkRouting(), retry: RetryPolicy = RetryPolicy()) {
        self.name = name
        self.url = url
        self.urlSecret = urlSecret
        self.format = format
        self.secret = secret
        self.templateBody = templateBody
        self.templateHeaders = templateHeaders
        self.contentType = contentType
        self.mode = mode
        self.timeout = timeout
        self.routing = routing
        self.retry = retry
    }
}

/// Report files (Markdown, HTML, Atom, JSON) regenerated in a folder after every pass that produced
/// alerts, written atomically so a web server can publish the folder as it is (docs/reports.md).
public struct ReportSink: Sendable, Equatable {
    public var name: String
    public var dir: String
    /// md, html, atom, json.
    public var formats: [String]
    /// How far back the report reaches.
    public var since: TimeInterval
    public var title: String?
    /// Dates on the page are printed in this zone (IANA name or UTC); Atom times are always UTC.
    public var timeZone: String
    /// Where the Atom feed will be published (its rel="self" link and the base of its feed id).
    public var feedURL: String?
    /// `tags` and `categories` also select what the report shows.
    public var routing: SinkRouting

    public init(name: String = "report", dir: String, formats: [String] = ["html", "atom"], since: TimeInterval = 90 * 86400,
                title: String? = nil, timeZone: String = "UTC", feedURL: String? = nil,
                routing: SinkRouting = SinkRouting(health: false)) {
        self.name = name
        self.dir = dir
        self.formats = formats
        self.since = since
        self.title = title
        self.timeZone = timeZone
        self.feedURL = feedURL
        self.routing = routing
    }
}
