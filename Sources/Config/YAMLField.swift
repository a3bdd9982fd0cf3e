import Foundation
import Model
import Yams

/// A YAML node with where it came from, so every conversion can report file:line:column and field.
struct YAMLField {
    let node: Node
    let file: String
    /// The path is only spelled out for messages: building "sources[12].url" for every field of a
    /// 900-source file cost more than reading the fields.
    private let parentPath: String
    private let step: Step

    private enum Step {
        case none
        case key(String)
        case index(Int)
    }

    init(node: Node, path: String, file: String) {
        self.init(node: node, parentPath: path, step: .none, file: file)
    }

    private init(node: Node, parentPath: String, step: Step, file: String) {
        self.node = node
        self.parentPath = parentPath
        self.step = step
        self.file = file
    }

    /// Where the field is, as written in messages: `sources[12].url`.
    var path: String {
        switch step {
        case .none: return parentPath
        case let .key(key): return parentPath.isEmpty ? key : "\(parentPath).\(key)"
        case let .index(i): return "\(parentPath)[\(i)]"
        }
    }

    var line: Int { node.mark?.line ?? 0 }
    var column: Int { node.mark?.column ?? 0 }

    func error(_ message: String) -> ConfigError {
        ConfigError(file: file, line: line, column: column, field: path, message: message)
    }

    func child(_ key: String, _ node: Node) -> YAMLField {
        YAMLField(node: node, parentPath: path, step: .key(key), file: file)
    }

    /// The pairs of a mapping, rejecting keys outside `allowed` (typos would otherwise be ignored silently).
    func mapping(allowed: Set<String>? = nil) throws -> [(key: String, value: YAMLField)] {
        guard case let .mapping(map) = node else { throw error("expected a mapping (key: value)") }
        var result: [(String, YAMLField)] = []
        result.reserveCapacity(map.count)
        let base = path
        for (k, v) in map {
            guard let key = k.scalar?.string else { throw error("keys must be plain strings") }
            let field = YAMLField(node: v, parentPath: base, step: .key(key), file: file)
            if let allowed, !allowed.contains(key) {
                let hint = Self.closest(key, in: allowed).map { " (did you mean `\($0)`?)" } ?? ""
                throw ConfigError(file: file, line: k.mark?.line ?? line, column: k.mark?.column ?? column,
                                  field: field.path, message: "unknown field\(hint)")
            }
            result.append((key, field))
        }
        return result
    }

    func sequence() throws -> [YAMLField] {
        guard case let .sequence(seq) = node else { throw error("expected a list") }
        let base = path
        return seq.enumerated().map { i, n in YAMLField(node: n, parentPath: base, step: .index(i), file: file) }
    }

    func string() throws -> String {
        guard case let .scalar(s) = node else { throw error("expected a string") }
        return s.string
    }

    func nonEmptyString() throws -> String {
        let s = try string().trimmedWhitespace()
        if s.isEmpty { throw error("must not be empty") }
        return s
    }

    func bool() throws -> Bool {
        switch try string().lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error("expected true or false")
        }
    }

    func int(min: Int = Int.min) throws -> Int {
        guard let v = Int(try string()) else { throw error("expected a whole number") }
        if v < min { throw error("must be at least \(min)") }
        return v
    }

    func duration() throws -> TimeInterval {
        let s = try string()
        guard let v = Units.duration(s) else {
            throw error("cannot read \"\(s)\" as a duration (write e.g. 30s, 15m, 1h, 1d)")
        }
        return v
    }

    func bytes() throws -> Int {
        let s = try string()
        guard let v = Units.bytes(s), v > 0 else {
            throw error("cannot read \"\(s)\" as a size (write e.g. 512KB, 10MB)")
        }
        return v
    }

    /// A single string or a list of strings.
    func stringList() throws -> [String] {
        if case .scalar = node { return [try string()] }
        return try sequence().map { try $0.string() }
    }

    static func closest(_ key: String, in candidates: Set<String>) -> String? {
        candidates.map { ($0, editDistance(key, $0)) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var prev = row[0]
            row[0] = i
            for j in 1...max(b.count, 1) where !b.isEmpty {
                let cur = row[j]
                row[j] = Swift.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1))
                prev = cur
            }
        }
        return row[b.count]
    }
}
