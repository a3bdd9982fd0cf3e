import Foundation
import Model

/// One entry of `alerts:`, written as `- KIND: {options}`.
enum SinkReader {
    static let kinds = ["stdout"]

    static func read(_ field: YAMLField) throws -> SinkSpec {
        let pairs = try field.mapping()
        guard pairs.count == 1, let (kind, options) = pairs.first else {
            throw field.error("each alert sink is one `- kind: {options}` entry (kinds: \(kinds.joined(separator: ", ")))")
        }
        switch kind {
        case "stdout":
            var sink = StdoutSink()
            if case .scalar = options.node, (try? options.string()) == "" { return .stdout(sink) }
            for (key, value) in try options.mapping(allowed: ["format", "name"]) {
                switch key {
                case "format":
                    let s = try value.string()
                    guard let f = StdoutSink.Format(rawValue: s) else { throw value.error("`\(s)` is not one of text, json") }
                    sink.format = f
                case "name": sink.name = try value.nonEmptyString()
                default: break
                }
            }
            return .stdout(sink)
        default:
            throw field.child(kind, options.node).error("unknown alert sink `\(kind)` (known: \(kinds.joined(separator: ", ")))")
        }
    }
}
