import CCurl
import Foundation
import Model

/// One configured libcurl easy handle with the buffers its callbacks fill.
///
/// libcurl calls the write and header callbacks with `self` as context (through `Unmanaged`,
/// unretained): whoever adds the handle to a multi keeps the transfer alive until it is removed.
final class EasyTransfer {
    let request: FetchRequest
    let hostKey: String
    let handle: UnsafeMutableRawPointer

    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer: UnsafeMutablePointer<CChar>

    /// Body of the final response; error responses are counted but not kept.
    private(set) var body = Data()
    private(set) var received = 0
    /// Set when the write callback refused more data because of `maxBytes`.
    private(set) var exceededLimit = false
    /// Bytes of response headers seen (all responses of the transfer, redirects included).
    private var headerBytes = 0
    /// Set when the header callback refused more because of `maxHeaderBytes`.
    private(set) var exceededHeaderLimit = false
    /// Response headers are never legitimately this large; a hostile server streaming header lines
    /// forever would otherwise grow libcurl's header store until the timeout.
    static let maxHeaderBytes = 256 * 1024

    /// Headers of the response being received; reset at every status line so that after
    /// redirects (and 100 Continue) only the last response's headers remain.
    private(set) var statusLine = ""
    private(set) var status = 0
    private(set) var contentType: String?
    private(set) var etag: String?
    private(set) var lastModified: String?
    private(set) var location: String?
    private(set) var retryAfter: String?
    private var contentLength: Int?

    /// Options that failed to apply; a non-nil value means the handle must not be started.
    private(set) var setupError: FetchError?

    init?(request: FetchRequest, url: FetchURL) {
        CurlGlobal.ensure()
        guard let h = curl_easy_init() else { return nil }
        self.request = request
        self.hostKey = url.hostKey
        self.handle = h
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        configure(url: url.url)
    }

    deinit {
        curl_easy_cleanup(handle)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    /// curl's own detail for the last error ("Failed to connect to ... : Connection refused").
    var errorDetail: String {
        FetchURL.redactText(String(cString: errorBuffer).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    // MARK: - Configuration

    private func configure(url: String) {
        let r = request
        let ms = { (t: TimeInterval) -> Int in max(1, Int((t * 1000).rounded())) }
        set(CURLOPT_URL, url)
        set(CURLOPT_NOSIGNAL, 1)  // curl must not use SIGALRM for DNS timeouts in a threaded process
        set(CURLOPT_PROTOCOLS_STR, "http,https")
        set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        set(CURLOPT_FOLLOWLOCATION, 1)
        set(CURLOPT_MAXREDIRS, 5)
        // Every transfer in flight holds a receive buffer of this size: 128 at the default
        // concurrency. curl's 16 KiB made 2 MB of a pass's peak memory; 8 KiB costs no measurable CPU.
        set(CURLOPT_BUFFERSIZE, EasyTransfer.receiveBufferBytes)
        set(CURLOPT_ACCEPT_ENCODING, "")  // every decoder built in; the write callback sees decoded bytes
        set(CURLOPT_USERAGENT, r.userAgent)
        set(CURLOPT_TIMEOUT_MS, ms(r.timeout))
        set(CURLOPT_CONNECTTIMEOUT_MS, ms(min(r.connectTimeout, r.timeout)))
        // A server that trickles bytes is given up on long before the total timeout when that is long.
        set(CURLOPT_LOW_SPEED_LIMIT, EasyTransfer.lowSpeedLimit)
        set(CURLOPT_LOW_SPEED_TIME, EasyTransfer.lowSpeedTime)
        if r.maxBytes > 0 {
            // Only honoured with a Content-Length; the write callback enforces the rest.
            setOff(CURLOPT_MAXFILESIZE_LARGE, curl_off_t(r.maxBytes))
        }
        if let proxy = r.proxy { set(CURLOPT_PROXY, proxy) }
        errorBufferOption()

        var lines = r.headers
        if let etag = r.etag, !etag.isEmpty { lines.append("If-None-Match: \(etag)") }
        for line in lines { headerList = curl_slist_append(headerList, line) }
        if headerList != nil { setupCheck(cw_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList), "headers") }
        if let lm = r.lastModified, !lm.isEmpty {
            if let t = HTTPDate.seconds(lm) {
                set(CURLOPT_TIMECONDITION, Int(CURL_TIMECOND_IFMODSINCE.rawValue))
                setOff(CURLOPT_TIMEVALUE_LARGE, curl_off_t(t))
            }
        }

        let context = Unmanaged.passUnretained(self).toOpaque()
        setupCheck(cw_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, context), "write data")
        setupCheck(cw_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, context), "header data")
        setupCheck(cw_easy_setopt_data_cb(handle, CURLOPT_WRITEFUNCTION, { ptr, size, n, ctx in
            guard let ctx, let ptr else { return 0 }
            return Unmanaged<EasyTransfer>.fromOpaque(ctx).takeUnretainedValue()
                .write(UnsafeRawPointer(ptr), size * n)
        }), "write callback")
        setupCheck(cw_easy_setopt_data_cb(handle, CURLOPT_HEADERFUNCTION, { ptr, size, n, ctx in
            guard let ctx, let ptr else { return 0 }
            return Unmanaged<EasyTransfer>.fromOpaque(ctx).takeUnretainedValue()
                .header(UnsafeRawPointer(ptr), size * n)
        }), "header callback")
    }

    static let lowSpeedLimit = 64
    static let receiveBufferBytes = 8 * 1024
    static let lowSpeedTime = 20

    private func errorBufferOption() {
        setupCheck(cw_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(errorBuffer)), "error buffer")
    }

    private func set(_ option: CURLoption, _ value: Int) {
        setupCheck(cw_easy_setopt_long(handle, option, value), "option \(option.rawValue)")
    }

    private func set(_ option: CURLoption, _ value: String) {
        // libcurl copies string options (since 7.17), so the temporary C string may go.
        setupCheck(cw_easy_setopt_string(handle, option, value), "option \(option.rawValue)")
    }

    private func setOff(_ option: CURLoption, _ value: curl_off_t) {
        setupCheck(cw_easy_setopt_off(handle, option, value), "option \(option.rawValue)")
    }

    /// `what` is only spelled out on failure: a message built for every option of every transfer
    /// was 1 % of a nothing-changed pass.
    private func setupCheck(_ code: CURLcode, _ what: @autoclosure () -> String) {
        guard code != CURLE_OK, setupError == nil else { return }
        let reason: FetchError.Reason = code == CURLE_UNSUPPORTED_PROTOCOL ? .protocolRefused : .other
        setupError = FetchError(reason: reason, url: FetchURL.redact(request.url),
                                message: "libcurl rejected \(what()): \(String(cString: curl_easy_strerror(code)))")
    }

    // MARK: - Callbacks

    /// Returning less than `count` makes libcurl abort with CURLE_WRITE_ERROR.
    private func write(_ data: UnsafeRawPointer, _ count: Int) -> Int {
        received += count
        if request.maxBytes > 0 && received > request.maxBytes {
            exceededLimit = true
            return 0
        }
        // Error pages are reported by status only; their bodies are not worth the memory.
        guard status < 400 else { return count }
        if body.isEmpty {
            let expected = min(contentLength ?? 0, request.maxBytes > 0 ? request.maxBytes : Int.max)
            if expected > 0 { body.reserveCapacity(expected) }
        }
        body.append(data.assumingMemoryBound(to: UInt8.self), count: count)
        return count
    }

    private func header(_ data: UnsafeRawPointer, _ count: Int) -> Int {
        headerBytes += count
        if headerBytes > Self.maxHeaderBytes {
            exceededHeaderLimit = true
            return 0
        }
        // Read on the bytes: only the status line and the six fields used become Strings (a
        // String, a lower-cased copy and a trimmed copy per line were 1.7 % of a pass).
        let bytes = UnsafeRawBufferPointer(start: data, count: count)
        if HeaderLine.hasPrefix(bytes, "HTTP/") {
            resetHeaders()
            statusLine = String(decoding: bytes, as: UTF8.self).trimmedWhitespace()
            status = HeaderLine.statusCode(bytes)
            return count
        }
        guard let (field, valueBytes) = HeaderLine.split(bytes) else { return count }
        let value = { String(decoding: valueBytes, as: UTF8.self).trimmedWhitespace() }
        switch field {
        case .contentType: contentType = value()
        case .etag: etag = value()
        case .lastModified: lastModified = value()
        case .location: location = value()
        case .retryAfter: retryAfter = value()
        case .contentLength: contentLength = Int(value())
        }
        return count
    }

    private func resetHeaders() {
        statusLine = ""
        status = 0
        contentType = nil
        etag = nil
        lastModified = nil
        location = nil
        retryAfter = nil
        contentLength = nil
    }

    // MARK: - Info after completion

    func infoLong(_ info: CURLINFO) -> Int {
        var v = 0
        return cw_easy_getinfo_long(handle, info, &v) == CURLE_OK ? v : 0
    }

    func infoString(_ info: CURLINFO) -> String? {
        var p: UnsafeMutablePointer<CChar>?
        guard cw_easy_getinfo_string(handle, info, &p) == CURLE_OK, let p else { return nil }
        return String(cString: p)
    }

    func infoSeconds(_ info: CURLINFO) -> TimeInterval {
        var v: curl_off_t = 0
        return cw_easy_getinfo_off(handle, info, &v) == CURLE_OK ? TimeInterval(v) / 1_000_000 : 0
    }
}
