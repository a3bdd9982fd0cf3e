import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One message the SMTP server accepted, decoded by Python's email package.
public struct ReceivedMail: Codable, Sendable {
    public var mail_from: String
    public var rcpt_tos: [String]
    /// Headers with RFC 2047 words decoded.
    public var headers: [String: String]
    /// Headers as sent.
    public var raw_headers: [String: String]
    /// Content types of the MIME tree, depth first.
    public var structure: [String]
    public var plain: String?
    public var html: String?
    public var raw: String

    public func header(_ name: String) -> String? { headers.first { $0.key.lowercased() == name.lowercased() }?.value }
    public func rawHeader(_ name: String) -> String? { raw_headers.first { $0.key.lowercased() == name.lowercased() }?.value }
}

public enum TestSMTPServerError: Error, CustomStringConvertible {
    case noPython(String)
    case noPort(String)
    public var description: String {
        switch self {
        case let .noPython(s): return "no Python with aiosmtpd (run scripts/setup.sh --tests): \(s)"
        case let .noPort(s): return "SMTP test server did not report a port: \(s)"
        }
    }
}

/// A real SMTP server on 127.0.0.1 (Tests/TestSupport/smtpserver.py, aiosmtpd from the venv that
/// `scripts/setup.sh --tests` creates in .build/test-venv). Stopped with SIGKILL, like TestHTTPServer.
public final class TestSMTPServer: @unchecked Sendable {
    public let folder: URL
    public private(set) var port = 0
    public var url: String { "smtp://127.0.0.1:\(port)" }
    private let process = Process()

    /// The venv's Python, or CIVICWATCH_TEST_PYTHON.
    public static var python: String {
        if let p = ProcessInfo.processInfo.environment["CIVICWATCH_TEST_PYTHON"], !p.isEmpty { return p }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/test-venv/bin/python3").path
    }

    /// - Parameter auth: require SMTP AUTH with this user and password.
    public init(folder: URL, auth: (user: String, password: String)? = nil) throws {
        self.folder = folder
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        guard FileManager.default.isExecutableFile(atPath: Self.python) else { throw TestSMTPServerError.noPython(Self.python) }
        guard let script = Bundle.module.url(forResource: "smtpserver", withExtension: "py") else {
            throw TestHTTPServerError.scriptNotFound
        }
        let out = Pipe()
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = ["-u", script.path, "--out", folder.path] + (auth.map { ["--auth", "\($0.user):\($0.password)"] } ?? [])
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var bytes: [UInt8] = []
        var c: UInt8 = 0
        let fd = out.fileHandleForReading.fileDescriptor
        while read(fd, &c, 1) == 1, c != UInt8(ascii: "\n") { bytes.append(c) }
        let line = String(decoding: bytes, as: UTF8.self)
        guard let p = Int(line), p > 0 else { stop(); throw TestSMTPServerError.noPort(line.isEmpty ? "no output" : line) }
        port = p
        let reader = out.fileHandleForReading
        Thread.detachNewThread { while !reader.availableData.isEmpty {} }
    }

    deinit { stop() }

    public func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// The next `n` messages get `451` (temporary refusal).
    public func refuse(_ n: Int) throws {
        try "\(n)".write(to: folder.appendingPathComponent("refuse"), atomically: true, encoding: .utf8)
    }

    /// Every accepted message, in order.
    public func messages() throws -> [ReceivedMail] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        return try names.map { try JSONDecoder().decode(ReceivedMail.self, from: Data(contentsOf: folder.appendingPathComponent($0))) }
    }
}
