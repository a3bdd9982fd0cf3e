import Foundation

/// Keeps two passes off one state folder. An flock is released by the kernel when its holder
/// dies, so a pass killed with SIGKILL never leaves a lock that blocks the next one.
public final class PassLock {
    private let fd: Int32
    public let path: String

    public enum LockError: Error, CustomStringConvertible {
        case held(path: String, holder: String)
        case cannotOpen(path: String, reason: String)
        public var description: String {
            switch self {
            case let .held(path, holder): return "another pass is running on this state folder (\(path) held by \(holder))"
            case let .cannotOpen(path, reason): return "cannot open the lock file \(path): \(reason)"
            }
        }
    }

    /// `wait`: block until the other pass ends instead of failing.
    public init(folder: String, wait: Bool = false) throws {
        path = (folder as NSString).appendingPathComponent("civicwatch.lock")
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        if fd < 0 { throw LockError.cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        while flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0 {
            if errno == EINTR { continue }
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
            close(fd)
            throw LockError.held(path: path, holder: holder.flatMap { $0.isEmpty ? nil : "pid \($0)" } ?? "another process")
        }
        ftruncate(fd, 0)
        let pid = "\(getpid())\n"
        _ = pid.withCString { write(fd, $0, strlen($0)) }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
