import Foundation
import Model

/// One HTTP(S) GET to make, with the validators from the previous successful fetch.
public struct FetchRequest: Sendable, Equatable {
    /// Caller's key (the source id); results are handed back with it.
    public var key: String
    public var url: String
    public var timeout: TimeInterval
    public var connectTimeout: TimeInterval
    public var maxBytes: Int
    public var userAgent: String
    public var proxy: String?
    public var headers: [String]
    public var etag: String?
    public var lastModified: String?

    public init(key: String, url: String, timeout: TimeInterval = 30, connectTimeout: TimeInterval = 10,
                maxBytes: Int = 10 << 20, userAgent: String = SourceSpec.defaultUserAgent, proxy: String? = nil,
                headers: [String] = [], etag: String? = nil, lastModified: String? = nil) {
        self.key = key
        self.url = url
        self.timeout = timeout
        self.connectTimeout = connectTimeout
        self.maxBytes = maxBytes
        self.userAgent = userAgent
        self.proxy = proxy
        self.headers = headers
        self.etag = etag
        self.lastModified = lastModified
    }
}

/// A completed exchange: either a body or "not modified".
public struct FetchResponse: Sendable, Equatable {
    public var status: Int
    /// Final URL after redirects: the base for relative links.
    public var effectiveURL: String
    public var contentType: String?
    public var etag: String?
    public var lastModified: String?
    /// True for a 304 (or an unmet time condition): nothing to parse.
    public var notModified: Bool
    public var body: Data
    public var elapsed: TimeInterval

    public init(status: Int, effectiveURL: String, contentType: String? = nil, etag: String? = nil,
                lastModified: String? = nil, notModified: Bool = false, body: Data = Data(), elapsed: TimeInterval = 0) {
        self.status = status
        self.effectiveURL = effectiveURL
        self.contentType = contentType
        self.etag = etag
        self.lastModified = lastModified
        self.notModified = notModified
        self.body = body
        self.elapsed = elapsed
    }
}

/// Why a fetch failed, in words a user can act on, with the URL it concerned.
public struct FetchError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: String, Sendable, Codable {
        case dns, connect, tls, timeout, http, tooLarge = "too_large", protocolRefused = "protocol_refused",
             tooManyRedirects = "too_many_redirects", invalidURL = "invalid_url", other
    }
    public var reason: Reason
    public var url: String
    /// HTTP status for `.http`.
    public var status: Int?
    public var message: String

    public init(reason: Reason, url: String, status: Int? = nil, message: String) {
        self.reason = reason
        self.url = url
        self.status = status
        self.message = message
    }

    public var description: String { "\(url): \(message)" }
}

/// Limits that apply across one batch of fetches.
public struct FetchLimits: Sendable, Equatable {
    public var concurrency: Int
    public var perHost: Int
    public init(concurrency: Int = 16, perHost: Int = 2) {
        self.concurrency = concurrency
        self.perHost = perHost
    }
}

/// Lets the caller of `fetchAll` keep up with the bodies it is handed. While it has no room, the
/// transfer loop starts no new transfer, and waits for room before handing a result over, but
/// never for long at a stretch: the transfers in flight must still be driven, or their timeouts
/// run out (a loop that waited until a slow parse was done failed sources that had answered in
/// time).
public struct FetchAdmission: Sendable {
    public var hasRoom: @Sendable () -> Bool
    /// Waits at most `timeout` seconds for room; returns whether there is room.
    public var waitForRoom: @Sendable (_ timeout: TimeInterval) -> Bool

    public init(hasRoom: @escaping @Sendable () -> Bool, waitForRoom: @escaping @Sendable (TimeInterval) -> Bool) {
        self.hasRoom = hasRoom
        self.waitForRoom = waitForRoom
    }
}

/// Fetches many URLs at once with libcurl's multi interface.
///
/// One Fetcher keeps its connections between batches; batches on one Fetcher run one at a time
/// (a lock serialises them, which is what makes sharing it across threads safe).
public final class Fetcher: @unchecked Sendable {
    public let limits: FetchLimits
    private let lock = NSLock()
    private var multi: MultiHandle?
    /// How many times the transfer loop has waited for sockets, over every batch: a diagnostic
    /// (and what tests check to see that an idle connection does not keep waking the loop).
    public private(set) var loopWaits = 0

    public init(limits: FetchLimits = FetchLimits()) { self.limits = limits }

    /// Runs every request to completion, calling `onResult` (on the calling thread) as each one ends.
    /// Invalid URLs are reported first, before any network traffic.
    public func fetchAll(_ requests: [FetchRequest], admission: FetchAdmission? = nil,
                         onResult: (FetchRequest, Result<FetchResponse, FetchError>) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        if multi == nil { multi = MultiHandle() }
        guard let multi else {
            for r in requests {
                onResult(r, .failure(FetchError(reason: .other, url: FetchURL.redact(r.url),
                                                message: "libcurl could not be initialised")))
            }
            return
        }
        loopWaits += MultiLoop(multi: multi, limits: limits, admission: admission).run(requests, onResult: onResult)
    }
}
