import CCurl
import Foundation

/// Sends one message through libcurl's SMTP with its MIME API: the top-level mime holds one
/// multipart/alternative subpart (plain text, then HTML), as a Content-Type set by hand at the top
/// level would lose its boundary.
struct SMTPMailer {
    var url: String
    var requireTLS: Bool
    var username: String?
    var password: String?
    var timeout: TimeInterval

    func send(from: String, to: [String], headers: [String], plain: String, html: String) -> DeliveryResult {
        let shown = url  // smtp URLs carry no credentials (refused in feeds.yml)
        guard let h = CurlHandle() else { return .refused("\(shown): libcurl could not create a handle", retryAfter: nil) }
        h.set(CURLOPT_URL, url)
        h.set(CURLOPT_PROTOCOLS_STR, "smtp,smtps")
        // smtps:// is TLS from the first byte; for smtp://, STARTTLS is required unless turned off.
        h.set(CURLOPT_USE_SSL, Int(requireTLS ? CURLUSESSL_ALL.rawValue : CURLUSESSL_TRY.rawValue))
        if let username { h.set(CURLOPT_USERNAME, username) }
        if let password { h.set(CURLOPT_PASSWORD, password) }
        h.setTimeouts(total: timeout)
        h.set(CURLOPT_MAIL_FROM, "<\(from)>")
        h.set(CURLOPT_MAIL_RCPT, list: to.map { "<\($0)>" })
        h.set(CURLOPT_HTTPHEADER, list: headers)

        let mime = curl_mime_init(h.handle)
        defer { curl_mime_free(mime) }
        let alternative = curl_mime_init(h.handle)
        for (text, type) in [(plain, "text/plain; charset=utf-8"), (html, "text/html; charset=utf-8")] {
            let part = curl_mime_addpart(alternative)
            curl_mime_data(part, text, -1)  // CURL_ZERO_TERMINATED: (size_t)-1
            curl_mime_type(part, type)
            // Lines of any length and any UTF-8 survive every relay as quoted-printable.
            curl_mime_encoder(part, "quoted-printable")
        }
        let container = curl_mime_addpart(mime)
        curl_mime_subparts(container, alternative)  // the mime now owns `alternative`
        curl_mime_type(container, "multipart/alternative")
        var partHeaders: UnsafeMutablePointer<curl_slist>?
        partHeaders = curl_slist_append(partHeaders, "Content-Disposition: inline")
        curl_mime_headers(container, partHeaders, 1)
        h.check(cw_easy_setopt_mime(h.handle, CURLOPT_MIMEPOST, mime), "MIME body")

        if let error = h.perform() {
            let code = h.responseCode
            return .refused("\(shown): \(error)" + (code > 0 ? " (SMTP \(code))" : ""), retryAfter: nil)
        }
        let code = h.responseCode
        let reply = h.headerLines.last(where: { $0.hasPrefix("250") }) ?? "\(code)"
        return .accepted("SMTP " + reply)
    }
}
