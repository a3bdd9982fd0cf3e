import Foundation
import Model

/// The top-level `detection:` section: categories (extending the built-in `regulation` and
/// `crackdown`, or new ones), watch-lists, and the grouping window. Every problem is reported with
/// file:line:column like the rest of feeds.yml.
enum DetectionReader {
    static let keys: Set<String> = ["categories", "watchlists", "group_window", "grouping"]
    static let categoryKeys: Set<String> = ["terms", "regex", "negative", "threshold", "replace", "enabled"]

    static func read(_ field: YAMLField) throws -> DetectionSpec {
        var spec = DetectionSpec()
        for (key, value) in try field.mapping(allowed: keys) {
            switch key {
            case "group_window": spec.groupWindow = try positive(value.duration(), value)
            case "grouping": spec.grouping = try value.bool()
            case "categories":
                for (name, body) in try value.mapping() {
                    spec.categories.append(try category(name, body))
                }
            case "watchlists":
                for (name, body) in try value.mapping() {
                    spec.watchlists.append(try watchlist(name, body))
                }
            default: break
            }
        }
        return spec
    }

    private static func checkName(_ name: String, _ field: YAMLField) throws {
        guard Slug.isValid(name, underscore: true), name.count <= 40 else {
            throw field.error("`\(name)`: a category or list name is lower-case letters, digits, `-` and `_` (e.g. foreign-ngo)")
        }
    }

    private static func category(_ name: String, _ field: YAMLField) throws -> CategorySpec {
        try checkName(name, field)
        var c = CategorySpec(name: name)
        for (key, value) in try field.mapping(allowed: categoryKeys) {
            switch key {
            case "terms": c.terms = try terms(value)
            case "negative": c.negative = try terms(value)
            case "regex": c.regexes = try terms(value, isRegex: true)
            case "threshold": c.threshold = try number(value, min: 0.01)
            case "replace": c.replaceBuiltIn = try value.bool()
            case "enabled": c.enabled = try value.bool()
            default: break
            }
        }
        return c
    }

    /// A list whose entries are a plain string (weight 1) or `{term|pattern: …, weight: …, group: …}`.
    private static func terms(_ field: YAMLField, isRegex: Bool = false) throws -> [TermSpec] {
        let textKey = isRegex ? "pattern" : "term"
        return try field.sequence().map { entry in
            var spec: TermSpec
            if entry.node.kind == .scalar {
                spec = TermSpec(try entry.nonEmptyString())
            } else {
                let pairs = try entry.mapping(allowed: [textKey, "weight", "group"])
                guard let text = pairs.first(where: { $0.key == textKey })?.value else {
                    throw entry.error("needs `\(textKey):`")
                }
                spec = TermSpec(try text.nonEmptyString())
                if let w = pairs.first(where: { $0.key == "weight" })?.value { spec.weight = try number(w, min: 0) }
                if let g = pairs.first(where: { $0.key == "group" })?.value { spec.group = try g.nonEmptyString() }
            }
            if isRegex {
                do { _ = try NSRegularExpression(pattern: spec.text) } catch {
                    throw entry.error("not a valid regular expression: \(spec.text)")
                }
            }
            return spec
        }
    }

    private static func watchlist(_ name: String, _ field: YAMLField) throws -> WatchListSpec {
        try checkName(name, field)
        let entries = try field.sequence().map { entry -> WatchListSpec.Entry in
            if entry.node.kind == .scalar { return .init(name: try entry.nonEmptyString(), aliases: []) }
            let pairs = try entry.mapping(allowed: ["name", "aliases"])
            guard let n = pairs.first(where: { $0.key == "name" })?.value else { throw entry.error("needs `name:`") }
            let aliases = try pairs.first(where: { $0.key == "aliases" })?.value.stringList() ?? []
            return .init(name: try n.nonEmptyString(), aliases: aliases.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
        }
        return WatchListSpec(name: name, entries: entries)
    }

    static func number(_ field: YAMLField, min: Double) throws -> Double {
        guard let v = Double(try field.string()), v.isFinite else { throw field.error("expected a number") }
        if v < min { throw field.error("must be at least \(min)") }
        return v
    }
}
