import Foundation
import Model

/// An RFC 5322 message for a batch of alerts: headers, a plain-text part and an HTML part.
/// Every string that came from a source is HTML-escaped in the HTML part and stripped of line
/// breaks in headers (a title cannot add a header).
struct EmailMessage {
    var headers: [String]
    var subject: String
    var plain: String
    var html: String

    init(alerts: [Alert], spec: EmailSink, idempotencyKey: String, date: Date = Date()) {
        subject = Self.subject(alerts, prefix: spec.subjectPrefix)
        plain = Self.plain(alerts)
        html = Self.html(alerts, title: subject)
        let domain = Self.envelopeAddress(spec.from).split(separator: "@").last.map(String.init) ?? "civicwatch.invalid"
        headers = [
            "Date: \(Self.rfc5322Date(date))",
            // Derived from the idempotency key: a resend after a killed pass carries the same id,
            // so mail clients and archives can fold the duplicate.
            "Message-ID: <\(idempotencyKey)@\(domain)>",
            "From: \(Self.encodeAddress(spec.from))",
            "To: \(spec.to.map(Self.encodeAddress).joined(separator: ", "))",
            "Subject: \(Self.encodeHeader(subject))",
            "X-CivicWatch-Delivery: \(idempotencyKey)",
        ]
    }

    /// "[CivicWatch] 3 alerts: crackdown, law" — the count and the categories at a glance.
    static func subject(_ alerts: [Alert], prefix: String) -> String {
        var cats: [String] = []
        for a in alerts { for c in a.categories where !cats.contains(c.name) { cats.append(c.name) } }
        var kinds: [String] = []
        for a in alerts where !kinds.contains(a.kind.rawValue) { kinds.append(a.kind.rawValue) }
        var s = prefix.isEmpty ? "" : prefix + " "
        s += "\(alerts.count) alert\(alerts.count == 1 ? "" : "s")"
        s += ": " + (cats.isEmpty ? kinds : cats).joined(separator: ", ")
        if alerts.count == 1, let a = alerts.first { s += " — " + a.title }
        let clean = TextFormatter.clean(s)
        return clean.count > 180 ? String(clean.prefix(179)) + "…" : clean
    }

    static func plain(_ alerts: [Alert]) -> String {
        let body = alerts.map(TextFormatter.format).joined(separator: "\n\n")
        return body + "\n\n-- \nSent by CivicWatch. Each alert's id is in the JSON form (civicwatch outbox).\n"
    }

    static func html(_ alerts: [Alert], title: String) -> String {
        var h = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>\(HTMLEscape.text(title))</title></head>\n<body>\n"
        for a in alerts {
            let cats = a.categories.map(\.name).joined(separator: ", ")
            h += "<div class=\"alert\">\n<p><strong>\(HTMLEscape.text(AlertText.head(a.kind)))</strong>"
            if !cats.isEmpty { h += " [\(HTMLEscape.text(cats))]" }
            h += " \(HTMLEscape.text(a.sourceTitle)) (\(HTMLEscape.text(a.source)))</p>\n"
            if let link = a.link, AlertText.isWebLink(link) {
                h += "<p><a href=\"\(HTMLEscape.attribute(link))\">\(HTMLEscape.text(a.title))</a></p>\n"
            } else {
                h += "<p>\(HTMLEscape.text(a.title))</p>\n"
            }
            if let d = a.published { h += "<p>published \(ISO8601.string(d))</p>\n" }
            if let e = a.error { h += "<p>error: \(HTMLEscape.text(e))</p>\n" }
            if let s = a.summary, !s.isEmpty, a.kind == .new { h += "<p>\(HTMLEscape.text(AlertText.truncate(s, 600)))</p>\n" }
            if let diff = a.diff, !diff.isEmpty {
                h += "<pre>"
                for line in diff.prefix(200) { h += HTMLEscape.text("\(line.op.rawValue) \(line.text)") + "\n" }
                if diff.count > 200 { h += "… \(diff.count - 200) more lines\n" }
                h += "</pre>\n"
            }
            h += "</div>\n<hr>\n"
        }
        return h + "</body></html>\n"
    }

    /// `user@host` out of `Name <user@host>`.
    static func envelopeAddress(_ s: String) -> String {
        if let open = s.lastIndex(of: "<"), let close = s.lastIndex(of: ">"), open < close {
            return String(s[s.index(after: open)..<close])
        }
        return s.trimmingCharacters(in: .whitespaces)
    }

    /// Encodes a non-ASCII display name; the address itself stays as it is.
    static func encodeAddress(_ s: String) -> String {
        guard let open = s.lastIndex(of: "<") else { return s }
        let name = s[..<open].trimmingCharacters(in: .whitespaces)
        let addr = s[open...]
        if name.isEmpty { return String(addr) }
        if name.allSatisfy({ $0.isASCII }) {
            return "\"\(name.replacingOccurrences(of: "\\", with: "").replacingOccurrences(of: "\"", with: ""))\" \(addr)"
        }
        return "\(encodeHeader(name)) \(addr)"
    }

    /// RFC 2047 B-encoding for header text that is not plain ASCII: UTF-8 split on character
    /// boundaries so no encoded word exceeds 75 characters.
    static func encodeHeader(_ s: String) -> String {
        let clean = TextFormatter.clean(s)
        if clean.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) { return clean }
        var words: [String] = []
        var chunk = Data()
        for ch in clean {
            let bytes = Data(String(ch).utf8)
            if chunk.count + bytes.count > 45 {
                words.append("=?UTF-8?B?\(chunk.base64EncodedString())?=")
                chunk = Data()
            }
            chunk.append(bytes)
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?\(chunk.base64EncodedString())?=") }
        return words.joined(separator: " ")
    }

    static func rfc5322Date(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(secondsFromGMT: 0)
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return f.string(from: date)
    }
}
