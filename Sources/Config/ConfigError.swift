import Foundation

/// A problem in feeds.yml, located precisely enough to fix it without searching.
public struct ConfigError: Error, Equatable, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int
    public var column: Int
    /// Dotted path of the field, e.g. `sources[3].interval`.
    public var field: String
    public var message: String

    public init(file: String, line: Int, column: Int, field: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.message = message
    }

    public var description: String {
        let place = line > 0 ? "\(file):\(line):\(column)" : file
        return field.isEmpty ? "\(place): \(message)" : "\(place): \(field): \(message)"
    }
}

/// Raised when the file as a whole cannot be used (unreadable, not YAML, no sources).
public struct ConfigFileError: Error, CustomStringConvertible, Sendable {
    public var errors: [ConfigError]
    public init(_ errors: [ConfigError]) { self.errors = errors }
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
