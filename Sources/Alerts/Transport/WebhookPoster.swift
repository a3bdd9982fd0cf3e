import CCurl
import Model
import Foundation

/// One HTTP POST through libcurl: http/https only, no redirects (a webhook that moved must be
/// reconfigured, and a POST must not be replayed to wherever a Location points), a total timeout,
/// and at most 64 KB of the answer kept.
struct WebhookPoster {
    var url: String
    var timeout: TimeInterval
    var userAgent = "CivicWatch/\(CivicWatchVersion.string)"

    /// The URL to show in messages: webhook URLs carry their secret in the path or query, so only
    /// scheme, host and port are ever shown.
    static func redact(_ url: String) -> String {
        guard let sep = url.range(of: "://") else { return "(invalid URL)" }
        let rest = url[sep.upperBound...]
        var authority = rest[..<(rest.firstIndex(where: { "/?#".contains($0) }) ?? rest.endIndex)]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        return "\(url[..<sep.lowerBound].lowercased())://\(authority)/…"
    }

    /// Checks the URL before libcurl sees it.
    static func validate(_ url: String) -> String? {
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return "only http:// and https:// webhooks are allowed" }
        guard !url.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) else {
            return "the webhook URL contains spaces or control characters"
        }
        return nil
    }

    func post(_ body: Data, headers: [String]) -> DeliveryResult {
        let shown = Self.redact(url)
        if let problem = Self.validate(url) { return .refused("\(shown): \(problem)", retryAfter: nil) }
        guard let h = CurlHandle() else { return .refused("\(shown): libcurl could not create a handle", retryAfter: nil) }
        h.set(CURLOPT_URL, url)
        h.set(CURLOPT_PROTOCOLS_STR, "http,https")
        h.set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        h.set(CURLOPT_FOLLOWLOCATION, 0)
        h.set(CURLOPT_USERAGENT, userAgent)
        h.setTimeouts(total: timeout)
        h.set(CURLOPT_POST, 1)
        h.setOff(CURLOPT_POSTFIELDSIZE_LARGE, body.count)
        body.withUnsafeBytes { raw in
            // COPYPOSTFIELDS copies the bytes now, so the buffer may go after this call.
            h.check(cw_easy_setopt_pointer(h.handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!)), "body")
        }
        // `Expect:` off: a 100-continue round trip only adds latency for small bodies.
        h.set(CURLOPT_HTTPHEADER, list: headers + ["Expect:"])
        if let error = h.perform() {
            return .refused("\(shown): \(error.replacingOccurrences(of: url, with: shown))", retryAfter: nil)
        }
        let status = h.responseCode
        let answer = String(decoding: h.body.prefix(300), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let reply = "HTTP \(status)" + (answer.isEmpty ? "" : " \(answer)")
        if (200..<300).contains(status) { return .accepted(reply) }
        var retryAfter: TimeInterval?
        if status == 429 || status == 503, let v = h.header(named: "Retry-After") {
            retryAfter = Self.retryAfter(v)
        }
        if (300..<400).contains(status) {
            return .refused("\(shown): HTTP \(status) redirect not followed for a POST; configure the final URL", retryAfter: nil)
        }
        return .refused("\(shown): \(reply)", retryAfter: retryAfter)
    }

    /// Retry-After is seconds or an HTTP date.
    static func retryAfter(_ value: String, now: Date = Date()) -> TimeInterval? {
        if let s = Double(value.trimmingCharacters(in: .whitespaces)), s >= 0 { return s }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "GMT")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        if let d = f.date(from: value) { return max(0, d.timeIntervalSince(now)) }
        return nil
    }
}
