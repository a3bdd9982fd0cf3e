import Foundation
import Logging
import Model

/// One line per event on stderr, `LEVEL [source] message key=value`, which journald and cron mail
/// show as is (journald adds its own timestamps; `--timestamps` adds ours for plain files).
public struct LineLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    let timestamps: Bool

    public init(level: Logger.Level, timestamps: Bool = false) {
        self.logLevel = level
        self.timestamps = timestamps
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(level: Logger.Level, message: Logger.Message, metadata extra: Logger.Metadata?,
                    source: String, file: String, function: String, line: UInt) {
        var all = metadata
        if let extra { all.merge(extra) { $1 } }
        var text = timestamps ? ISO8601DateFormatter().string(from: Date()) + " " : ""
        text += level.rawValue
        if let id = all.removeValue(forKey: "source") { text += " [\(id)]" }
        text += " " + message.description.newlinesAsSpaces
        for (k, v) in all.sorted(by: { $0.key < $1.key }) { text += " \(k)=\(v)" }
        StatusLine.shared.write(line: text)
    }
}
