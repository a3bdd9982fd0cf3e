import Foundation
import Model

/// Escaping for HTML text and attribute values.
public enum HTMLEscape {
    /// Source text cleaned of controls and bidi overrides (line breaks kept), then escaped.
    public static func text(_ s: String) -> String {
        MarkupEscape.html(TextFormatter.cleanKeepingLines(s))
    }

    public static func attribute(_ s: String) -> String { text(s) }
}

/// Small text helpers shared by every format.
public enum AlertText {
    public static func head(_ kind: AlertKind) -> String {
        switch kind {
        case .new: return "NEW"
        case .changed: return "CHANGED"
        case .sourceError: return "SOURCE ERROR"
        case .sourceRecovered: return "SOURCE RECOVERED"
        case .selectorBroken: return "SELECTOR BROKEN"
        case .sourceQuiet: return "SOURCE QUIET"
        }
    }

    /// Only http(s) links become clickable: a `javascript:` link from a source stays text.
    public static func isWebLink(_ s: String) -> Bool {
        let l = s.lowercased()
        return (l.hasPrefix("http://") || l.hasPrefix("https://")) && !s.contains(where: { $0 == " " || $0 == "\n" || $0 == "\r" })
    }

    /// At most `max` characters, with an ellipsis when cut.
    public static func truncate(_ s: String, _ max: Int) -> String {
        s.count <= max ? s : String(s.prefix(Swift.max(0, max - 1))) + "…"
    }
}
