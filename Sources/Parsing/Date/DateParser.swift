import Foundation
import Model

/// Dates as feeds and Chinese government pages write them.
///
/// Understood: RFC 822/2822 (with or without day name, 2- or 4-digit year, named, military or
/// numeric zones) and asctime; month names in English, German, French, Spanish, Portuguese,
/// Italian, Dutch, Hungarian, Russian and Greek; ISO 8601 / W3C-DTF (date only, `T` or space,
/// fractional seconds, basic or extended form, with or without zone) and, as the whole text, the
/// reduced forms feedparser documents (`2003`, `03-12-31`, `031231`, `-0312`, `2003-335`, `03335`,
/// `2003-012-31`; see `CompactISO`); Chinese and Korean forms `2026年3月5日`, `2026年3月5日 14:30`,
/// `2004년 05월 28일 01:31:15`, `2026-03-05`, `2026/3/5`, `2026.03.05`, `2026-03-05 14:30:00`,
/// anywhere inside surrounding text (`发布时间：2026-03-05`, `[2026-03-05]`); AM/PM words
/// (`PM`, `下午`, `오후`). Full-width digits and colons are read as ASCII.
///
/// Fields just past their range roll over the way feedparser (through `mktime`) reads them:
/// `31 Jun` is 1 July, `25:14` is 01:14 the next day, minute or second 61 carries. This is
/// arithmetic, not a guess; a month above 12 or a day above 31 is still unreadable.
///
/// Zones: a date without a zone takes `defaultZone` (UTC when nil), except dates written the
/// Korean way (년/월/일, 오전/오후), which are Korea time (+09:00) when no default is given, as
/// feedparser documents. **"CST" is US Central Time (−06:00), as RFC 822 defines it, except when
/// `defaultZone` is +08:00**: list sources from China are configured with +08:00, and there "CST"
/// means China Standard Time. Zone-less `2004-07-08 23:56:58` (feedparser's "MSSQL" form, which it
/// reads as Korea time) takes the default zone like every other zone-less date.
///
/// Parsed by hand (no DateFormatter, no regular expressions): feeds carry thousands of dates.
public enum DateParser {
    /// Returns nil when the text cannot be read: never a guess, never "now".
    /// `defaultZone` applies to dates that carry no zone.
    public static func parse(_ text: String, defaultZone: TimeZone? = nil) -> Date? {
        if let d = DateFastPaths.parse(text) { return d }
        var s = text
        if s.utf8.contains(where: { $0 >= 0x80 }) { s = s.precomposedStringWithCompatibilityMapping }
        guard s.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        var chars = Array(s.unicodeScalars)[...]
        while let f = chars.first, f.properties.isWhitespace { chars.removeFirst() }
        while let l = chars.last, l.properties.isWhitespace { chars.removeLast() }
        let chinaDefault = defaultZone.map { $0.secondsFromGMT(for: Date(timeIntervalSince1970: 0)) == 8 * 3600 } ?? false
        var scanner = DateScanner(Array(chars), chinaCST: chinaDefault)
        guard let fields = scanner.compactISO() ?? scanner.yearFirst() ?? scanner.rfc822() else { return nil }
        // Digits are read without bounds ("200655555555"); arithmetic on such fields overflows and
        // traps, so anything outside a calendar's range is not a date (found by fuzz/run.sh date).
        guard (1...9999).contains(fields.year), (1...12).contains(fields.month), (1...31).contains(fields.day),
              (0..<48).contains(fields.hour), (0..<1000).contains(fields.minute), (0..<1000).contains(fields.second),
              abs(fields.offset ?? 0) < 48 * 3600 else { return nil }
        let fallback = defaultZone.map { zoneOffset($0, fields) } ?? (scanner.koreanForm ? 9 * 3600 : nil)
        return fields.date(defaultOffset: fallback)
    }

    private static func zoneOffset(_ zone: TimeZone, _ f: DateFields) -> Int {
        // The offset in force on that (local) day; good enough for DST zones at day granularity.
        let approx = Date(timeIntervalSince1970: TimeInterval(civilDaysSince1970(year: f.year, month: f.month, day: min(f.day, 28)) * 86400 + f.hour * 3600))
        return zone.secondsFromGMT(for: approx)
    }
}

struct DateFields {
    var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0
    var fraction = 0.0
    /// Seconds east of UTC, nil when the text named no zone.
    var offset: Int?

    func date(defaultOffset: Int?) -> Date? {
        // Out-of-range day, hour, minute or second roll over (see `DateParser`); beyond these
        // bounds the text is not a date.
        guard (1...12).contains(month), (1...31).contains(day), (0..<48).contains(hour),
              (0..<100).contains(minute), (0..<100).contains(second) else { return nil }
        let days = civilDaysSince1970(year: year, month: month, day: 1) + day - 1
        let secs = days * 86400 + hour * 3600 + minute * 60 + second - (offset ?? defaultOffset ?? 0)
        return Date(timeIntervalSince1970: TimeInterval(secs) + fraction)
    }

    static func daysIn(_ m: Int, _ y: Int) -> Int {
        switch m {
        case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
