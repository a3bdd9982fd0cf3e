import Foundation
@testable import Parsing
import Model

/// Evaluates feedparser's `Expect:` Python expressions against our result. Only the vocabulary
/// the corpus uses is understood: `and`, `not`, chained `==`, `entries[i]['key']`, `feed['key']`,
/// `.attr` access, `['content'][0]['value']`, `encoding`, `bozo`, `ord(...)`, string, number and
/// date-tuple literals. Anything about data we do not model (link rel/type, *_detail types,
/// guidislink, enclosures, version…) is reported as not applicable, never as a pass.
struct FeedparserExpect {
    let document: ParsedDocument?
    let channel: FeedItem?
    let error: Error?

    enum Value: Equatable {
        case string(String), date(Date?), int(Int), bool(Bool), tuple([Int]), missing
    }

    struct Unsupported: Error { let reason: String }

    func evaluate(_ expression: String) -> Outcome {
        let expr = expression.trimmingCharacters(in: .whitespaces)
        if expr == "1" { return .pass }
        do {
            for clause in splitTopLevel(expr, on: " and ") {
                var c = clause.trimmingCharacters(in: .whitespaces)
                var negate = false
                if c.hasPrefix("not ") { negate = true; c = String(c.dropFirst(4)) }
                let sides = splitTopLevel(c, on: " == ")
                if sides.count == 1 {
                    let v = try value(of: sides[0])
                    let truthy: Bool
                    switch v {
                    case .bool(let b): truthy = b
                    case .missing: truthy = false
                    case .string(let s): truthy = !s.isEmpty
                    default: truthy = true
                    }
                    if truthy == negate { return .fail("`\(clause)` is \(truthy)") }
                    continue
                }
                let expected = try literal(sides.last!)
                for side in sides.dropLast() {
                    let actual = try (try? literal(side)) ?? value(of: side)
                    if !matches(actual, expected) { return .fail("\(side) = \(actual), expected \(expected)") }
                }
            }
            return .pass
        } catch let u as Unsupported {
            return .notApplicable(u.reason)
        } catch {
            return .fail("\(error)")
        }
    }

    private func matches(_ actual: Value, _ expected: Value) -> Bool {
        switch (actual, expected) {
        case let (.string(a), .string(e)):
            return a == e || a == TextNormalizer.plain(e) || a == TextNormalizer.fromHTML(e)
                || TextNormalizer.plain(a) == TextNormalizer.fromHTML(e)
        case let (.date(a), .tuple(t)):
            guard let a, t.count >= 6 else { return false }
            var cal = Calendar(identifier: .gregorian)
            cal.timeZone = TimeZone(identifier: "UTC")!
            let c = cal.dateComponents([.year, .month, .day, .hour, .minute, .second], from: a)
            return [c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!] == Array(t.prefix(6))
        case let (.date(a), .string(e)):
            return a != nil && a == DateParser.parse(e)
        case let (.int(a), .int(e)): return a == e
        case let (.string(a), .int(e)): return a.unicodeScalars.first.map { Int($0.value) } == e
        default: return actual == expected
        }
    }

    /// Splits at `separator` outside quotes, brackets and parentheses.
    func splitTopLevel(_ s: String, on separator: String) -> [String] {
        var parts = [String]()
        var depth = 0
        var quote: Character?
        var current = ""
        var i = s.startIndex
        while i < s.endIndex {
            let ch = s[i]
            if let q = quote {
                current.append(ch)
                if ch == "\\", s.index(after: i) < s.endIndex { i = s.index(after: i); current.append(s[i]) }
                else if ch == q { quote = nil }
            } else if ch == "'" || ch == "\"" {
                quote = ch; current.append(ch)
            } else if "([{".contains(ch) { depth += 1; current.append(ch) }
            else if ")]}".contains(ch) { depth -= 1; current.append(ch) }
            else if depth == 0, s[i...].hasPrefix(separator) {
                parts.append(current); current = ""
                i = s.index(i, offsetBy: separator.count)
                continue
            } else { current.append(ch) }
            i = s.index(after: i)
        }
        parts.append(current)
        return parts.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// Python literals: strings (with u/r prefixes, triple quotes, escapes), ints, int tuples.
    func literal(_ raw: String) throws -> Value {
        var s = raw.trimmingCharacters(in: .whitespaces)
        if let n = Int(s) { return .int(n) }
        if s.hasPrefix("("), s.hasSuffix(")") {
            let nums = s.dropFirst().dropLast().split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            return .tuple(nums)
        }
        if s.hasPrefix("u'") || s.hasPrefix("u\"") { s.removeFirst() }
        for q in ["\"\"\"", "'", "\""] where s.hasPrefix(q) && s.hasSuffix(q) && s.count >= 2 * q.count {
            return .string(unescape(String(s.dropFirst(q.count).dropLast(q.count))))
        }
        throw Unsupported(reason: "not a literal: \(raw)")
    }

    private func unescape(_ s: String) -> String {
        var out = ""
        var it = Array(s.unicodeScalars)[...]
        while let c = it.popFirst() {
            guard c == "\\", let n = it.popFirst() else { out.unicodeScalars.append(c); continue }
            switch n {
            case "n": out += "\n"
            case "t": out += "\t"
            case "r": out += "\r"
            case "x", "u", "U":
                let len = n == "x" ? 2 : (n == "u" ? 4 : 8)
                let hex = String(String.UnicodeScalarView(it.prefix(len)))
                it = it.dropFirst(len)
                if let v = UInt32(hex, radix: 16), let sc = Unicode.Scalar(v) { out.unicodeScalars.append(sc) }
            default: out.unicodeScalars.append(n)
            }
        }
        return out
    }

    /// A path such as `entries[0]['title']`, `feed.link`, `encoding`, `ord(entries[0]['description'])`.
    func value(of raw: String) throws -> Value {
        let s = raw.trimmingCharacters(in: .whitespaces)
        if s == "bozo" { return .bool(!(document?.wellFormed ?? false)) }
        if s == "encoding" { return .string(document?.encoding ?? "") }
        if s.hasPrefix("ord("), s.hasSuffix(")") {
            guard case .string(let v) = try value(of: String(s.dropFirst(4).dropLast())) else { return .missing }
            return .int(v.unicodeScalars.first.map { Int($0.value) } ?? -1)
        }
        if s.hasPrefix("isinstance") || s.hasPrefix("version") || s.hasPrefix("headers") || s.contains("bozo_exception") {
            throw Unsupported(reason: "feedparser internals: \(s)")
        }
        if let r = s.range(of: ".has_key(") {
            let key = String(s[r.upperBound...].dropLast()).trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
            let v = try field(of: String(s[..<r.lowerBound]), key: key, rest: [])
            return .bool(v != .missing)
        }
        // Tokenise: base, then ['key'] / [n] / .attr
        var tokens = [String]()
        var base = ""
        var i = s.startIndex
        while i < s.endIndex, s[i] != "[", s[i] != "." { base.append(s[i]); i = s.index(after: i) }
        while i < s.endIndex {
            if s[i] == "." {
                var name = ""
                i = s.index(after: i)
                while i < s.endIndex, s[i] != "[", s[i] != "." { name.append(s[i]); i = s.index(after: i) }
                tokens.append(name)
            } else if s[i] == "[" {
                guard let close = s[i...].firstIndex(of: "]") else { throw Unsupported(reason: s) }
                tokens.append(String(s[s.index(after: i)..<close]).trimmingCharacters(in: CharacterSet(charactersIn: "'\"")))
                i = s.index(after: close)
            } else { throw Unsupported(reason: s) }
        }
        var subject = base
        if base == "entries", let first = tokens.first { subject = "entries[\(first)]"; tokens.removeFirst() }
        guard let key = tokens.first else { throw Unsupported(reason: s) }
        return try field(of: subject, key: key, rest: Array(tokens.dropFirst()))
    }

    private func field(of subject: String, key: String, rest: [String]) throws -> Value {
        let item: FeedItem?
        if subject == "feed" || subject == "channel" {
            item = channel
        } else if subject.hasPrefix("entries[") {
            let n = Int(subject.dropFirst(8).dropLast()) ?? 0
            guard let items = document?.items, n < items.count else { return .missing }
            item = items[n]
        } else { throw Unsupported(reason: subject) }
        guard let item else { return .missing }
        func opt(_ s: String?) -> Value { s.map { .string($0) } ?? .missing }
        if subject == "feed", key == "title" { return opt(document?.title) }
        switch (key, rest.first, rest.dropFirst().first) {
        case ("title", nil, _): return .string(item.title)
        case ("title_detail", "value", _): return .string(item.title)
        case ("link", nil, _): return opt(item.link)
        case ("links", _, "href"): return opt(item.link)
        case ("id", nil, _), ("guid", nil, _): return opt(item.id)
        case ("summary", nil, _), ("description", nil, _), ("summary_detail", "value", _): return opt(item.summary ?? item.content)
        case ("content", _, "value"): return opt(item.content ?? item.summary)
        case ("author", nil, _), ("author_detail", "name", _): return opt(item.author)
        case ("published_parsed", nil, _), ("issued_parsed", nil, _), ("created_parsed", nil, _),
             ("published", nil, _), ("issued", nil, _), ("created", nil, _):
            return .date(item.published)
        case ("updated_parsed", nil, _), ("modified_parsed", nil, _), ("date_parsed", nil, _),
             ("updated", nil, _), ("modified", nil, _), ("date", nil, _):
            return .date(item.updated ?? item.published)
        default:
            throw Unsupported(reason: "field not modeled: \(key)\(rest.isEmpty ? "" : "/" + rest.joined(separator: "/"))")
        }
    }
}
