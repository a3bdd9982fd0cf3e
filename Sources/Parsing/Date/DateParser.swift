import Foundation

/// Dates as feeds and Chinese government pages write them.
///
/// Understood: RFC 822/2822 (with or without day name, 2- or 4-digit year, named, military or
/// numeric zones) and asctime; ISO 8601 / W3C-DTF (date only, `T` or space, fractional seconds,
/// basic or extended form, with or without zone); Chinese forms `2026年3月5日`, `2026年3月5日 14:30`,
/// `2026-03-05`, `2026/3/5`, `2026.03.05`, `2026-03-05 14:30:00`, anywhere inside surrounding text
/// (`发布时间：2026-03-05`, `[2026-03-05]`). Full-width digits and colons are read as ASCII.
///
/// Zones: a date without a zone takes `defaultZone` (UTC when nil). **"CST" is US Central Time
/// (−06:00), as RFC 822 defines it, except when `defaultZone` is +08:00**: list sources from China
/// are configured with +08:00, and there "CST" means China Standard Time.
///
/// Parsed by hand (no DateFormatter): feeds carry thousands of dates.
public enum DateParser {
    /// Returns nil when the text cannot be read: never a guess, never "now".
    /// `defaultZone` applies to dates that carry no zone.
    public static func parse(_ text: String, defaultZone: TimeZone? = nil) -> Date? {
        var s = text
        if s.utf8.contains(where: { $0 >= 0x80 }) { s = s.precomposedStringWithCompatibilityMapping }
        let chars = Array(s.unicodeScalars)
        guard chars.contains(where: { $0.properties.numericType != nil }) else { return nil }
        let chinaDefault = defaultZone.map { $0.secondsFromGMT(for: Date(timeIntervalSince1970: 0)) == 8 * 3600 } ?? false
        var scanner = DateScanner(chars, chinaCST: chinaDefault)
        guard let fields = scanner.yearFirst() ?? scanner.rfc822() else { return nil }
        return fields.date(defaultOffset: defaultZone.map { zoneOffset($0, fields) })
    }

    private static func zoneOffset(_ zone: TimeZone, _ f: DateFields) -> Int {
        // The offset in force on that (local) day; good enough for DST zones at day granularity.
        let approx = Date(timeIntervalSince1970: TimeInterval(DateFields.daysFromCivil(f.year, f.month, f.day) * 86400 + f.hour * 3600))
        return zone.secondsFromGMT(for: approx)
    }
}

struct DateFields {
    var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0
    var fraction = 0.0
    /// Seconds east of UTC, nil when the text named no zone.
    var offset: Int?

    func date(defaultOffset: Int?) -> Date? {
        guard (1...12).contains(month), day >= 1, day <= DateFields.daysIn(month, year),
              (0...24).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        if hour == 24, minute != 0 || second != 0 { return nil }
        let days = DateFields.daysFromCivil(year, month, day)
        let secs = days * 86400 + hour * 3600 + minute * 60 + min(second, 59) - (offset ?? defaultOffset ?? 0)
        return Date(timeIntervalSince1970: TimeInterval(secs) + fraction)
    }

    static func daysIn(_ m: Int, _ y: Int) -> Int {
        switch m {
        case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }
}
