import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the state file looked like when a pass last closed it cleanly, kept beside it as
/// `civicwatch.sqlite-closed`. If the file still has that identity, size and modification and
/// status-change times, nothing has written to it since, and the `quick_check` that reads every
/// page (3–4 % of a nothing-changed pass over 900 sources) would only find what the last pass
/// left: it then runs once a day instead of on every open. The status-change time cannot be set
/// back by any program, so a copy, a restore or a scribble over the file always shows.
struct CleanClose {
    let device: UInt64
    let inode: UInt64
    let size: Int64
    let modified: timespec
    let changed: timespec

    static func markerPath(for database: String) -> String { database + "-closed" }

    /// The file as it is now; nil when it cannot be read.
    static func current(_ database: String) -> CleanClose? {
        var st = stat()
        guard stat(database, &st) == 0 else { return nil }
        return CleanClose(device: UInt64(st.st_dev), inode: UInt64(st.st_ino), size: Int64(st.st_size),
                          modified: st.st_mtim, changed: st.st_ctim)
    }

    /// True when the last pass closed the file cleanly and nothing touched it since (`now` is the
    /// file as the caller just read it). A write-ahead log with content beside it means some
    /// connection did not finish (a crash, or another process now).
    static func unchangedSinceClose(_ database: String, now: CleanClose) -> Bool {
        guard let text = try? String(contentsOfFile: markerPath(for: database), encoding: .utf8),
              text.trimmingCharacters(in: .whitespacesAndNewlines) == now.line else { return false }
        return (StateStore.fileSize(database + "-wal") ?? 0) == 0
    }

    /// Records the file as it is after a clean close.
    ///
    /// The marker is overwritten in place, not replaced by a rename: a new file per pass cost an
    /// inode allocation (see `StateStore.keepWALFile`). A write cut short by a crash leaves a line
    /// that matches nothing, which only means the next open runs the check.
    ///
    /// File times come from a clock that ticks every few milliseconds, so a write in the same tick
    /// as the close could leave them as recorded. Waiting for the clock to pass the recorded time
    /// (a few milliseconds at most, no CPU) makes any later write show.
    static func record(_ database: String) throws {
        guard let closed = current(database) else { return }
        var clock = timespec()
        for _ in 0..<50 {
            clock_gettime(CLOCK_REALTIME_COARSE, &clock)
            if (clock.tv_sec, clock.tv_nsec) > (closed.changed.tv_sec, closed.changed.tv_nsec) { break }
            usleep(1000)
        }
        guard let now = current(database), now.line == closed.line else { return }
        let marker = markerPath(for: database)
        let fd = open(marker, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw StoreError.database(path: marker, reason: String(cString: strerror(errno))) }
        let bytes = Array((now.line + "\n").utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        Glibc.close(fd)
        guard written == bytes.count else {
            unlink(marker)
            throw StoreError.database(path: marker, reason: "cannot write the clean-close marker")
        }
    }

    var line: String {
        "v1 \(device) \(inode) \(size) \(modified.tv_sec).\(modified.tv_nsec) \(changed.tv_sec).\(changed.tv_nsec)"
    }
}
