import CCurl
import Foundation

/// A libcurl easy handle for one blocking transfer (a webhook POST or an SMTP send), with the
/// response headers (HTTP) or server reply lines (SMTP) and a size-capped body collected.
final class CurlHandle {
    let handle: UnsafeMutableRawPointer
    private var lists: [UnsafeMutablePointer<curl_slist>?] = []
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private(set) var setupError: String?

    /// The body of the response, at most `maxResponse` bytes are kept (the rest is counted).
    private(set) var body = Data()
    let maxResponse: Int
    /// Header lines of the last response (HTTP) or every reply line of the server (SMTP).
    private(set) var headerLines: [String] = []

    private static let global: Bool = { curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK }()

    init?(maxResponse: Int = 64 * 1024) {
        _ = Self.global
        guard let h = curl_easy_init() else { return nil }
        handle = h
        self.maxResponse = maxResponse
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        check(cw_easy_setopt_pointer(h, CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(errorBuffer)), "error buffer")
        set(CURLOPT_NOSIGNAL, 1)
        let context = Unmanaged.passUnretained(self).toOpaque()
        check(cw_easy_setopt_pointer(h, CURLOPT_WRITEDATA, context), "write data")
        check(cw_easy_setopt_pointer(h, CURLOPT_HEADERDATA, context), "header data")
        check(cw_easy_setopt_data_cb(h, CURLOPT_WRITEFUNCTION, { ptr, size, n, ctx in
            guard let ctx, let ptr else { return 0 }
            return Unmanaged<CurlHandle>.fromOpaque(ctx).takeUnretainedValue().write(UnsafeRawPointer(ptr), size * n)
        }), "write callback")
        check(cw_easy_setopt_data_cb(h, CURLOPT_HEADERFUNCTION, { ptr, size, n, ctx in
            guard let ctx, let ptr else { return 0 }
            return Unmanaged<CurlHandle>.fromOpaque(ctx).takeUnretainedValue().header(UnsafeRawPointer(ptr), size * n)
        }), "header callback")
    }

    deinit {
        curl_easy_cleanup(handle)
        for l in lists { curl_slist_free_all(l) }
        errorBuffer.deallocate()
    }

    func set(_ option: CURLoption, _ value: Int) { check(cw_easy_setopt_long(handle, option, value), "option \(option.rawValue)") }
    func set(_ option: CURLoption, _ value: String) { check(cw_easy_setopt_string(handle, option, value), "option \(option.rawValue)") }
    func setOff(_ option: CURLoption, _ value: Int) { check(cw_easy_setopt_off(handle, option, curl_off_t(value)), "option \(option.rawValue)") }

    /// A string list option; the list lives as long as the handle.
    func set(_ option: CURLoption, list: [String]) {
        var l: UnsafeMutablePointer<curl_slist>?
        for s in list { l = curl_slist_append(l, s) }
        lists.append(l)
        check(cw_easy_setopt_slist(handle, option, l), "list option \(option.rawValue)")
    }

    func setTimeouts(total: TimeInterval, connect: TimeInterval = 15) {
        let ms = { (t: TimeInterval) -> Int in max(1, Int((t * 1000).rounded())) }
        set(CURLOPT_TIMEOUT_MS, ms(total))
        set(CURLOPT_CONNECTTIMEOUT_MS, ms(min(connect, total)))
    }

    func check(_ code: CURLcode, _ what: String) {
        guard code != CURLE_OK, setupError == nil else { return }
        setupError = "libcurl rejected \(what): \(String(cString: curl_easy_strerror(code)))"
    }

    /// Runs the transfer. Returns nil on success, else curl's message (credentials never appear:
    /// they are passed as options, not in the URL).
    func perform() -> String? {
        if let setupError { return setupError }
        let code = curl_easy_perform(handle)
        guard code != CURLE_OK else { return nil }
        let detail = String(cString: errorBuffer).trimmingCharacters(in: .whitespacesAndNewlines)
        return detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
    }

    var responseCode: Int {
        var v = 0
        return cw_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &v) == CURLE_OK ? v : 0
    }

    /// The value of a response header (last response only), case-insensitive.
    func header(named name: String) -> String? {
        let lower = name.lowercased()
        for line in headerLines.reversed() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            if line[..<colon].lowercased() == lower {
                return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    private func write(_ data: UnsafeRawPointer, _ count: Int) -> Int {
        let keep = min(count, max(0, maxResponse - body.count))
        if keep > 0 { body.append(data.assumingMemoryBound(to: UInt8.self), count: keep) }
        return count
    }

    private func header(_ data: UnsafeRawPointer, _ count: Int) -> Int {
        let line = String(decoding: UnsafeRawBufferPointer(start: data, count: count), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        // A new status line starts a new response (after 100 Continue); SMTP replies are all kept.
        if line.hasPrefix("HTTP/") { headerLines = [] }
        if !line.isEmpty && headerLines.count < 200 { headerLines.append(line) }
        return count
    }
}
