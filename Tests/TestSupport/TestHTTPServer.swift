import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One request as the test server saw it (`GET /__log`).
public struct LoggedRequest: Codable, Equatable, Sendable {
    /// Path with its query string, as sent.
    public var path: String
    /// Status answered; 0 for `/__hang`, which never answers.
    public var status: Int
    public var ifNoneMatch: String?
    public var ifModifiedSince: String?
    public var userAgent: String?
    /// The client's TCP port: equal ports mean a reused connection.
    public var clientPort: Int?
    /// Wall-clock seconds (since 1970) when the request arrived and when its answer was written;
    /// `ended` is nil while a response is still being sent (or never will be, for `/__hang`).
    public var started: Double?
    public var ended: Double?
}

public enum TestHTTPServerError: Error, CustomStringConvertible {
    case scriptNotFound
    case noPort(String)
    case request(String)

    public var description: String {
        switch self {
        case .scriptNotFound: return "testserver.py is missing from the TestSupport bundle"
        case .noPort(let s): return "test server did not report a port: \(s)"
        case .request(let s): return "test server request failed: \(s)"
        }
    }
}

/// A real HTTP server on 127.0.0.1 (Tests/TestSupport/testserver.py) serving a folder.
///
/// The child is stopped with SIGKILL: SIGTERM may be blocked in processes spawned from Swift
/// concurrency threads, and its stdout/stderr never reach the test runner's (that can hang `swift test`).
public final class TestHTTPServer: @unchecked Sendable {
    public let root: URL
    public let host: String
    public private(set) var port: Int = 0
    /// Serving HTTPS with a self-signed certificate that clients must refuse.
    public let tls: Bool
    public var baseURL: String { "\(tls ? "https" : "http")://\(host.contains(":") ? "[\(host)]" : host):\(port)" }

    private let process = Process()
    private let lock = NSLock()
    private var stopped = false

    /// - Parameter tls: serve HTTPS with a fresh self-signed certificate (needs `openssl`);
    ///   the log endpoints are then only reachable over TLS, so `requests()` is unavailable.
    public init(root: URL, host: String = "127.0.0.1", tls: Bool = false) throws {
        self.root = root
        self.host = host
        self.tls = tls
        guard let script = Bundle.module.url(forResource: "testserver", withExtension: "py") else {
            throw TestHTTPServerError.scriptNotFound
        }
        let out = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-u", script.path, "--root", root.path, "--host", host, "--port", "0"] + (tls ? ["--tls"] : [])
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()

        let fd = out.fileHandleForReading.fileDescriptor
        let line = Self.readLine(fd)
        guard let p = Int(line.trimmingCharacters(in: .whitespaces)), p > 0 else {
            stop()
            throw TestHTTPServerError.noPort(line.isEmpty ? "no output" : line)
        }
        port = p
        // Keep draining so the child never blocks on a full pipe.
        let reader = out.fileHandleForReading
        Thread.detachNewThread {
            while !reader.availableData.isEmpty {}
        }
    }

    deinit { stop() }

    public func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        stopped = true
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// Every request logged since start or the last `resetLog()`, in arrival order.
    public func requests() throws -> [LoggedRequest] {
        guard !tls else { throw TestHTTPServerError.request("the request log is not readable over TLS") }
        let body = try get("/__log")
        return try JSONDecoder().decode([LoggedRequest].self, from: body)
    }

    public func resetLog() {
        _ = try? get("/__reset")
    }

    /// Reads one line byte by byte so nothing after the port is swallowed.
    private static func readLine(_ fd: Int32) -> String {
        var bytes: [UInt8] = []
        var c: UInt8 = 0
        while read(fd, &c, 1) == 1, c != UInt8(ascii: "\n") { bytes.append(c) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A minimal blocking HTTP/1.0 GET over a socket: keeps TestSupport free of any HTTP client
    /// (and of the code under test).
    func fetch(_ path: String) throws -> Data { try get(path) }

    private func get(_ path: String) throws -> Data {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var res: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &res) == 0, let ai = res else {
            throw TestHTTPServerError.request("cannot resolve \(host)")
        }
        defer { freeaddrinfo(res) }
        let s = socket(ai.pointee.ai_family, ai.pointee.ai_socktype, ai.pointee.ai_protocol)
        guard s >= 0 else { throw TestHTTPServerError.request("socket: \(errno)") }
        defer { close(s) }
        var tv = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        guard connect(s, ai.pointee.ai_addr, ai.pointee.ai_addrlen) == 0 else {
            throw TestHTTPServerError.request("connect to \(baseURL): errno \(errno)")
        }
        let req = Array("GET \(path) HTTP/1.0\r\nHost: \(host):\(port)\r\nConnection: close\r\n\r\n".utf8)
        var sent = 0
        while sent < req.count {
            let n = req[sent...].withUnsafeBytes { send(s, $0.baseAddress, $0.count, 0) }
            guard n > 0 else { throw TestHTTPServerError.request("send: errno \(errno)") }
            sent += n
        }
        var response = Data()
        var buf = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(s, &buf, buf.count, 0)
            if n < 0 { throw TestHTTPServerError.request("recv: errno \(errno)") }
            if n == 0 { break }
            response.append(contentsOf: buf[0..<n])
        }
        guard let sep = response.range(of: Data("\r\n\r\n".utf8)) else {
            throw TestHTTPServerError.request("malformed response to \(path)")
        }
        let head = String(decoding: response[..<sep.lowerBound], as: UTF8.self)
        guard head.hasPrefix("HTTP/1.") && head.dropFirst(9).hasPrefix("200") else {
            throw TestHTTPServerError.request("\(path): \(head.prefix(40))")
        }
        return Data(response[sep.upperBound...])
    }
}

/// One POST a webhook receiver (`/__hook/NAME`) got.
public struct ReceivedPost: Codable, Sendable {
    public var name: String
    public var path: String
    /// Status answered; 0 when the receiver hung.
    public var answer: Int
    public var at: Double
    public var headers: [String: String]
    public var body: String

    /// A header, case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }
}

extension TestHTTPServer {
    /// The URL of a webhook receiver named `name`.
    public func hookURL(_ name: String) -> String { "\(baseURL)/__hook/\(name)" }

    /// How the receiver answers its next POSTs: `refuse` of them with `status` (and Retry-After),
    /// after `hang` of them that get no answer for `hangSeconds`.
    public func setHook(_ name: String, refuse: Int = 0, status: Int = 500, retryAfter: String? = nil,
                        hang: Int = 0, hangSeconds: Double = 30) throws {
        var q = "name=\(name)&refuse=\(refuse)&status=\(status)&hang=\(hang)&hang_seconds=\(hangSeconds)"
        if let retryAfter { q += "&retry_after=\(retryAfter)" }
        _ = try fetch("/__hookmode?\(q)")
    }

    /// Every POST received by every receiver, in arrival order.
    public func posts(_ name: String? = nil) throws -> [ReceivedPost] {
        let all = try JSONDecoder().decode([ReceivedPost].self, from: try fetch("/__posts"))
        return name.map { n in all.filter { $0.name == n } } ?? all
    }
}
