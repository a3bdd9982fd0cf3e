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
        let shown = redact(raw)
        func invalid(_ why: String) -> Result<FetchURL, FetchError> {
            .failure(FetchError(reason: .invalidURL, url: shown, message: why))
        }
        let url = raw.trimmedWhitespace()
        guard let sep = URLCredentials.schemeSeparator(url) else { return invalid("malformed URL: no scheme") }
        let scheme = url[..<sep.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else {
            let label = scheme.isEmpty || scheme.contains(where: { !$0.isLetter }) ? "malformed URL" : "unsupported URL scheme \(scheme)://"
            return invalid("\(label): only http and https are allowed")
        }
        guard !url.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) else {
            return invalid("malformed URL: contains spaces or control characters")
        }
        // The authority is split on its ASCII delimiters' bytes (walking Characters, each compared
        // as a String, cost more than the rest of a request's setup).
        let rest = url[sep.upperBound...]
        var hostPort = rest[..<authorityEnd(rest)]
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
        guard port.allSatisfy(\.isASCII) && port.allSatisfy(\.isNumber), port.count <= 5 else {
            return invalid("malformed URL: bad port")
        }
        let key = host.lowercased() + (port.isEmpty ? "" : ":\(port)")
        return .success(FetchURL(hostKey: key, url: url))
    }

    /// The URL without `user:password@`, for anything a user or a log may see.
    static func redact(_ raw: String) -> String { URLCredentials.strip(raw) }

    /// Where the authority after "scheme://" ends: the first "/", "?" or "#", or the end.
    private static func authorityEnd(_ rest: Substring) -> String.Index {
        rest.utf8.firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) ?? rest.endIndex
    }

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
