import Foundation

/// The two shapes nearly every feed date has, read straight from the UTF-8 bytes:
/// `Thu, 05 Mar 2026 14:30:00 +0800` (RFC 822 with a numeric, GMT/UT/UTC or Z zone) and
/// `2026-03-05T14:30:00Z` / `…+08:00` / `….250Z` (RFC 3339). Anything else (named US zones,
/// no zone, other layouts) returns nil and goes through `DateScanner`, which reads these shapes
/// the same way, only slower.
enum DateFastPaths {
    private static let monthKeys: [UInt32: Int] = {
        var m = [UInt32: Int]()
        for (i, name) in ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].enumerated() {
            let b = Array(name.utf8)
            m[UInt32(b[0]) << 16 | UInt32(b[1]) << 8 | UInt32(b[2])] = i + 1
        }
        return m
    }()

    static func parse(_ s: String) -> Date? {
        var s = s
        return s.withUTF8 { u -> Date? in
            var r = Reader(u: u)
            r.skipSpaces()
            guard r.i < u.count else { return nil }
            if let d = r.digit(r.i), d >= 0 {
                if r.i + 4 < u.count, u[r.i + 4] == UInt8(ascii: "-") { return rfc3339(&r) }
            }
            return rfc822(&r)
        }
    }

    private static func rfc822(_ r: inout Reader) -> Date? {
        // Optional day name: three letters and a comma.
        if r.isLetter(r.i) {
            guard r.i + 4 <= r.u.count, r.isLetter(r.i + 1), r.isLetter(r.i + 2), r.u[r.i + 3] == UInt8(ascii: ",") else { return nil }
            r.i += 4
            r.skipSpaces()
        }
        guard let day = r.number(max: 2), r.space() else { return nil }
        guard r.i + 3 <= r.u.count, r.isLetter(r.i), r.isLetter(r.i + 1), r.isLetter(r.i + 2) else { return nil }
        let key = UInt32(r.u[r.i] | 0x20) << 16 | UInt32(r.u[r.i + 1] | 0x20) << 8 | UInt32(r.u[r.i + 2] | 0x20)
        guard let month = monthKeys[key] else { return nil }
        r.i += 3
        guard r.space(), r.i + 4 <= r.u.count, let year = r.number(max: 4, exactly: 4), r.space(),
              let hour = r.number(max: 2, exactly: 2), r.expect(":"), let minute = r.number(max: 2, exactly: 2) else { return nil }
        var second = 0
        if r.i < r.u.count, r.u[r.i] == UInt8(ascii: ":") {
            r.i += 1
            guard let sec = r.number(max: 2, exactly: 2) else { return nil }
            second = sec
        }
        guard r.space(), let offset = r.zone(), r.atEnd() else { return nil }
        return make(year, month, day, hour, minute, second, 0, offset)
    }

    private static func rfc3339(_ r: inout Reader) -> Date? {
        guard let year = r.number(max: 4, exactly: 4), r.expect("-"), let month = r.number(max: 2, exactly: 2), r.expect("-"),
              let day = r.number(max: 2, exactly: 2), r.i < r.u.count, r.u[r.i] | 0x20 == UInt8(ascii: "t") else { return nil }
        r.i += 1
        guard let hour = r.number(max: 2, exactly: 2), r.expect(":"), let minute = r.number(max: 2, exactly: 2),
              r.expect(":"), let second = r.number(max: 2, exactly: 2) else { return nil }
        var fraction = 0.0
        if r.i < r.u.count, r.u[r.i] == UInt8(ascii: ".") {
            r.i += 1
            var v = 0, n = 0
            while n < 9, let d = r.digit(r.i) { v = v * 10 + d; n += 1; r.i += 1 }
            guard n > 0, r.digit(r.i) == nil else { return nil }
            fraction = Double(v) / pow(10, Double(n))  // as DateScanner computes it
        }
        guard let offset = r.zone(), r.atEnd() else { return nil }
        return make(year, month, day, hour, minute, second, fraction, offset)
    }

    private static func make(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int, _ frac: Double, _ off: Int) -> Date? {
        var f = DateFields()
        (f.year, f.month, f.day, f.hour, f.minute, f.second, f.fraction, f.offset) = (y, mo, d, h, mi, s, frac, off)
        return f.date(defaultOffset: nil)
    }

    private struct Reader {
        let u: UnsafeBufferPointer<UInt8>
        var i = 0

        func digit(_ j: Int) -> Int? {
            guard j < u.count, u[j] >= 0x30, u[j] <= 0x39 else { return nil }
            return Int(u[j] - 0x30)
        }

        func isLetter(_ j: Int) -> Bool { j < u.count && (u[j] | 0x20) >= 0x61 && (u[j] | 0x20) <= 0x7A }

        mutating func number(max: Int, exactly: Int? = nil) -> Int? {
            var v = 0, n = 0
            while n < max, let d = digit(i) { v = v * 10 + d; n += 1; i += 1 }
            guard n > 0, exactly == nil || n == exactly, digit(i) == nil else { return nil }
            return v
        }

        mutating func expect(_ c: Unicode.Scalar) -> Bool {
            guard i < u.count, u[i] == UInt8(c.value) else { return false }
            i += 1
            return true
        }

        /// One or more ASCII spaces.
        mutating func space() -> Bool {
            guard i < u.count, u[i] == 0x20 else { return false }
            skipSpaces()
            return true
        }

        mutating func skipSpaces() { while i < u.count, u[i] == 0x20 || (u[i] >= 0x09 && u[i] <= 0x0D) { i += 1 } }

        func atEnd() -> Bool {
            var j = i
            while j < u.count, u[j] == 0x20 || (u[j] >= 0x09 && u[j] <= 0x0D) { j += 1 }
            return j == u.count
        }

        /// Z, GMT, UT, UTC, ±hhmm or ±hh:mm → seconds east of UTC.
        mutating func zone() -> Int? {
            guard i < u.count else { return nil }
            let c = u[i]
            if c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
                let sign = c == UInt8(ascii: "+") ? 1 : -1
                guard let h1 = digit(i + 1), let h2 = digit(i + 2) else { return nil }
                i += 3
                _ = expect(":")
                guard let m1 = digit(i), let m2 = digit(i + 1) else { return nil }
                i += 2
                let h = h1 * 10 + h2, m = m1 * 10 + m2
                guard h <= 14, m < 60, digit(i) == nil else { return nil }
                return sign * (h * 3600 + m * 60)
            }
            var j = i
            while isLetter(j) { j += 1 }
            let name = String(decoding: UnsafeBufferPointer(rebasing: u[i..<j]), as: UTF8.self).uppercased()
            guard ["Z", "GMT", "UT", "UTC"].contains(name) else { return nil }
            i = j
            return 0
        }
    }
}
