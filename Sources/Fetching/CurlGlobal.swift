import CCurl

/// libcurl's process-wide setup. `curl_global_init` is not thread-safe and must run before any
/// other curl call, so it runs exactly once, lazily, behind Swift's thread-safe static initialiser.
enum CurlGlobal {
    private static let initialized: Bool = {
        curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK
    }()

    /// Call before creating any curl handle.
    static func ensure() {
        _ = initialized
    }
}
