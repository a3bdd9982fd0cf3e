import Foundation

/// Escaping for each output format. Strings from sources pass `SourceText.clean` first and one of
/// these last, at the point where they are written.
enum Escape {
    /// HTML text and attribute values (double-quoted). Works on UTF-8 bytes: the five special
    /// characters are ASCII, and per-character String appends made this the slowest part of a report.
    static func html(_ s: String) -> String { escapeBytes(s, xml: false) }

    /// XML 1.0 text and attributes: as HTML, and characters XML forbids (other control characters,
    /// U+FFFE/U+FFFF) are dropped so the feed stays well-formed.
    static func xml(_ s: String) -> String { escapeBytes(s, xml: true) }

    private static func escapeBytes(_ s: String, xml: Bool) -> String {
        let bytes = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8 + 16)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case 0x26: out += [0x26, 0x61, 0x6D, 0x70, 0x3B]                // &amp;
            case 0x3C: out += [0x26, 0x6C, 0x74, 0x3B]                      // &lt;
            case 0x3E: out += [0x26, 0x67, 0x74, 0x3B]                      // &gt;
            case 0x22: out += [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]          // &quot;
            case 0x27: out += [0x26, 0x23, 0x33, 0x39, 0x3B]                // &#39;
            case 0x09, 0x0A, 0x0D: out.append(b)
            case 0x00..<0x20, 0x7F: if !xml { out.append(b) }
            case 0xEF where xml && i + 2 < bytes.count && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF):
                i += 2                                                      // U+FFFE, U+FFFF
            default: out.append(b)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

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
