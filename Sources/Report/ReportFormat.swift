import Foundation
import Model

/// The formats a report can be written in, and the file each is written to by the report sink.
public enum ReportFormat: String, Sendable, CaseIterable, Codable {
    case md, html, atom, json

    public var fileName: String {
        switch self {
        case .md: return "report.md"
        case .html: return "index.html"
        case .atom: return "alerts.atom"
        case .json: return "report.json"
        }
    }

    public func render(_ report: Report, atomSelfURL: String? = nil) -> String {
        switch self {
        case .md: return MarkdownRenderer().render(report)
        case .html: return HTMLRenderer().render(report)
        case .atom: return AtomRenderer(selfURL: atomSelfURL).render(report)
        case .json: return JSONRenderer().render(report)
        }
    }
}

/// Reads `--since`/`--until` and the sink's `since`: a duration back from now ("30d", "12h", "2w")
/// or a date ("2026-03-01", taken as the start of that day in `zone`) or an ISO 8601 time.
public enum ReportPeriod {
    public static func date(_ text: String, now: Date, zone: TimeZone) -> Date? {
        let s = text.trimmingCharacters(in: .whitespaces)
        if s.last?.isLetter == true, let d = Units.duration(s) { return now.addingTimeInterval(-d) }
        if let d = ISO8601.date(s) { return d }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.calendar = Calendar(identifier: .gregorian)
        f.timeZone = zone
        f.dateFormat = "yyyy-MM-dd"
        return f.date(from: s)
    }
}

/// Writes a file the way a web server may serve it at any moment: into a temporary file in the
/// same folder, flushed, then renamed over the old one (rename is atomic on one file system).
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws {
        let dir = (path as NSString).deletingLastPathComponent
        let tmp = (dir.isEmpty ? "." : dir) + "/." + (path as NSString).lastPathComponent + ".tmp-\(getpid())"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw ReportWriteError(path: path, reason: String(cString: strerror(errno))) }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if n <= 0 {
                let reason = String(cString: strerror(errno))
                close(fd); unlink(tmp)
                throw ReportWriteError(path: path, reason: reason)
            }
            written += n
        }
        fsync(fd)
        close(fd)
        guard rename(tmp, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(tmp)
            throw ReportWriteError(path: path, reason: reason)
        }
    }
}

public struct ReportWriteError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String
    public var description: String { "cannot write \(path): \(reason)" }
}
