/// The reduced and truncated ISO 8601 forms feedparser documents beyond W3C-DTF, read only when
/// they are the whole text (inside longer text "031231" is more likely a number than a date):
///
/// | form | example | meaning |
/// |---|---|---|
/// | `YYYY` | `2003` | 1 January 2003 |
/// | `YY-MM-DD`, `YYMMDD` | `03-12-31`, `031231` | 31 December 2003 |
/// | `YYYY-DDD`, `YYYYDDD` | `2003-335` | day 335 of 2003 (ordinal date) |
/// | `YY-DDD`, `YYDDD` | `03335` | day 335 of 2003 |
/// | `-YY-MM`, `-YYMM` | `-03-12`, `-0312` | 1 December 2003 |
/// | `YYYY-0MM-DD` | `2003-012-31` | Google's zero-padded month |
///
/// Each may be followed by `T` (or a space) and a time with optional fraction and zone. A two-digit
/// year is in the current century (2000–2099), as ISO 8601 and feedparser read it. Forms that
/// leave the year out (`--MM-DD`, `-DDD`) depend on today's date and are refused.
extension DateScanner {
    func compactISO() -> DateFields? {
        // The date part: digits and hyphens up to "T", a space or the end.
        var end = 0
        while let u = scalar(end), u == "-" || digit(end) != nil { end += 1 }
        guard end > 0, end == count || scalar(end) == "T" || scalar(end) == " " else { return nil }
        var shape = ""
        var digits = [Int]()
        for i in 0..<end {
            if let d = digit(i) { shape += "9"; digits.append(d) } else { shape += "-" }
        }
        func value(_ range: Range<Int>) -> Int { digits[range].reduce(0) { $0 * 10 + $1 } }
        var f = DateFields()
        var ordinal: Int?
        switch shape {
        case "9999":
            f.year = value(0..<4); f.month = 1; f.day = 1
        case "99-99-99", "999999":
            f.year = 2000 + value(0..<2); f.month = value(2..<4); f.day = value(4..<6)
        case "9999-999", "9999999":
            f.year = value(0..<4); ordinal = value(4..<7)
        case "99-999", "99999":
            f.year = 2000 + value(0..<2); ordinal = value(2..<5)
        case "-99-99", "-9999":
            f.year = 2000 + value(0..<2); f.month = value(2..<4); f.day = 1
        case "9999-999-99":
            guard digits[4] == 0 else { return nil }
            f.year = value(0..<4); f.month = value(5..<7); f.day = value(7..<9)
        default:
            return nil
        }
        if let ordinal {
            let daysInYear = DateFields.daysIn(2, f.year) == 29 ? 366 : 365
            guard (1...daysInYear).contains(ordinal) else { return nil }
            var remaining = ordinal
            f.month = 1
            while remaining > DateFields.daysIn(f.month, f.year) { remaining -= DateFields.daysIn(f.month, f.year); f.month += 1 }
            f.day = remaining
        }
        guard (1...12).contains(f.month), (1...DateFields.daysIn(f.month, f.year)).contains(f.day) else { return nil }
        guard end < count else { return f }
        guard let (t, after) = time(at: end + 1) else { return nil }
        (f.hour, f.minute, f.second, f.fraction) = t
        if after < count {
            guard let (off, zoneEnd) = zone(at: after), zoneEnd == count else { return nil }
            f.offset = off
        }
        return f
    }
}
