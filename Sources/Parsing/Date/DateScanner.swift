import Foundation

/// The hand-written scanner behind `DateParser`.
struct DateScanner {
    private let c: [Unicode.Scalar]
    private let chinaCST: Bool
    /// Set when the text is written the Korean way (년/월/일, 오전/오후): such dates carry no zone
    /// and feedparser documents them as Korea time (+09:00).
    private(set) var koreanForm = false

    init(_ chars: [Unicode.Scalar], chinaCST: Bool) {
        c = chars
        self.chinaCST = chinaCST
    }

    var count: Int { c.count }
    func scalar(_ i: Int) -> Unicode.Scalar? { i >= 0 && i < c.count ? c[i] : nil }

    /// The text has been NFKC-normalised, so full-width digits are ASCII here.
    func digit(_ i: Int) -> Int? {
        guard i >= 0, i < c.count else { return nil }
        let v = c[i].value
        return v >= 0x30 && v <= 0x39 ? Int(v - 0x30) : nil
    }

    /// Reads up to `max` digits at `i`: (value, digits read).
    func number(_ i: Int, max: Int = 9) -> (Int, Int)? {
        var v = 0, n = 0
        while n < max, let d = digit(i + n) { v = v * 10 + d; n += 1 }
        return n == 0 ? nil : (v, n)
    }

    func skipSpaces(_ i: Int) -> Int {
        var j = i
        while j < c.count, c[j].properties.isWhitespace { j += 1 }
        return j
    }

    /// A run of letters at `i` (any script): (lower-cased word, index after).
    private func word(at i: Int) -> (String, Int)? {
        var j = i
        var w = String.UnicodeScalarView()
        while j < c.count, c[j].properties.isAlphabetic || (c[j] == "." && !w.isEmpty && w.count < 3) {
            w.append(c[j]); j += 1
        }
        return w.isEmpty ? nil : (String(w).lowercased(), j)
    }

    private mutating func meridiem(at i: Int) -> (MonthNames.Meridiem, Int)? {
        guard let (w, end) = word(at: i), let m = MonthNames.meridiem(w) else { return nil }
        if let first = w.unicodeScalars.first, (0xAC00...0xD7A3).contains(first.value) { koreanForm = true }
        return (m, end)
    }

    private static func isYearMark(_ u: Unicode.Scalar) -> Bool { u == "年" || u == "년" }
    private static func isMonthMark(_ u: Unicode.Scalar) -> Bool { u == "月" || u == "월" }
    private static func isDayMark(_ u: Unicode.Scalar) -> Bool { u == "日" || u == "号" || u == "일" }

    // MARK: Year first: ISO 8601, W3C-DTF, Chinese and Korean forms, Perforce

    mutating func yearFirst() -> DateFields? {
        var i = 0
        while i < c.count {
            if digit(i) != nil, digit(i - 1) == nil, let f = yearFirst(at: i) { return f }
            i += 1
        }
        return nil
    }

    private mutating func yearFirst(at start: Int) -> DateFields? {
        guard let (year, yn) = number(start, max: 4), yn == 4, digit(start + 4) == nil || isBasicDate(start) else { return nil }
        var f = DateFields()
        f.year = year
        if isBasicDate(start) {
            // 20260305 or 20260305T143000Z
            f.month = number(start + 4, max: 2)!.0
            f.day = number(start + 6, max: 2)!.0
            let i = start + 8
            if i < c.count, c[i] == "T", let (h, hn) = number(i + 1, max: 2), hn == 2, let (m, mn) = number(i + 3, max: 2), mn == 2 {
                f.hour = h; f.minute = m
                var j = i + 5
                if let (sec, sn) = number(j, max: 2), sn == 2 { f.second = sec; j += 2 }
                f.offset = zone(at: j)?.0
            }
            return f
        }
        let i = start + 4
        guard i < c.count else { return nil }
        let sep = c[i]
        let cjk = DateScanner.isYearMark(sep)
        guard sep == "-" || sep == "/" || sep == "." || cjk else { return nil }
        if sep == "년" { koreanForm = true }
        var j = cjk ? skipSpaces(i + 1) : i + 1
        // The month: a number, or a name between hyphens ("2004-július-13", "2026-Mar-05").
        if let (month, mn) = number(j, max: 2) {
            f.month = month; j += mn
        } else if !cjk, let (w, end) = word(at: j), let m = MonthNames.month(w), end < c.count, c[end] == sep {
            f.month = m; j = end
        } else {
            return nil
        }
        var dayClosed = false
        if cjk {
            // 2026年3月5日, 2004년 05월 28일
            guard j < c.count, DateScanner.isMonthMark(c[j]) else { return nil }
            j = skipSpaces(j + 1)
            guard let (day, dn) = number(j, max: 2) else { return nil }
            f.day = day; j += dn
            if j < c.count, DateScanner.isDayMark(c[j]) { j += 1; dayClosed = true }
        } else if j < c.count, c[j] == sep, let (day, dn) = number(j + 1, max: 2) {
            f.day = day; j += 1 + dn
        } else if sep == "-" {
            // W3C-DTF year-month: the first day of that month.
            f.day = 1
            return digit(j) == nil ? f : nil
        } else {
            return nil
        }
        guard dayClosed || digit(j) == nil else { return nil }
        let dateEnd = j
        // Time: "T14:30", " 14:30:00", "-14:30:00" (gov.cn meta), an AM/PM word before or after
        // it (Korean and Chinese write it first: "오후 11:23:17", "下午3:30"), fraction and zone.
        var k = dateEnd
        if k < c.count, c[k] == "T" || c[k] == "t" || c[k] == "-" || c[k] == "_" { k += 1 } else { k = skipSpaces(k) }
        var half: MonthNames.Meridiem?
        if let (m, end) = meridiem(at: k) { half = m; k = skipSpaces(end) }
        if let (t, end) = time(at: k) {
            (f.hour, f.minute, f.second, f.fraction) = t
            var z = skipSpaces(end)
            if half == nil, let (m, after) = meridiem(at: z) { half = m; z = skipSpaces(after) }
            if let (off, _) = zone(at: z) { f.offset = off }
            if let half, half == .pm, f.hour < 12 { f.hour += 12 } else if half == .am, f.hour == 12 { f.hour = 0 }
        } else if let (off, _) = zone(at: dateEnd), c[dateEnd] == "Z" || c[dateEnd] == "z" {
            f.offset = off
        }
        return f
    }

    private func isBasicDate(_ start: Int) -> Bool {
        guard let (_, n) = number(start, max: 9), n == 8 else { return false }
        return true
    }

    /// hh:mm[:ss[.fff]] → ((h, m, s, fraction), index after).
    func time(at i: Int) -> ((Int, Int, Int, Double), Int)? {
        guard let (h, hn) = number(i, max: 2), i + hn < c.count, c[i + hn] == ":" || c[i + hn] == "时",
              let (m, mn) = number(i + hn + 1, max: 2), mn == 2 || c[i + hn] == "时" else { return nil }
        var j = i + hn + 1 + mn
        if j < c.count, c[j] == "分" { j += 1 }
        var s = 0
        var frac = 0.0
        if j < c.count, c[j] == ":", let (sv, sn) = number(j + 1, max: 2), sn == 2 {
            s = sv
            j += 3
            if j < c.count, c[j] == "." || c[j] == ",", let (fv, fn) = number(j + 1, max: 9) {
                frac = Double(fv) / pow(10, Double(fn))
                j += 1 + fn
            }
        } else if j < c.count, c[j] == "秒" { j += 1 }
        return ((h, m, s, frac), j)
    }

    /// Zone at `i`: Z, ±hh, ±hhmm, ±hh:mm, or a name (UT, GMT, EST…, military letters).
    func zone(at i: Int) -> (Int, Int)? {
        guard i < c.count else { return nil }
        let ch = c[i]
        if ch == "+" || ch == "-" || ch == "−" {
            let sign = ch == "+" ? 1 : -1
            guard let (h, hn) = number(i + 1, max: 2), hn == 2 else { return nil }
            var j = i + 3
            var m = 0
            if j < c.count, c[j] == ":" { j += 1 }
            if let (mv, mn) = number(j, max: 2), mn == 2 { m = mv; j += 2 }
            guard h <= 14, m < 60 else { return nil }
            return (sign * (h * 3600 + m * 60), j)
        }
        var j = i
        var name = ""
        while j < c.count, c[j].properties.isAlphabetic, c[j].isASCII { name.unicodeScalars.append(c[j]); j += 1 }
        guard !name.isEmpty, let base = namedZone(name.uppercased()) else { return nil }
        // GMT+8, UTC-05:00
        if (name.uppercased() == "GMT" || name.uppercased() == "UTC" || name.uppercased() == "UT"),
           let (off, end) = zone(at: j), j < c.count, c[j] == "+" || c[j] == "-" {
            if number(j + 1, max: 2)?.1 == 1, let (h, _) = number(j + 1, max: 1) { return ((c[j] == "+" ? 1 : -1) * h * 3600, j + 2) }
            return (off, end)
        }
        if j < c.count, c[j] == "+" || c[j] == "-", let (h, hn) = number(j + 1, max: 2), hn <= 2, name.uppercased() == "GMT" || name.uppercased() == "UTC" {
            return ((c[j] == "+" ? 1 : -1) * h * 3600, j + 1 + hn)
        }
        return (base, j)
    }

    private func namedZone(_ name: String) -> Int? {
        let hours: Int
        switch name {
        case "UT", "UTC", "GMT", "Z", "WET": hours = 0
        case "EST", "ET": hours = -5
        case "EDT": hours = -4
        case "CST": return chinaCST ? 8 * 3600 : -6 * 3600
        case "CT": hours = -6
        case "CDT": hours = -5
        case "MST", "MT": hours = -7
        case "MDT": hours = -6
        case "PST", "PT": hours = -8
        case "PDT": hours = -7
        case "AKST": hours = -9
        case "AKDT": hours = -8
        case "HST": hours = -10
        case "AST", "AT": hours = -4
        case "ADT": hours = -3
        case "NZST": hours = 12
        case "NZDT": hours = 13
        case "BST", "CET", "MET", "WEST": hours = 1
        case "CEST", "MEST", "EET": hours = 2
        case "EEST", "MSK": hours = 3
        case "IST": return 5 * 3600 + 1800
        case "CCT", "BJT", "HKT", "SGT", "AWST": hours = 8
        case "JST", "KST": hours = 9
        case "AEST": hours = 10
        case "AEDT": hours = 11
        default:
            // RFC 822 military zones: A–I = +1…+9, K–M = +10…+12, N–Y = −1…−12.
            guard name.count == 1, let v = name.unicodeScalars.first?.value else { return nil }
            switch v {
            case 0x41...0x49: hours = Int(v - 0x40)
            case 0x4B...0x4D: hours = Int(v - 0x41)
            case 0x4E...0x59: hours = -Int(v - 0x4D)
            default: return nil
            }
        }
        return hours * 3600
    }

    // MARK: RFC 822 / 2822 and asctime

    mutating func rfc822() -> DateFields? {
        // Comments "(…)" are noise in RFC 822 dates.
        var tokens = [(String, Int)]()  // text, start index
        var i = 0
        var depth = 0
        var cur = ""
        var curStart = 0
        func push() { if !cur.isEmpty { tokens.append((cur, curStart)) }; cur = "" }
        while i < c.count {
            let ch = c[i]
            if ch == "(" { push(); depth += 1 }
            else if ch == ")" { push(); depth = max(0, depth - 1) }
            else if depth > 0 {}
            else if ch.properties.isWhitespace || ch == "," { push() }
            else { if cur.isEmpty { curStart = i }; cur.unicodeScalars.append(ch) }
            i += 1
        }
        push()
        var f = DateFields()
        var numbers = [Int]()
        var numberDigits = [Int]()
        var monthFound = false
        var timeFound = false
        var sawMonthBeforeNumbers = false
        for (tok, start) in tokens {
            let lower = tok.lowercased()
            if !timeFound, tok.utf8.contains(UInt8(ascii: ":")), let (t, end) = time(at: start) {
                (f.hour, f.minute, f.second, f.fraction) = t
                timeFound = true
                if end < start + tok.unicodeScalars.count, let (off, _) = zone(at: end) { f.offset = off }
                continue
            }
            if let n = Int(tok), tok.allSatisfy({ $0.isASCII && $0.isNumber }) {
                numbers.append(n)
                numberDigits.append(tok.count)
                continue
            }
            if !monthFound, lower.count >= 3 {
                if let m = MonthNames.month(lower) {
                    f.month = m
                    monthFound = true
                    sawMonthBeforeNumbers = numbers.isEmpty
                    // "05-Mar-2026"
                    continue
                }
            }
            if timeFound, f.offset == nil, let (off, _) = zone(at: start) { f.offset = off; continue }
            // "05-Mar-2026" style in one token
            let parts = lower.split(separator: "-")
            if parts.count == 3, let d = Int(parts[0]), let m = MonthNames.month(String(parts[1])), let y = Int(parts[2]) {
                numbers += [d, y]; numberDigits += [parts[0].count, parts[2].count]; f.month = m; monthFound = true
            }
        }
        guard monthFound, numbers.count >= 2 else { return nil }
        // RFC 822: day month year. asctime: month day … year.
        var day: Int, year: Int, yearDigits: Int
        if sawMonthBeforeNumbers || numberDigits[0] == 4 {
            if numberDigits[0] == 4 { year = numbers[0]; yearDigits = 4; day = numbers[1] }
            else { day = numbers[0]; year = numbers[1]; yearDigits = numberDigits[1] }
        } else {
            day = numbers[0]; year = numbers[1]; yearDigits = numberDigits[1]
        }
        if yearDigits <= 2 { year += year < 50 ? 2000 : 1900 }
        else if yearDigits == 3 { year += 1900 }
        f.year = year
        f.day = day
        return f
    }
}
