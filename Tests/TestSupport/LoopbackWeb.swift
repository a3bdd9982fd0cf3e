import Foundation

/// What every end-to-end test needs: a folder served on 127.0.0.1, a state folder and a feeds.yml
/// pointing at the server (`BASE` in the YAML). Test targets add their own helpers in a subclass.
open class LoopbackWeb {
    public let root: URL
    public let web: URL
    public let state: URL
    public let config: URL
    public let server: TestHTTPServer

    /// `label` names the temporary folder (cw-LABEL-UUID) so a leftover one says which suite made it.
    public init(label: String) throws {
        root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("cw-\(label)-\(UUID().uuidString)")
        web = root.appendingPathComponent("web")
        state = root.appendingPathComponent("state")
        config = root.appendingPathComponent("feeds.yml")
        try FileManager.default.createDirectory(at: web, withIntermediateDirectories: true)
        server = try TestHTTPServer(root: web)
    }

    deinit {
        server.stop()
        try? FileManager.default.removeItem(at: root)
    }

    public var base: String { server.baseURL }

    /// Writes feeds.yml with `BASE` replaced by the server's URL.
    public func configure(_ yaml: String) throws {
        try yaml.replacingOccurrences(of: "BASE", with: base).write(to: config, atomically: true, encoding: .utf8)
    }

    public func write(_ path: String, _ text: String, encoding: String.Encoding = .utf8) throws {
        try write(path, data: text.data(using: encoding)!)
    }

    /// Writes a served file. Servers compare Last-Modified at one-second resolution, so every
    /// rewrite gets a later mtime than the one before and conditional GET always sees it.
    public func write(_ path: String, data: Data) throws {
        let url = web.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        let bump = Date().addingTimeInterval(Double(Self.clock.next()))
        try FileManager.default.setAttributes([.modificationDate: bump], ofItemAtPath: url.path)
    }

    /// `command` with this fixture's --config and --state.
    public func args(_ command: [String]) -> [String] {
        command + ["--config", config.path, "--state", state.path]
    }

    final class MtimeClock: @unchecked Sendable {
        private var n = 0
        private let lock = NSLock()
        func next() -> Int { lock.lock(); defer { lock.unlock() }; n += 2; return n }
    }
    static let clock = MtimeClock()
}
