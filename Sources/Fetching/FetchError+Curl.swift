import CCurl
import Foundation

extension FetchError {
    /// Turns a libcurl result into a reason and a sentence a user can act on.
    static func from(code: CURLcode, transfer t: EasyTransfer) -> FetchError {
        let url = FetchURL.redact(t.request.url)
        let detail = t.errorDetail
        func make(_ reason: Reason, _ message: String) -> FetchError {
            FetchError(reason: reason, url: url, message: message)
        }

        if t.exceededLimit || code == CURLE_FILESIZE_EXCEEDED {
            return make(.tooLarge, "response larger than \(t.request.maxBytes) bytes")
        }
        if t.exceededHeaderLimit {
            return make(.tooLarge, "response headers larger than \(EasyTransfer.maxHeaderBytes / 1024) KiB")
        }
        // libcurl refuses a single header line over 100 KiB as "out of memory" ("Avoided giant
        // realloc for header"): a hostile server, not a full machine.
        if code == CURLE_OUT_OF_MEMORY && t.received == 0 {
            return make(.tooLarge, "a response header line larger than libcurl's limit (100 KiB)")
        }
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST:
            return make(.dns, "could not resolve host \(hostName(t.hostKey))")
        case CURLE_COULDNT_RESOLVE_PROXY:
            return make(.dns, "could not resolve the proxy host")
        case CURLE_COULDNT_CONNECT:
            let errno = t.infoLong(CURLINFO_OS_ERRNO)
            if errno == Int(ECONNREFUSED) || detail.localizedCaseInsensitiveContains("refused") {
                return make(.connect, "connection refused (\(t.hostKey))")
            }
            return make(.connect, "could not connect to \(t.hostKey)" + suffix(detail))
        case CURLE_OPERATION_TIMEDOUT:
            if detail.hasPrefix("Operation too slow") {
                return make(.timeout, "server too slow: under \(EasyTransfer.lowSpeedLimit) bytes/s for \(EasyTransfer.lowSpeedTime) s")
            }
            if t.infoSeconds(CURLINFO_CONNECT_TIME_T) == 0 && detail.localizedCaseInsensitiveContains("connect") {
                return make(.timeout, "connection timed out after \(seconds(min(t.request.connectTimeout, t.request.timeout)))")
            }
            return make(.timeout, "timed out after \(seconds(t.request.timeout))")
        case CURLE_PEER_FAILED_VERIFICATION:
            return make(.tls, "TLS certificate verification failed" + suffix(detail))
        case CURLE_SSL_CONNECT_ERROR, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_CERTPROBLEM,
             CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_CRL_BADFILE,
             CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS,
             CURLE_SSL_CLIENTCERT, CURLE_USE_SSL_FAILED, CURLE_SSL_ENGINE_INITFAILED:
            return make(.tls, "TLS handshake failed" + suffix(detail))
        case CURLE_UNSUPPORTED_PROTOCOL:
            if let target = t.location, let scheme = scheme(of: target), scheme != "http" && scheme != "https" {
                return make(.protocolRefused, "redirect to a \(scheme):// URL refused: only http and https are allowed")
            }
            return make(.protocolRefused, "protocol refused: only http and https are allowed" + suffix(detail))
        case CURLE_TOO_MANY_REDIRECTS:
            return make(.tooManyRedirects, "too many redirects (more than 5)")
        case CURLE_URL_MALFORMAT:
            return make(.invalidURL, "malformed URL" + suffix(detail))
        case CURLE_GOT_NOTHING:
            return make(.other, "the server closed the connection without answering")
        case CURLE_RECV_ERROR, CURLE_SEND_ERROR:
            return make(.other, "the connection broke during the transfer" + suffix(detail))
        case CURLE_PARTIAL_FILE:
            return make(.other, "the response ended before the announced size")
        case CURLE_BAD_CONTENT_ENCODING:
            return make(.other, "the compressed response could not be decoded")
        case CURLE_WEIRD_SERVER_REPLY:
            return make(.other, "the server's answer is not valid HTTP")
        case CURLE_HTTP2, CURLE_HTTP2_STREAM:
            return make(.other, "HTTP/2 error" + suffix(detail))
        default:
            let name = String(cString: curl_easy_strerror(code))
            return make(.other, "curl error \(code.rawValue): \(name)" + suffix(detail))
        }
    }

    /// An HTTP status of 400 or more: "HTTP 503 Service Unavailable (retry after 120 s)".
    static func http(status: Int, transfer t: EasyTransfer) -> FetchError {
        var phrase = HTTPURLReasonPhrase.phrase(status)
        // Prefer the server's own words when it gave any (HTTP/2 has none).
        let parts = t.statusLine.split(separator: " ", maxSplits: 2)
        if parts.count == 3, phrase.isEmpty { phrase = String(parts[2]) }
        var message = "HTTP \(status)" + (phrase.isEmpty ? "" : " \(phrase)")
        if let retry = t.retryAfter {
            message += Int(retry).map { " (retry after \($0) s)" } ?? " (retry after \(retry))"
        }
        return FetchError(reason: .http, url: FetchURL.redact(t.request.url), status: status, message: message)
    }

    private static func suffix(_ detail: String) -> String {
        detail.isEmpty ? "" : ": \(detail)"
    }

    private static func seconds(_ t: TimeInterval) -> String {
        t == t.rounded() ? "\(Int(t)) s" : String(format: "%.1f s", t)
    }

    private static func hostName(_ hostKey: String) -> String {
        if hostKey.hasPrefix("["), let close = hostKey.firstIndex(of: "]") { return String(hostKey[...close]) }
        return hostKey.split(separator: ":").first.map(String.init) ?? hostKey
    }

    private static func scheme(of url: String) -> String? {
        guard let r = url.range(of: ":") else { return nil }
        let s = url[..<r.lowerBound]
        guard !s.isEmpty, s.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }) else { return nil }
        return s.lowercased()
    }
}

/// Standard reason phrases, so messages read the same over HTTP/1.1 and HTTP/2.
enum HTTPURLReasonPhrase {
    static func phrase(_ status: Int) -> String {
        switch status {
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 406: return "Not Acceptable"
        case 407: return "Proxy Authentication Required"
        case 408: return "Request Timeout"
        case 410: return "Gone"
        case 429: return "Too Many Requests"
        case 451: return "Unavailable For Legal Reasons"
        case 500: return "Internal Server Error"
        case 501: return "Not Implemented"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        default: return ""
        }
    }
}
