import Foundation
import Model

/// A YAML node with where it came from, so every conversion can report file:line:column and field.
struct YAMLField {
    let node: YAMLNode
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

    init(node: YAMLNode, path: String, file: String) {
        self.init(node: node, parentPath: path, step: .none, file: file)
    }

    private init(node: YAMLNode, parentPath: String, step: Step, file: String) {
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

    var line: Int { node.line }
    var column: Int { node.column }

    func error(_ message: String) -> ConfigError {
        ConfigError(file: file, line: line, column: column, field: path, message: message)
    }

    func child(_ key: String, _ node: YAMLNode) -> YAMLField {
        YAMLField(node: node, parentPath: path, step: .key(key), file: file)
    }

    /// The pairs of a mapping, rejecting keys outside `allowed` (typos would otherwise be ignored silently).
    func mapping(allowed: Set<String>? = nil) throws -> [(key: String, value: YAMLField)] {
        guard node.kind == .mapping else { throw error("expected a mapping (key: value)") }
        // Labelled like the return type: an unlabelled array was converted element by element.
        var result: [(key: String, value: YAMLField)] = []
        result.reserveCapacity(node.children.count / 2)
        let base = path
        let children = node.children
        for i in stride(from: 0, to: children.count - 1, by: 2) {
            let k = children[i], v = children[i + 1]
            guard k.kind == .scalar else { throw error("keys must be plain strings") }
            let key = k.text
            let field = YAMLField(node: v, parentPath: base, step: .key(key), file: file)
            if let allowed, !allowed.contains(key) {
                let hint = Self.closest(key, in: allowed).map { " (did you mean `\($0)`?)" } ?? ""
                throw ConfigError(file: file, line: k.line, column: k.column,
                                  field: field.path, message: "unknown field\(hint)")
            }
            result.append((key: key, value: field))
        }
        return result
    }

    func sequence() throws -> [YAMLField] {
        guard node.kind == .sequence else { throw error("expected a list") }
        let base = path
        return node.children.enumerated().map { i, n in YAMLField(node: n, parentPath: base, step: .index(i), file: file) }
    }

    func string() throws -> String {
        guard node.kind == .scalar else { throw error("expected a string") }
        return node.text
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
        if node.kind == .scalar { return [try string()] }
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
