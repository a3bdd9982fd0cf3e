import Foundation
import Model

/// Escaping for each output format. Strings from sources pass `SourceText.clean` first and one of
/// these last, at the point where they are written.
enum Escape {
    /// HTML text and attribute values (double-quoted).
    static func html(_ s: String) -> String { MarkupEscape.html(s) }

    /// XML 1.0 text and attributes (see `MarkupEscape.xml`).
    static func xml(_ s: String) -> String { MarkupEscape.xml(s) }

    /// Markdown inline text: every character that can start emphasis, code, a link, an image, raw
    /// HTML, an entity or a table cell is backslash-escaped (CommonMark allows it before any ASCII
    /// punctuation), so a hostile title renders as the same characters and nothing else.
    static func markdown(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "\\", "`", "*", "_", "[", "]", "{", "}", "<", ">", "&", "|", "~", "!", "#": out.unicodeScalars.append("\\")
            default: break
            }
            out.unicodeScalars.append(c)
        }
        return out
    }

    /// A URL inside Markdown's `(…)`: characters that would end or break the destination are
    /// percent-encoded (the URL was already checked to be http/https).
    static func markdownURL(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "(": out += "%28"
            case ")": out += "%29"
            case "<": out += "%3C"
            case ">": out += "%3E"
            case " ": out += "%20"
            case "\\": out += "%5C"
            case "`": out += "%60"
            case "\"": out += "%22"
            default:
                if c.value < 0x20 || c.value == 0x7F { continue }
                out.unicodeScalars.append(c)
            }
        }
        return out
    }
}

/// How dates are written: day month year in words as country pages do ("5 March 2026"), in the
/// report's time zone.
struct DateText {
    let zone: TimeZone
    private let formatters: Formatters

    init(zone: TimeZone) {
        self.zone = zone
        formatters = Formatters(zone: zone)
    }

    /// Made once per report: a DateFormatter costs far more to create than to use.
    private final class Formatters {
        let long: DateFormatter, day: DateFormatter, short: DateFormatter, stamp: DateFormatter
        init(zone: TimeZone) {
            func make(_ pattern: String) -> DateFormatter {
                let f = DateFormatter()
                f.locale = Locale(identifier: "en_GB_POSIX")
                f.calendar = Calendar(identifier: .gregorian)
                f.timeZone = zone
                f.dateFormat = pattern
                return f
            }
            long = make("d MMMM yyyy"); day = make("yyyy-MM-dd"); short = make("d MMM"); stamp = make("d MMMM yyyy, HH:mm")
        }
    }

    func long(_ d: Date) -> String { formatters.long.string(from: d) }
    func day(_ d: Date) -> String { formatters.day.string(from: d) }
    func short(_ d: Date) -> String { formatters.short.string(from: d) }
    func stamp(_ d: Date) -> String { formatters.stamp.string(from: d) }

    /// "UTC", "UTC+08:00" or the zone's identifier, printed next to times.
    var zoneName: String {
        if zone.identifier == "UTC" || zone.identifier == "GMT" { return "UTC" }
        return zone.identifier
    }
}
