import CCurl
import Model

/// Reads the Last-Modified validator sent back as If-Modified-Since.
enum HTTPDate {
    /// Seconds since 1970 for an HTTP date, or nil when it cannot be read.
    ///
    /// Servers must send the fixed format (`Sun, 06 Nov 1994 08:49:37 GMT`, RFC 9110 §5.6.7),
    /// which is read here directly: curl_getdate's general reader cost 2 % of a nothing-changed
    /// pass. The obsolete formats it also accepts still go to it.
    static func seconds(_ text: String) -> Int? {
        if let t = fixedFormat(text) { return t }
        let t = curl_getdate(text, nil)
        return t > 0 ? t : nil
    }

    private static let months: [[UInt8]] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        .map { Array($0.utf8) }

    static func fixedFormat(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { b -> Int? in
            guard b.count == 29, b[3] == UInt8(ascii: ","), b[4] == 32, b[7] == 32, b[11] == 32, b[16] == 32,
                  b[19] == UInt8(ascii: ":"), b[22] == UInt8(ascii: ":"), b[25] == 32,
                  b[26] == UInt8(ascii: "G"), b[27] == UInt8(ascii: "M"), b[28] == UInt8(ascii: "T") else { return nil }
            func number(_ from: Int, _ count: Int) -> Int? {
                var v = 0
                for i in from..<from + count {
                    let d = Int(b[i]) - 48
                    guard (0...9).contains(d) else { return nil }
                    v = v * 10 + d
                }
                return v
            }
            guard let day = number(5, 2), let year = number(12, 4), let hour = number(17, 2),
                  let minute = number(20, 2), let second = number(23, 2),
                  let month = months.firstIndex(where: { $0[0] == b[8] && $0[1] == b[9] && $0[2] == b[10] }),
                  (1...31).contains(day), year >= 1970, hour < 24, minute < 60, second <= 60 else { return nil }
            return civilDaysSince1970(year: year, month: month + 1, day: day) * 86400 + hour * 3600 + minute * 60 + second
        }
    }
}
