import Foundation

/// Runs a helper program for a test (a python3 snippet that changes a database behind the
/// store's back, the sqlite3 shell, an encoder Foundation lacks) and returns what it printed.
public enum Script {
    public struct Outcome {
        public let status: Int32
        public let output: Data
        /// The output as text, without surrounding whitespace.
        public var text: String { String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// Runs `arguments` (a program found on PATH, then its arguments) with `input` on its
    /// standard input; standard error goes to the output too when `mergeErrors`, else to the
    /// test's own.
    @discardableResult
    public static func run(_ arguments: [String], input: Data? = nil, mergeErrors: Bool = false) throws -> Outcome {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = arguments
        let out = Pipe()
        p.standardOutput = out
        if mergeErrors { p.standardError = out }
        let inPipe = input.map { _ in Pipe() }
        p.standardInput = inPipe ?? FileHandle.nullDevice
        try p.run()
        if let input, let inPipe {
            // Written beside the read below: a child that answers before reading all its input
            // must not block on a full pipe.
            DispatchQueue.global().async {
                inPipe.fileHandleForWriting.write(input)
                try? inPipe.fileHandleForWriting.close()
            }
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Outcome(status: p.terminationStatus, output: data)
    }

    /// Runs python3 code with `arguments` as `sys.argv[1:]`.
    @discardableResult
    public static func python(_ code: String, _ arguments: String..., input: Data? = nil) throws -> Outcome {
        try run(["python3", "-c", code] + arguments, input: input)
    }
}
