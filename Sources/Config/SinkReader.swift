import Foundation
import Model

/// One entry of `alerts:` (also accepted as `sinks:`), written as `- KIND: {options}`.
enum SinkReader {
    static let kinds = ["stdout", "email", "webhook", "report"]
    static let routingKeys: Set<String> = ["sources", "tags", "categories", "kinds", "health"]
    static let retryKeys: Set<String> = ["max_attempts", "backoff", "backoff_max", "every"]
    static let emailKeys: Set<String> = [
        "name", "url", "starttls", "username", "password_env", "password_file", "from", "to", "mode",
        "subject_prefix", "timeout",
    ]
    static let webhookKeys: Set<String> = [
        "name", "url", "url_env", "url_file", "format", "secret_env", "secret_file", "template", "mode", "timeout",
    ]

    static func read(_ field: YAMLField) throws -> SinkSpec {
        let pairs = try field.mapping()
        guard pairs.count == 1, let (kind, options) = pairs.first else {
            throw field.error("each alert sink is one `- kind: {options}` entry (kinds: \(kinds.joined(separator: ", ")))")
        }
        switch kind {
        case "stdout": return .stdout(try stdout(options))
        case "email": return .email(try email(options))
        case "webhook": return .webhook(try webhook(options))
        case "report": return .report(try report(options))
        default:
            throw field.child(kind, options.node).error("unknown alert sink `\(kind)` (known: \(kinds.joined(separator: ", ")))")
        }
    }

    private static func stdout(_ options: YAMLField) throws -> StdoutSink {
        var sink = StdoutSink()
        if options.node.kind == .scalar, (try? options.string()) == "" { return sink }
        for (key, value) in try options.mapping(allowed: Set(["format", "name"]).union(routingKeys)) {
            switch key {
            case "format":
                let s = try value.string()
                guard let f = StdoutSink.Format(rawValue: s) else { throw value.error("`\(s)` is not one of text, json") }
                sink.format = f
            case "name": sink.name = try value.nonEmptyString()
            default: try readRouting(key, value, into: &sink.routing)
            }
        }
        return sink
    }

    private static func email(_ options: YAMLField) throws -> EmailSink {
        let pairs = try options.mapping(allowed: emailKeys.union(routingKeys).union(retryKeys))
        func field(_ key: String) -> YAMLField? { pairs.first { $0.key == key }?.value }
        guard let urlField = field("url") else { throw options.error("an email sink needs `url: smtp://host:port` or smtps://") }
        let url = try urlField.nonEmptyString()
        let scheme = url.split(separator: ":").first.map { $0.lowercased() } ?? ""
        guard ["smtp", "smtps"].contains(scheme), url.contains("://"), !url.contains("@") else {
            // The value is not repeated: it may hold a password.
            throw urlField.error("must be an smtp:// or smtps:// URL without credentials (put them in `username` and `password_env`)")
        }
        guard let fromField = field("from") else { throw options.error("an email sink needs `from`") }
        let from = try address(fromField)
        guard let toField = field("to") else { throw options.error("an email sink needs `to` (one address or a list)") }
        let to = try toField.stringList().map { try checkAddress($0, toField) }
        if to.isEmpty { throw toField.error("needs at least one address") }

        var sink = EmailSink(name: "email", url: url, from: from, to: to)
        for (key, value) in pairs {
            switch key {
            case "name": sink.name = "email:" + (try sinkName(value))
            case "starttls": sink.requireTLS = try value.bool()
            case "username": sink.username = try value.nonEmptyString()
            case "password_env": sink.password = .environment(try value.nonEmptyString())
            case "password_file": sink.password = .file(try value.nonEmptyString())
            case "mode": sink.mode = try mode(value)
            case "subject_prefix": sink.subjectPrefix = try noLineBreaks(value)
            case "timeout": sink.timeout = try positive(value)
            case "every": sink.every = try positive(value)
            case "url", "from", "to": break
            default:
                if routingKeys.contains(key) { try readRouting(key, value, into: &sink.routing) } else { try readRetry(key, value, into: &sink.retry) }
            }
        }
        if field("password_env") != nil && field("password_file") != nil {
            throw options.error("give `password_env` or `password_file`, not both")
        }
        return sink
    }

    private static func webhook(_ options: YAMLField) throws -> WebhookSink {
        let pairs = try options.mapping(allowed: webhookKeys.union(routingKeys).union(retryKeys))
        func field(_ key: String) -> YAMLField? { pairs.first { $0.key == key }?.value }
        guard let formatField = field("format") else {
            throw options.error("a webhook sink needs `format` (one of \(WebhookSink.Format.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let f = try formatField.string()
        guard let format = WebhookSink.Format(rawValue: f) else {
            throw formatField.error("`\(f)` is not one of \(WebhookSink.Format.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var sink = WebhookSink(name: "webhook:\(format.rawValue)", format: format)
        if format == .template { sink.mode = .each }
        let urlKeys = ["url", "url_env", "url_file"].filter { field($0) != nil }
        guard urlKeys.count == 1 else {
            throw options.error("a webhook sink needs exactly one of `url`, `url_env` or `url_file` (webhook URLs are often secrets: prefer url_env)")
        }
        for (key, value) in pairs {
            switch key {
            case "name": sink.name = "webhook:" + (try sinkName(value))
            case "url":
                let u = try value.nonEmptyString()
                guard let scheme = u.split(separator: ":").first?.lowercased(), ["http", "https"].contains(scheme), u.contains("://") else {
                    throw value.error("a webhook URL must be http:// or https://")
                }
                sink.url = u
            case "url_env": sink.urlSecret = .environment(try value.nonEmptyString())
            case "url_file": sink.urlSecret = .file(try value.nonEmptyString())
            case "secret_env": sink.secret = .environment(try value.nonEmptyString())
            case "secret_file": sink.secret = .file(try value.nonEmptyString())
            case "mode": sink.mode = try mode(value)
            case "timeout": sink.timeout = try positive(value)
            case "every": sink.every = try positive(value)
            case "template": try readTemplate(value, into: &sink)
            case "format": break
            default:
                if routingKeys.contains(key) { try readRouting(key, value, into: &sink.routing) } else { try readRetry(key, value, into: &sink.retry) }
            }
        }
        if format == .template && sink.templateBody == nil {
            throw options.error("a `template` webhook needs `template: {body: …}`")
        }
        if format != .template && field("template") != nil {
            throw field("template")!.error("only applies to `format: template`")
        }
        if (field("secret_env") != nil || field("secret_file") != nil) && format != .json {
            throw options.error("`secret_env`/`secret_file` sign `format: json` bodies only")
        }
        return sink
    }

    static let reportKeys: Set<String> = ["name", "dir", "formats", "since", "title", "timezone", "feed_url"]
    static let reportFormats = ["md", "html", "atom", "json"]

    private static func report(_ options: YAMLField) throws -> ReportSink {
        let pairs = try options.mapping(allowed: reportKeys.union(routingKeys))
        guard let dirField = pairs.first(where: { $0.key == "dir" })?.value else {
            throw options.error("a report sink needs `dir` (the folder the report files are written to)")
        }
        // A relative folder is beside feeds.yml (as the state folder is), not wherever cron runs.
        var dir = try dirField.nonEmptyString()
        let base = (options.file as NSString).deletingLastPathComponent
        if !dir.hasPrefix("/") && !base.isEmpty { dir = (base as NSString).appendingPathComponent(dir) }
        var sink = ReportSink(dir: dir)
        // A report is for readers of a country page: source health stays out unless asked for.
        sink.routing.health = false
        for (key, value) in pairs {
            switch key {
            case "name": sink.name = "report:" + (try sinkName(value))
            case "formats":
                sink.formats = try value.stringList()
                if sink.formats.isEmpty { throw value.error("needs at least one of \(reportFormats.joined(separator: ", "))") }
                for f in sink.formats where !reportFormats.contains(f) {
                    throw value.error("`\(f)` is not one of \(reportFormats.joined(separator: ", "))")
                }
            case "since": sink.since = try positive(value)
            case "title": sink.title = try noLineBreaks(value)
            case "timezone":
                let z = try value.nonEmptyString()
                guard TimeZone(identifier: z) != nil else { throw value.error("`\(z)` is not a time zone (write UTC or e.g. Asia/Shanghai)") }
                sink.timeZone = z
            case "feed_url":
                let u = try value.nonEmptyString()
                guard let scheme = u.split(separator: ":").first?.lowercased(), ["http", "https"].contains(scheme), u.contains("://") else {
                    throw value.error("`feed_url` must be the http:// or https:// address the feed is published at")
                }
                sink.feedURL = u
            case "dir": break
            default: try readRouting(key, value, into: &sink.routing)
            }
        }
        return sink
    }

    private static func readTemplate(_ field: YAMLField, into sink: inout WebhookSink) throws {
        for (key, value) in try field.mapping(allowed: ["body", "headers", "content_type"]) {
            switch key {
            case "body": sink.templateBody = try value.nonEmptyString()
            case "content_type": sink.contentType = try noLineBreaks(value)
            case "headers":
                for (name, v) in try value.mapping() {
                    let s = try v.string()
                    if name.contains(where: { $0 == ":" || $0 == "\r" || $0 == "\n" || $0 == " " }) || s.contains(where: { $0 == "\r" || $0 == "\n" }) {
                        throw v.error("header names cannot contain `:` or spaces, and no header can contain line breaks")
                    }
                    sink.templateHeaders[name] = s
                }
            default: break
            }
        }
    }

    private static func readRouting(_ key: String, _ value: YAMLField, into r: inout SinkRouting) throws {
        switch key {
        case "sources": r.sources = try value.stringList()
        case "tags": r.tags = try value.stringList()
        case "categories": r.categories = try value.stringList()
        case "kinds":
            r.kinds = try value.stringList().map { s in
                guard let k = AlertKind(rawValue: s) else {
                    throw value.error("`\(s)` is not one of \(AlertKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return k
            }
        case "health": r.health = try value.bool()
        default: break
        }
    }

    private static func readRetry(_ key: String, _ value: YAMLField, into r: inout RetryPolicy) throws {
        switch key {
        case "max_attempts": r.maxAttempts = try value.int(min: 1)
        // 0s retries at every pass (tests, or a receiver that is cheap to hit).
        case "backoff": r.backoffBase = try value.duration()
        case "backoff_max": r.backoffMax = try positive(value)
        default: break
        }
    }

    private static func sinkName(_ field: YAMLField) throws -> String {
        let s = try field.nonEmptyString()
        guard Slug.isValid(s, underscore: true), s.count <= 64 else {
            throw field.error("`\(s)`: a sink name is lower-case letters, digits, `-` and `_` (e.g. team, slack-crackdown)")
        }
        return s
    }

    private static func mode(_ field: YAMLField) throws -> DeliveryMode {
        let s = try field.string()
        guard let m = DeliveryMode(rawValue: s) else { throw field.error("`\(s)` is not one of digest, each") }
        return m
    }

    private static func positive(_ field: YAMLField) throws -> TimeInterval {
        let v = try field.duration()
        if v <= 0 { throw field.error("must be more than zero") }
        return v
    }

    private static func noLineBreaks(_ field: YAMLField) throws -> String {
        let s = try field.string()
        if s.contains(where: { $0 == "\r" || $0 == "\n" }) { throw field.error("cannot contain line breaks") }
        return s
    }

    private static func address(_ field: YAMLField) throws -> String {
        try checkAddress(try field.nonEmptyString(), field)
    }

    /// `user@host` or `Display Name <user@host>`; line breaks would let a value add headers.
    private static func checkAddress(_ s: String, _ field: YAMLField) throws -> String {
        let ok = s.range(of: #"^([^<>\r\n]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$"#, options: .regularExpression) != nil
        if !ok { throw field.error("`\(s)` is not an email address (write user@example.org or Name <user@example.org>)") }
        return s.trimmingCharacters(in: .whitespaces)
    }
}
