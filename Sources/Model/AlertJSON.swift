import Foundation

/// The one JSON form of an alert (docs/alerts.md): used in the outbox, on stdout and in webhooks.
public enum AlertJSON {
    public static func encode(_ alert: Alert) -> Data {
        // Encoding a value of plain fields cannot fail.
        (try? encoder.encode(alert)) ?? Data("{}".utf8)
    }

    public static func decode(_ data: Data) throws -> Alert {
        try decoder.decode(Alert.self, from: data)
    }

    private static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .custom { date, encoder in
            var c = encoder.singleValueContainer()
            try c.encode(ISO8601.string(date))
        }
        return e
    }()

    private static let decoder: JSONDecoder = {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .custom { decoder in
            let c = try decoder.singleValueContainer()
            let s = try c.decode(String.self)
            guard let date = ISO8601.date(s) else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "not an ISO 8601 date: \(s)")
            }
            return date
        }
        return d
    }()
}

/// ISO 8601 in UTC with a `Z`, the form used in every output.
///
/// The common form (`2026-03-05T09:00:12Z`) is written and read by hand: creating an
/// ISO8601DateFormatter costs more than the rest of decoding an alert, and a report decodes
/// thousands. Other forms (offsets, fractional seconds) go through Foundation.
public enum ISO8601 {
    public static func string(_ date: Date) -> String {
        var t = time_t(floor(date.timeIntervalSince1970))
        var tm = tm()
        guard gmtime_r(&t, &tm) != nil, tm.tm_year + 1900 >= 0, tm.tm_year + 1900 <= 9999 else {
            let f = ISO8601DateFormatter()
            f.formatOptions = [.withInternetDateTime]
            return f.string(from: date)
        }
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let y = Int(tm.tm_year) + 1900
        let year = y < 10 ? "000\(y)" : y < 100 ? "00\(y)" : y < 1000 ? "0\(y)" : "\(y)"
        return "\(year)-\(two(tm.tm_mon + 1))-\(two(tm.tm_mday))T\(two(tm.tm_hour)):\(two(tm.tm_min)):\(two(tm.tm_sec))Z"
    }

    public static func date(_ s: String) -> Date? {
        if let d = fastUTC(s) { return d }
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        if let d = f.date(from: s) { return d }
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.date(from: s)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` exactly, with a valid calendar date; nil for anything else.
    static func fastUTC(_ s: String) -> Date? {
        let u = Array(s.utf8)
        guard u.count == 20, u[4] == 45, u[7] == 45, u[10] == 84, u[13] == 58, u[16] == 58, u[19] == 90 else { return nil }
        func num(_ r: Range<Int>) -> Int32? {
            var v: Int32 = 0
            for i in r {
                guard u[i] >= 48 && u[i] <= 57 else { return nil }
                v = v * 10 + Int32(u[i] - 48)
            }
            return v
        }
        guard let y = num(0..<4), let mo = num(5..<7), let d = num(8..<10), let h = num(11..<13), let mi = num(14..<16),
              let sec = num(17..<19), (1...12).contains(mo), d >= 1, h <= 23, mi <= 59, sec <= 59 else { return nil }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days: [Int32] = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard d <= days[Int(mo) - 1] else { return nil }
        var tm = tm()
        tm.tm_year = y - 1900
        tm.tm_mon = mo - 1
        tm.tm_mday = d
        tm.tm_hour = h
        tm.tm_min = mi
        tm.tm_sec = sec
        return Date(timeIntervalSince1970: TimeInterval(timegm(&tm)))
    }
}
