import Foundation
import Model
import Mustache

/// A user's Mustache template for the body and for header values, for services without a
/// built-in format (ntfy, Matrix, Telegram…). Variables: `count`, `sink`, `delivery`, `alerts`
/// (a list), `alert` (the first alert) and, for convenience, the first alert's fields at the top.
/// Each alert has `id source source_title kind head title link published summary tags categories
/// error detected_at`, plus `json` (the alert as JSON).
///
/// `{{x}}` escapes for the body's content type: inside JSON strings for a JSON content type, HTML
/// for HTML, nothing for text; `{{{x}}}` never escapes. Header values lose line breaks.
struct TemplateFormat {
    let body: MustacheTemplate
    let headers: [(String, MustacheTemplate)]

    init(spec: WebhookSink) throws {
        Self.registerJSON
        let lower = spec.contentType.lowercased()
        let pragma = lower.contains("json") ? "{{% CONTENT_TYPE: JSON}}" : lower.contains("html") ? "{{% CONTENT_TYPE: HTML}}" : "{{% CONTENT_TYPE: TEXT}}"
        do {
            body = try MustacheTemplate(string: pragma + (spec.templateBody ?? ""))
        } catch {
            throw SinkSetupError(sink: spec.name, message: "the body template cannot be parsed: \(error)")
        }
        var hs: [(String, MustacheTemplate)] = []
        for (name, value) in spec.templateHeaders.sorted(by: { $0.key < $1.key }) {
            do { hs.append((name, try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + value))) } catch {
                throw SinkSetupError(sink: spec.name, message: "the template of header \(name) cannot be parsed: \(error)")
            }
        }
        headers = hs
    }

    func render(_ alerts: [Alert], sink: String, idempotencyKey: String) -> (body: Data, headers: [String]) {
        let context = Self.context(alerts, sink: sink, key: idempotencyKey)
        let text = body.render(context)
        let lines = headers.map { name, t in
            "\(name): " + TextFormatter.clean(t.render(context)).trimmingCharacters(in: .whitespaces)
        }
        return (Data(text.utf8), lines)
    }

    static func context(_ alerts: [Alert], sink: String, key: String) -> [String: Any] {
        let list = alerts.map(fields)
        var c: [String: Any] = list.first ?? [:]
        c["alerts"] = list
        c["alert"] = list.first ?? [:]
        c["count"] = alerts.count
        c["sink"] = sink
        c["delivery"] = key
        return c
    }

    static func fields(_ a: Alert) -> [String: Any] {
        var f: [String: Any] = [
            "id": a.id, "source": a.source, "source_title": a.sourceTitle, "kind": a.kind.rawValue,
            "head": AlertText.head(a.kind), "title": a.title, "tags": a.tags.joined(separator: ", "),
            "categories": a.categories.map(\.name).joined(separator: ", "),
            "detected_at": ISO8601.string(a.detectedAt),
            "json": String(decoding: AlertJSON.encode(a), as: UTF8.self),
        ]
        if let v = a.link { f["link"] = v }
        if let v = a.published { f["published"] = ISO8601.string(v) }
        if let v = a.summary { f["summary"] = v }
        if let v = a.error { f["error"] = v }
        return f
    }

    private static let registerJSON: Void = {
        MustacheContentTypes.register(JSONStringContent(), named: "JSON")
    }()
}

/// Escapes text for the inside of a JSON string literal.
struct JSONStringContent: MustacheContentType {
    func escapeText(_ text: String) -> String {
        var out = ""
        for u in text.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x2028 || u.value == 0x2029 {
                    out += String(format: "\\u%04x", u.value)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out
    }
}
