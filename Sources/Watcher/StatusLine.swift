import Foundation

/// The one-line progress display on a terminal's stderr ("checked 120/900 · 3 failed").
/// Log lines go through `write` so they never land in the middle of the progress line: the line is
/// erased, the log line printed, and the progress redrawn below it. Off when stderr is not a
/// terminal (cron, systemd), so journald and cron mail only ever see whole log lines.
public final class StatusLine: @unchecked Sendable {
    public static let shared = StatusLine()

    private let lock = NSLock()
    private var current: String?
    public private(set) var enabled = false

    /// Turns the display on when stderr is a terminal (and `allowed`, e.g. not --quiet).
    public func enableIfTerminal(allowed: Bool = true) {
        lock.lock(); defer { lock.unlock() }
        enabled = allowed && isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    /// Shows `text` as the progress line (no-op when disabled).
    public func show(_ text: String) {
        lock.lock(); defer { lock.unlock() }
        guard enabled else { return }
        current = text
        emit("\r\u{1B}[K" + text)
    }

    /// Erases the progress line for good (end of the pass).
    public func clear() {
        lock.lock(); defer { lock.unlock() }
        guard enabled, current != nil else { return }
        current = nil
        emit("\r\u{1B}[K")
    }

    /// Writes one whole line to stderr, keeping the progress line below it.
    public func write(line: String) {
        lock.lock(); defer { lock.unlock() }
        if enabled, let current {
            emit("\r\u{1B}[K" + line + "\n" + current)
        } else {
            emit(line + "\n")
        }
    }

    private func emit(_ s: String) {
        FileHandle.standardError.write(Data(s.utf8))
    }
}
