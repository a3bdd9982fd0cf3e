import Foundation

/// Runs the system's xmllint (libxml2-utils) on a file: well-formedness, or validity against a
/// RELAX NG schema. The child gets its own pipes, drained, and stdin from /dev/null.
enum Xmllint {
    static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint") }

    static func validate(_ path: String, relaxNG: String? = nil) throws -> (ok: Bool, message: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        p.arguments = ["--noout", "--nonet"] + (relaxNG.map { ["--relaxng", $0] } ?? []) + [path]
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus == 0, String(decoding: data, as: UTF8.self))
    }

    static var schema: String { Bundle.module.path(forResource: "atom", ofType: "rng")! }

    static func temp(_ text: String, _ ext: String) throws -> String {
        let path = NSTemporaryDirectory() + "cw-report-\(UUID().uuidString).\(ext)"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
