import Foundation
import Model

/// Plain text for terminals, cron mail and journald. Control characters from sources are replaced,
/// so a hostile title cannot move the cursor, clear the screen or fake extra alert lines.
public enum TextFormatter {
    public static func format(_ alert: Alert) -> String {
        var lines: [String] = []
        let head: String
        switch alert.kind {
        case .new: head = "NEW"
        case .changed: head = "CHANGED"
        case .sourceError: head = "SOURCE ERROR"
        case .sourceRecovered: head = "SOURCE RECOVERED"
        case .selectorBroken: head = "SELECTOR BROKEN"
        case .sourceQuiet: head = "SOURCE QUIET"
        }
        let cats = alert.categories.isEmpty ? "" : " [" + alert.categories.map { clean($0.name) }.joined(separator: ", ") + "]"
        lines.append("\(head)\(cats) \(clean(alert.sourceTitle)) (\(alert.source))")
        lines.append("  \(clean(alert.title))")
        if let link = alert.link { lines.append("  \(clean(link))") }
        if let date = alert.published { lines.append("  published \(ISO8601.string(date))") }
        if let error = alert.error { lines.append("  error: \(clean(error))") }
        if let summary = alert.summary, !summary.isEmpty, alert.kind == .new {
            lines.append("  " + clean(String(summary.prefix(300))) + (summary.count > 300 ? "…" : ""))
        }
        lines += explanation(alert)
        if let diff = alert.diff {
            for line in diff.prefix(200) { lines.append("  \(line.op.rawValue) \(clean(line.text))") }
            if diff.count > 200 { lines.append("  … \(diff.count - 200) more lines") }
        }
        return lines.joined(separator: "\n")
    }

    /// Why the alert has its categories: scores, the terms that matched and where, watch-list hits,
    /// and the other sources that reported the same story.
    static func explanation(_ alert: Alert) -> [String] {
        var lines: [String] = []
        for c in alert.categories {
            let terms = alert.matches.filter { $0.category == c.name && $0.weight > 0 }
                .map { "\(clean($0.term)) (\(clean($0.field)))" }
            lines.append("  \(clean(c.name)) \(String(format: "%.2f", c.score))" + (terms.isEmpty ? "" : ": " + terms.joined(separator: ", ")))
        }
        for w in alert.watchlist {
            lines.append("  watch-list \(clean(w.list)): \(clean(w.name))" + (w.alias == w.name ? "" : " (as \"\(clean(w.alias))\")"))
        }
        if !alert.alsoReportedBy.isEmpty {
            lines.append("  also reported by: " + alert.alsoReportedBy.map(clean).joined(separator: ", "))
        }
        return lines
    }

    /// Like `clean`, but keeps line breaks and tabs (for HTML and chat bodies, where they are harmless).
    public static func cleanKeepingLines(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u.value {
            case 0x0A, 0x09: out.append(u)
            case 0x0D: break
            case 0x00..<0x20, 0x7F..<0xA0: out.append("\u{FFFD}")
            case 0x202A...0x202E, 0x2066...0x2069: break
            default: out.append(u)
            }
        }
        return String(out)
    }

    /// Replaces C0/C1 controls (newlines included) and bidi overrides with visible or neutral characters.
    public static func clean(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u.value {
            case 0x0A, 0x0D, 0x09: out.append(" ")
            case 0x00..<0x20, 0x7F..<0xA0: out.append("\u{FFFD}")
            case 0x202A...0x202E, 0x2066...0x2069: break
            default: out.append(u)
            }
        }
        return String(out)
    }
}
