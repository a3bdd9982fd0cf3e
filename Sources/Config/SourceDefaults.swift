import Foundation
import Model

/// `defaults:` — values every source inherits unless it sets its own.
struct SourceDefaults {
    var interval: TimeInterval = 3600
    var timeout: TimeInterval = 30
    var connectTimeout: TimeInterval = 10
    var maxBytes = 10 << 20
    var userAgent = SourceSpec.defaultUserAgent
    var proxy: String?
    var timezone = TimeZone(secondsFromGMT: 8 * 3600)!
    var failureAlertAfter = 2
    var alertOn = AlertPolicy.all

    static let keys: Set<String> = ["interval", "timeout", "connect_timeout", "max_bytes", "concurrency",
                                    "per_host", "user_agent", "proxy", "timezone", "alert_after_failures", "alert_on"]

    mutating func read(_ field: YAMLField, into config: inout Configuration) throws {
        for (key, value) in try field.mapping(allowed: Self.keys) {
            switch key {
            case "interval": interval = try value.duration()
            case "timeout": timeout = try positive(value.duration(), value)
            case "connect_timeout": connectTimeout = try positive(value.duration(), value)
            case "max_bytes": maxBytes = try value.bytes()
            case "concurrency": config.concurrency = try value.int(min: 1)
            case "per_host": config.perHost = try value.int(min: 1)
            case "user_agent": userAgent = try value.nonEmptyString()
            case "proxy": proxy = try ProxyURL.validate(value)
            case "timezone": timezone = try TimeZoneReader.read(value)
            case "alert_after_failures": failureAlertAfter = try value.int(min: 1)
            case "alert_on":
                let s = try value.string()
                guard let p = AlertPolicy(rawValue: s) else { throw value.error("`\(s)` is not one of all, categorized") }
                alertOn = p
            default: break
            }
        }
    }
}

func positive(_ v: TimeInterval, _ field: YAMLField) throws -> TimeInterval {
    if v <= 0 { throw field.error("must be greater than zero") }
    return v
}

enum ProxyURL {
    static func validate(_ field: YAMLField) throws -> String {
        let s = try field.nonEmptyString()
        let schemes = ["http://", "https://", "socks4://", "socks4a://", "socks5://", "socks5h://"]
        guard schemes.contains(where: { s.lowercased().hasPrefix($0) }) else {
            throw field.error("a proxy URL starts with http://, https://, socks4://, socks5:// or socks5h://")
        }
        return s
    }
}

enum TimeZoneReader {
    /// "+08:00", "-0500", "UTC", or an IANA name such as "Asia/Shanghai".
    static func read(_ field: YAMLField) throws -> TimeZone {
        let s = try field.nonEmptyString()
        if s.uppercased() == "UTC" || s.uppercased() == "GMT" || s == "Z" { return TimeZone(secondsFromGMT: 0)! }
        let chars = Array(s)
        if let sign = chars.first, sign == "+" || sign == "-" {
            let digits = chars.dropFirst().filter { $0 != ":" }
            if digits.count == 4 || digits.count == 2, digits.allSatisfy(\.isNumber) {
                let h = Int(String(digits.prefix(2)))!, m = digits.count == 4 ? Int(String(digits.suffix(2)))! : 0
                if h <= 14 && m < 60, let tz = TimeZone(secondsFromGMT: (sign == "-" ? -1 : 1) * (h * 3600 + m * 60)) {
                    return tz
                }
            }
        } else if let tz = TimeZone(identifier: s) {
            return tz
        }
        throw field.error("cannot read \"\(s)\" as a time zone (write +08:00, UTC or Asia/Shanghai)")
    }
}
