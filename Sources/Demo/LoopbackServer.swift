import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 and an ephemeral port, for the demo's sample sources: plain
/// POSIX sockets, one connection at a time (`Connection: close`), GET and HEAD only. The scenario
/// replaces what a path serves between passes. Nothing is reachable from outside the machine.
public final class LoopbackServer: @unchecked Sendable {
    public struct Resource: Sendable {
        public var contentType: String
        public var body: [UInt8]
        public init(contentType: String, body: [UInt8]) {
            self.contentType = contentType
            self.body = body
        }
    }

    public private(set) var port: UInt16 = 0
    private var listener: Int32 = -1
    private var resources: [String: Resource] = [:]
    private let lock = NSLock()
    private var thread: Thread?
    private let stopped = DispatchSemaphore(value: 0)

    public init() {}

    public var baseURL: String { "http://127.0.0.1:\(port)" }

    public func serve(_ path: String, _ resource: Resource) {
        lock.lock(); defer { lock.unlock() }
        resources[path] = resource
    }

    public func start() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw DemoError("cannot open a socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw DemoError("cannot listen on 127.0.0.1: \(reason)")
        }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        port = UInt16(bigEndian: addr.sin_port)
        listener = fd
        let t = Thread { [self] in acceptLoop(fd) }
        t.name = "demo-http"
        thread = t
        t.start()
    }

    public func stop() {
        guard listener >= 0 else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        listener = -1
        _ = stopped.wait(timeout: .now() + 2)
        // The thread's closure holds the server; dropping the thread ends that cycle.
        thread = nil
    }

    private func acceptLoop(_ fd: Int32) {
        defer { stopped.signal() }
        while true {
            let client = accept(fd, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return  // the listener was closed
            }
            handle(client)
            close(client)
        }
    }

    private func handle(_ client: Int32) {
        // A client that sends nothing must not hold the demo up.
        var tv = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var request: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 4096)
        while request.count < 65536 {
            let n = buf.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            request += buf[0..<n]
            if request.count >= 4, request.suffix(4) == [13, 10, 13, 10] { break }
        }
        let line = String(decoding: request.prefix { $0 != 13 && $0 != 10 }, as: UTF8.self).split(separator: " ")
        let method = line.first.map(String.init) ?? ""
        let path = line.count > 1 ? String(line[1].split(separator: "?").first ?? "/") : "/"
        lock.lock()
        let resource = resources[path]
        lock.unlock()
        var status = "200 OK"
        var body: [UInt8] = []
        var type = "text/plain; charset=utf-8"
        if method != "GET" && method != "HEAD" {
            status = "405 Method Not Allowed"
        } else if let resource {
            body = resource.body
            type = resource.contentType
        } else {
            status = "404 Not Found"
            body = Array("not found\n".utf8)
        }
        var response = Array("HTTP/1.1 \(status)\r\nContent-Type: \(type)\r\nContent-Length: \(body.count)\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n".utf8)
        if method != "HEAD" { response += body }
        var sent = 0
        while sent < response.count {
            let n = response[sent...].withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return }
            sent += n
        }
    }
}

public struct DemoError: Error, CustomStringConvertible {
    public var description: String
    init(_ d: String) { description = d }
}

/// Encodes text in a legacy Chinese character set with iconv, as older ministry sites still serve it.
public enum LegacyEncoding {
    public static func encode(_ text: String, as charset: String) throws -> [UInt8] {
        let cd = iconv_open(charset, "UTF-8")
        guard cd != iconv_t(bitPattern: -1) else { throw DemoError("iconv cannot convert to \(charset)") }
        defer { iconv_close(cd) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        let count = output.count
        let produced: Int = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outLeft = count
                if iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) == -1 { return -1 }
                return count - outLeft
            }
        }
        guard produced >= 0 else { throw DemoError("the sample text cannot be written in \(charset)") }
        return Array(output[0..<produced])
    }
}
