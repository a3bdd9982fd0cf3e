import Foundation
import Model

/// What the fetcher needs to know about a URL before handing it to libcurl.
struct FetchURL {
    /// Lower-cased `host[:port]`: the unit of the per-host limit.
    let hostKey: String

    /// The trimmed URL handed to libcurl.
    let url: String

    /// Rejects anything but absolute http(s) URLs with a host, so libcurl never sees
    /// `file://`, `ftp://` or a relative path. Parsed by hand because URLComponents refuses
    /// unencoded non-ASCII paths, which real government sites do publish and curl fetches fine.
    static func validate(_ raw: String) -> Result<FetchURL, FetchError> {
        // Checked on the UTF-8 bytes, and the redacted URL for a message built only on failure:
        // Character and Unicode-property checks were 17 k instructions a request (4 % of a
        // nothing-changed pass).
        func invalid(_ why: String) -> Result<FetchURL, FetchError> {
            .failure(FetchError(reason: .invalidURL, url: redact(raw), message: why))
        }
        let url = raw.trimmedWhitespace()
        guard let sep = URLCredentials.schemeSeparator(url) else { return invalid("malformed URL: no scheme") }
        let schemeBytes = url.utf8[..<sep.lowerBound]
        guard Self.equalsIgnoringASCIICase(schemeBytes, "http") || Self.equalsIgnoringASCIICase(schemeBytes, "https") else {
            let scheme = url[..<sep.lowerBound].lowercased()
            let label = scheme.isEmpty || scheme.contains(where: { !$0.isLetter }) ? "malformed URL" : "unsupported URL scheme \(scheme)://"
            return invalid("\(label): only http and https are allowed")
        }
        // Every byte of a multi-byte character is >= 0x80, so this finds exactly the scalars
        // up to U+0020 and U+007F.
        guard !url.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F }) else {
            return invalid("malformed URL: contains spaces or control characters")
        }
        // The authority is split on its ASCII delimiters' bytes (walking Characters, each compared
        // as a String, cost more than the rest of a request's setup).
        let rest = url[sep.upperBound...]
        var hostPort = rest[..<URLCredentials.authorityEnd(rest)]
        if let at = hostPort.utf8.lastIndex(of: UInt8(ascii: "@")) { hostPort = hostPort[hostPort.utf8.index(after: at)...] }
        var host = hostPort
        var port = Substring("")
        if hostPort.utf8.first == UInt8(ascii: "[") {
            guard let close = hostPort.utf8.firstIndex(of: UInt8(ascii: "]")) else { return invalid("malformed URL: bad IPv6 address") }
            host = hostPort[...close]
            let after = hostPort[hostPort.utf8.index(after: close)...]
            if after.utf8.first == UInt8(ascii: ":") { port = after.dropFirst() } else if !after.isEmpty { return invalid("malformed URL") }
        } else if let colon = hostPort.utf8.lastIndex(of: UInt8(ascii: ":")) {
            host = hostPort[..<colon]
            port = hostPort[hostPort.utf8.index(after: colon)...]
        }
        guard !host.isEmpty else { return invalid("URL has no host") }
        guard port.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), port.utf8.count <= 5 else {
            return invalid("malformed URL: bad port")
        }
        let alreadyLower = host.utf8.allSatisfy { $0 < 0x80 && !($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) }
        let lowerHost = alreadyLower ? String(host) : host.lowercased()
        return .success(FetchURL(hostKey: port.isEmpty ? lowerHost : lowerHost + ":" + port, url: url))
    }

    private static func equalsIgnoringASCIICase(_ bytes: Substring.UTF8View, _ lower: StaticString) -> Bool {
        guard bytes.count == lower.utf8CodeUnitCount else { return false }
        return lower.withUTF8Buffer { l in
            zip(bytes, l).allSatisfy { a, b in (a >= UInt8(ascii: "A") && a <= UInt8(ascii: "Z") ? a | 0x20 : a) == b }
        }
    }

    /// The URL without `user:password@`, for anything a user or a log may see.
    static func redact(_ raw: String) -> String { URLCredentials.strip(raw) }

    /// Removes every `scheme://user:pass@` credential inside free text (curl's error messages
    /// can quote proxy URLs).
    static func redactText(_ text: String) -> String {
        guard text.contains("@") else { return text }
        var out = ""
        var rest = Substring(text)
        while let r = rest.range(of: "://") {
            out += rest[..<r.upperBound]
            rest = rest[r.upperBound...]
            let end = rest.firstIndex(where: { $0 == "/" || $0 == " " || $0 == "?" || $0 == "#" || $0 == "\"" || $0 == "'" }) ?? rest.endIndex
            if let at = rest[..<end].lastIndex(of: "@") {
                rest = rest[rest.index(after: at)...]
            }
        }
        return out + rest
    }
}
