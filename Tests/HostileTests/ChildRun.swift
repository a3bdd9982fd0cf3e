import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `civicwatch` binary with posix_spawn and reaps it with wait4, so the test learns
/// the child's own peak resident memory (Foundation's Process reaps children itself and hides it).
/// Output goes to files, never to the test runner's stdout/stderr.
struct ChildRun {
    var status: Int32
    /// The signal that ended the child, if any.
    var signal: Int32?
    var stdout: String
    var stderr: String
    /// Peak resident set size of the child, in bytes (ru_maxrss is in KiB on Linux).
    var peakRSS: Int
    var seconds: Double

    struct Limits {
        /// Kill the child (SIGKILL) after this long.
        var killAfter: TimeInterval = 300
        /// RLIMIT_FSIZE for the child (full-disk simulation); SIGXFSZ is ignored so writes fail with EFBIG.
        var maxFileBytes: Int?
    }

    static func run(_ arguments: [String], environment: [String: String] = [:], limits: Limits = Limits(),
                    folder: URL) throws -> ChildRun {
        let outPath = folder.appendingPathComponent("child-\(UUID().uuidString).out").path
        let errPath = outPath + ".err"
        var env = ProcessInfo.processInfo.environment
        for k in ["http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"] { env[k] = nil }
        env.merge(environment) { $1 }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        // The child starts with an empty signal mask and default dispositions (threads spawned by
        // Swift concurrency may block SIGTERM; the child must not inherit that).
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attr, &empty)
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attr, &defaults)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let path = CLIRunner.binary.path
        // RLIMIT_FSIZE is inherited across exec: wrap the binary in a shell that sets it first.
        var argv = [path] + arguments
        var exe = path
        if let bytes = limits.maxFileBytes {
            exe = "/bin/sh"
            argv = ["/bin/sh", "-c", "trap '' XFSZ; ulimit -f \(max(1, bytes / 512)); exec \"$0\" \"$@\"", path] + arguments
        }
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (cArgs + cEnv).forEach { free($0) } }

        var pid: pid_t = 0
        let started = Date()
        let rc = posix_spawn(&pid, exe, &actions, &attr, cArgs, cEnv)
        guard rc == 0 else { throw NSError(domain: "posix_spawn", code: Int(rc)) }

        var status: Int32 = 0
        var usage = rusage()
        while true {
            let r = wait4(pid, &status, WNOHANG, &usage)
            if r == pid { break }
            if r < 0 && errno != EINTR { break }
            if Date().timeIntervalSince(started) > limits.killAfter { kill(pid, SIGKILL) }
            usleep(20_000)
        }
        let seconds = Date().timeIntervalSince(started)
        // Not String(contentsOfFile:): Foundation leaks its 4 KiB buffer on an empty file, which
        // LeakSanitizer reports at the end of `swift test --sanitize=address`.
        func read(_ path: String) -> String {
            guard let h = FileHandle(forReadingAtPath: path) else { return "" }
            defer { try? h.close() }
            return String(decoding: h.readDataToEndOfFile(), as: UTF8.self)
        }
        let out = read(outPath)
        let err = read(errPath)
        try? FileManager.default.removeItem(atPath: outPath)
        try? FileManager.default.removeItem(atPath: errPath)
        let signaled = (status & 0x7f) != 0 && (status & 0x7f) != 0x7f
        return ChildRun(status: signaled ? 128 + (status & 0x7f) : (status >> 8) & 0xff,
                        signal: signaled ? status & 0x7f : nil, stdout: out, stderr: err,
                        peakRSS: Int(usage.ru_maxrss) * 1024, seconds: seconds)
    }
}
