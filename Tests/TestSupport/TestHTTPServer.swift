import Foundation

/// A real HTTP server on 127.0.0.1 (Tests/TestSupport/testserver.py) serving a folder.
public final class TestHTTPServer {
    public let root: URL
    public private(set) var port: Int = 0
    public var baseURL: String { "http://127.0.0.1:\(port)" }
    public init(root: URL) throws { self.root = root }
    public func stop() {}
}
