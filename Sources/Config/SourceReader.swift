import Foundation
import Model

/// One entry of `sources:`.
enum SourceReader {
    /// The keys of a source entry. Read once into this enum: matching each key against every
    /// name, for each of 900 sources, was a fifth of reading feeds.yml.
    enum Key: Int, CaseIterable {
        case id, name, title, url, type, tags, interval, timeout, connectTimeout, maxBytes, userAgent, proxy, headers,
             encoding, timezone, items, link, date, summary, content, ignore, alertAfterFailures, expectUpdateWithin, sinks,
             category, alertOn, ignorePatterns, noise, minChange, only

        /// As written in feeds.yml.
        var name: String {
            switch self {
            case .connectTimeout: return "connect_timeout"
            case .maxBytes: return "max_bytes"
            case .userAgent: return "user_agent"
            case .alertAfterFailures: return "alert_after_failures"
            case .expectUpdateWithin: return "expect_update_within"
            case .alertOn: return "alert_on"
            case .ignorePatterns: return "ignore_patterns"
            case .minChange: return "min_change"
            default: return "\(self)"
            }
        }

        var listOnly: Bool {
            switch self {
            case .items, .link, .date, .summary: return true
            default: return false
            }
        }

        var pageOnly: Bool {
            switch self {
            case .content, .ignore, .ignorePatterns, .noise, .minChange, .only: return true
            default: return false
            }
        }
    }

    static let keys: Set<String> = Set(Key.allCases.map(\.name))
    private static let byName: [String: Key] = Dictionary(uniqueKeysWithValues: Key.allCases.map { ($0.name, $0) })

    static func read(_ entry: YAMLField, defaults: SourceDefaults) throws -> SourceSpec {
        let pairs = try entry.mapping(allowed: keys)
        let keyOf = pairs.map { byName[$0.key]! }
        // A repeated key takes its last value, as PyYAML and most YAML readers do. Positions, not
        // copies: a YAMLField is costly to copy, and most keys are absent.
        var last = [Int](repeating: -1, count: Key.allCases.count)
        for (i, key) in keyOf.enumerated() { last[key.rawValue] = i }
        func field(_ key: Key) -> YAMLField? { last[key.rawValue] < 0 ? nil : pairs[last[key.rawValue]].value }

        guard let idField = field(.id) else { throw entry.error("a source needs an `id`") }
        let id = try idField.nonEmptyString()
        guard Slug.isValid(id, underscore: false), id.count <= 64 else {
            throw idField.error("`\(id)`: an id is lower-case letters, digits and dashes (e.g. mca-notices)")
        }
        guard let urlField = field(.url) else { throw entry.error("source `\(id)` needs a `url`") }
        let url = try urlField.nonEmptyString()
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(),
              scheme == "http" || scheme == "https", parsed.host != nil else {
            throw urlField.error("`\(url)` is not an http:// or https:// URL")
        }

        var type = SourceType.feed
        if let t = field(.type) {
            let s = try t.string()
            guard let v = SourceType(rawValue: s) else { throw t.error("`\(s)` is not one of feed, list, page") }
            type = v
        } else if field(.items) != nil {
            type = .list
        } else if field(.content) != nil {
            type = .page
        }
        for (i, key) in keyOf.enumerated() where (key.listOnly && type != .list) || (key.pageOnly && type != .page) {
            throw pairs[i].value.error("only applies to \(key.listOnly ? "list" : "page") sources (this one is `\(type.rawValue)`)")
        }

        // `title` is the human name of feed and page sources, but the item-title selector of list
        // sources (as in the documented example); `name` is the human name for every type.
        var displayName = try field(.name)?.nonEmptyString()
        var spec = SourceSpec(id: id, title: id, url: url, type: type, interval: defaults.interval,
                              timeout: defaults.timeout, connectTimeout: defaults.connectTimeout,
                              maxBytes: defaults.maxBytes, userAgent: defaults.userAgent, proxy: defaults.proxy,
                              timezone: defaults.timezone, origin: "\(entry.file):\(entry.line)",
                              failureAlertAfter: defaults.failureAlertAfter)
        if type == .list {
            guard let items = field(.items) else { throw entry.error("list source `\(id)` needs `items` (an XPath to each item)") }
            spec.list = ListSelectors(items: try selector(items),
                                      title: try field(.title).map(selector) ?? ".",
                                      link: try field(.link).map(selector) ?? ".//a/@href",
                                      date: try field(.date).map(selector),
                                      summary: try field(.summary).map(selector))
            // Written twice in a list source (a name, then the selector), the first `title` is the name.
            let titles = keyOf.indices.filter { keyOf[$0] == .title }
            if displayName == nil, titles.count > 1 { displayName = try pairs[titles[0]].value.nonEmptyString() }
        } else if displayName == nil {
            displayName = try field(.title)?.nonEmptyString()
        }
        spec.title = displayName ?? id
        spec.alertOn = defaults.alertOn

        for (i, key) in keyOf.enumerated() {
            let value = pairs[i].value
            switch key {
            case .tags: spec.tags = try value.stringList()
            case .interval: spec.interval = try value.duration()
            case .timeout: spec.timeout = try positive(value.duration(), value)
            case .connectTimeout: spec.connectTimeout = try positive(value.duration(), value)
            case .maxBytes: spec.maxBytes = try value.bytes()
            case .userAgent: spec.userAgent = try value.nonEmptyString()
            case .proxy: spec.proxy = try ProxyURL.validate(value)
            case .headers: spec.headers = try headers(value)
            case .encoding: spec.encoding = try value.nonEmptyString()
            case .timezone: spec.timezone = try TimeZoneReader.read(value)
            case .content: spec.content = try selector(value)
            case .expectUpdateWithin: spec.expectUpdateWithin = try positive(value.duration(), value)
            case .alertAfterFailures: spec.failureAlertAfter = try value.int(min: 1)
            case .sinks: spec.sinks = try value.stringList()
            case .ignore: spec.ignore = try value.stringList().map { try checkSelector($0, value) }
            case .category, .alertOn, .ignorePatterns, .noise, .minChange, .only:
                try DetectionKeys.read(key.name, value, into: &spec)
            case .id, .name, .title, .url, .type, .items, .link, .date, .summary: break
            }
        }
        return spec
    }

    private static func selector(_ field: YAMLField) throws -> String {
        try checkSelector(try field.nonEmptyString(), field)
    }

    /// Catches the mistakes visible without a document (unbalanced brackets and quotes); libxml2
    /// reports the rest when the source is first parsed.
    /// Walks UTF-8 bytes: quotes and brackets are ASCII, and no byte of a multi-byte character is.
    private static func checkSelector(_ s: String, _ field: YAMLField) throws -> String {
        var depth = [UInt8]()
        var quote: UInt8?
        for c in s.utf8 {
            if let q = quote { if c == q { quote = nil }; continue }
            switch c {
            case UInt8(ascii: "'"), UInt8(ascii: "\""): quote = c
            case UInt8(ascii: "["), UInt8(ascii: "("): depth.append(c)
            case UInt8(ascii: "]"): if depth.popLast() != UInt8(ascii: "[") { throw field.error("unbalanced `]` in selector \"\(s)\"") }
            case UInt8(ascii: ")"): if depth.popLast() != UInt8(ascii: "(") { throw field.error("unbalanced `)` in selector \"\(s)\"") }
            default: break
            }
        }
        if quote != nil { throw field.error("unclosed quote in selector \"\(s)\"") }
        if let open = depth.last { throw field.error("unclosed `\(Character(Unicode.Scalar(open)))` in selector \"\(s)\"") }
        return s
    }

    private static func headers(_ field: YAMLField) throws -> [String] {
        try field.mapping().map { key, value in
            let v = try value.string()
            if key.contains(where: { $0 == ":" || $0 == "\r" || $0 == "\n" }) || v.contains(where: { $0 == "\r" || $0 == "\n" }) {
                throw value.error("header names and values cannot contain line breaks or `:` in the name")
            }
            return "\(key): \(v)"
        }
    }
}
