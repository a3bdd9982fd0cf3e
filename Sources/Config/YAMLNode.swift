import CYaml

/// A node of feeds.yml: text, a list or a mapping, with the line and column it starts at.
///
/// Built straight from libyaml's events (the parser Yams wraps). Yams's own tree gave every
/// scalar a tag object and a Foundation string conversion, and was half of reading a
/// 900-source file (docs/performance.md, item 36). Every value is read as text by `YAMLField`,
/// so tags and styles are not kept.
struct YAMLNode {
    enum Kind { case scalar, sequence, mapping }

    let kind: Kind
    /// The text of a scalar; empty for collections.
    let text: String
    /// A sequence's items, or a mapping's keys and values in turn (key, value, key, value...).
    let children: [YAMLNode]
    /// 1-based, as libyaml's marks plus one (columns count Unicode scalars).
    let line: Int
    let column: Int

    /// A syntax error, where libyaml found it.
    struct SyntaxError: Error {
        let problem: String
        let line: Int
        let column: Int
    }

    /// The single document in `yaml`, nil when it holds none. Anchors and aliases are resolved (an
    /// alias is a copy of its anchored node); a second document is an error.
    static func compose(_ yaml: String) throws -> YAMLNode? {
        var copy = yaml
        return try copy.withUTF8 { try Composer(bytes: $0).document() }
    }
}

/// Pulls events from libyaml and builds the tree, one node per event.
private final class Composer {
    private var parser = yaml_parser_t()
    private var event = yaml_event_t()
    private var anchors: [String: YAMLNode] = [:]
    private let bytes: UnsafeBufferPointer<UInt8>
    /// Collections open around the current event: a file of a million `[` must be an error, not a
    /// stack overflow.
    private var depth = 0
    static let maxDepth = 200

    init(bytes: UnsafeBufferPointer<UInt8>) throws {
        self.bytes = bytes
        guard yaml_parser_initialize(&parser) == 1 else { throw YAMLNode.SyntaxError(problem: "out of memory", line: 0, column: 0) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
    }

    deinit {
        yaml_event_delete(&event)
        yaml_parser_delete(&parser)
    }

    func document() throws -> YAMLNode? {
        try next()  // stream start
        guard try next() != YAML_STREAM_END_EVENT else { return nil }  // document start
        let root = try node(try next())
        try next()  // document end
        if try next() != YAML_STREAM_END_EVENT {
            throw YAMLNode.SyntaxError(problem: "expected a single document in the stream but found another document",
                                       line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        }
        return root
    }

    /// Advances to the next event and returns its type. The previous event's memory is released
    /// first: only one event is alive at a time.
    @discardableResult
    private func next() throws -> yaml_event_type_t {
        yaml_event_delete(&event)
        guard yaml_parser_parse(&parser, &event) == 1 else { throw syntaxError() }
        return event.type
    }

    private func node(_ type: yaml_event_type_t) throws -> YAMLNode {
        let line = Int(event.start_mark.line) + 1
        let column = Int(event.start_mark.column) + 1
        switch type {
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: s.value, count: s.length), as: UTF8.self)
            let n = YAMLNode(kind: .scalar, text: text, children: [], line: line, column: column)
            if let anchor = Self.string(s.anchor) { anchors[anchor] = n }
            return n
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let isMapping = type == YAML_MAPPING_START_EVENT
            let anchor = Self.string(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
            let end = isMapping ? YAML_MAPPING_END_EVENT : YAML_SEQUENCE_END_EVENT
            depth += 1
            defer { depth -= 1 }
            guard depth <= Self.maxDepth else {
                throw YAMLNode.SyntaxError(problem: "nested more than \(Self.maxDepth) levels deep", line: line, column: column)
            }
            var children: [YAMLNode] = []
            var t = try next()
            while t != end {
                children.append(try node(t))
                t = try next()
            }
            let n = YAMLNode(kind: isMapping ? .mapping : .sequence, text: "", children: children, line: line, column: column)
            if let anchor { anchors[anchor] = n }
            return n
        case YAML_ALIAS_EVENT:
            guard let name = Self.string(event.data.alias.anchor), let n = anchors[name] else {
                throw YAMLNode.SyntaxError(problem: "found undefined alias", line: line, column: column)
            }
            return n
        default:
            throw YAMLNode.SyntaxError(problem: "unexpected event", line: line, column: column)
        }
    }

    private func syntaxError() -> YAMLNode.SyntaxError {
        let problem = parser.problem.map { String(cString: $0) } ?? "cannot be parsed"
        if parser.error == YAML_READER_ERROR {
            // Reader errors (a control character, bad UTF-8) carry a byte offset, not a mark.
            let before = bytes.prefix(min(parser.problem_offset, bytes.count))
            let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
            let column = before[lineStart...].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
            return YAMLNode.SyntaxError(problem: problem, line: before.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) },
                                        column: column + 1)
        }
        return YAMLNode.SyntaxError(problem: problem, line: Int(parser.problem_mark.line) + 1,
                                    column: Int(parser.problem_mark.column) + 1)
    }

    private static func string(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        p.map { String(cString: $0) }
    }
}
