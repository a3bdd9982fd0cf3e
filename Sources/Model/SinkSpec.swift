import Foundation

/// Where alerts go. Each sink keeps its own delivery record in the outbox.
public enum SinkSpec: Sendable, Equatable {
    case stdout(StdoutSink)

    /// Stable name of the sink in the outbox ("stdout", "email:team", …).
    public var name: String {
        switch self {
        case let .stdout(s): return s.name
        }
    }
}

public struct StdoutSink: Sendable, Equatable {
    public enum Format: String, Sendable, CaseIterable { case text, json }
    public var name: String
    public var format: Format
    public init(name: String = "stdout", format: Format = .text) {
        self.name = name
        self.format = format
    }
}
