import Foundation
import Model

/// CSS selectors (the subset list pages need) → XPath 1.0, evaluated relative to the context
/// node (the document for `items`, the item for its fields).
///
/// Supported: type and `*`, `#id`, `.class`, `[a]`, `[a=v]`, `[a^=v]`, `[a*=v]`, `[a$=v]`,
/// `:first-child`, `:last-child`, `:nth-child(n|odd|even)`, `:not(simple selector)`, descendant
/// (space), child (`>`), adjacent (`+`) and sibling (`~`) combinators, and comma lists.
enum CSSToXPath {
    static func translate(_ css: String) throws -> String {
        var parser = CSSParser(Array(css), original: css)
        let parts = try parser.selectorList()
        return parts.joined(separator: " | ")
    }
}

private struct CSSParser {
    let s: [Character]
    let original: String
    var i = 0

    init(_ s: [Character], original: String) {
        self.s = s
        self.original = original
    }

    func error(_ why: String) -> ParseError {
        ParseError.invalidSelector(expression: "css:" + original, reason: why)
    }

    mutating func skipSpaces() -> Bool {
        let start = i
        while i < s.count, s[i].isWhitespace { i += 1 }
        return i > start
    }

    mutating func selectorList() throws -> [String] {
        var out = [String]()
        repeat {
            _ = skipSpaces()
            out.append(try complex())
            _ = skipSpaces()
            if i < s.count, s[i] == "," { i += 1; continue }
            break
        } while true
        guard i == s.count else { throw error("unexpected \"\(s[i])\"") }
        return out
    }

    mutating func complex() throws -> String {
        var xpath = "descendant::" + (try compound())
        while true {
            let spaced = skipSpaces()
            guard i < s.count, s[i] != "," , s[i] != ")" else { break }
            var axis = "/descendant::"
            if s[i] == ">" { axis = "/"; i += 1; _ = skipSpaces() }
            else if s[i] == "+" { axis = "/following-sibling::*[1]/self::"; i += 1; _ = skipSpaces() }
            else if s[i] == "~" { axis = "/following-sibling::"; i += 1; _ = skipSpaces() }
            else if !spaced { throw error("expected a combinator") }
            xpath += axis + (try compound())
        }
        return xpath
    }

    mutating func name() -> String {
        var n = ""
        while i < s.count, s[i].isLetter || s[i].isNumber || s[i] == "-" || s[i] == "_" { n.append(s[i]); i += 1 }
        return n
    }

    mutating func compound() throws -> String {
        var element = "*"
        if i < s.count, s[i] == "*" { i += 1 } else {
            let n = name()
            if !n.isEmpty { element = n.lowercased() }
        }
        var conditions = [String]()
        while i < s.count {
            switch s[i] {
            case "#":
                i += 1
                let n = name()
                guard !n.isEmpty else { throw error("empty id") }
                conditions.append("@id=\(literal(n))")
            case ".":
                i += 1
                let n = name()
                guard !n.isEmpty else { throw error("empty class") }
                conditions.append("contains(concat(' ', normalize-space(@class), ' '), \(literal(" " + n + " ")))")
            case "[":
                conditions.append(try attribute())
            case ":":
                conditions.append(try pseudo())
            default:
                if element == "*" && conditions.isEmpty { throw error("expected a selector at \"\(s[i])\"") }
                return element + conditions.map { "[\($0)]" }.joined()
            }
        }
        if element == "*" && conditions.isEmpty && (i == 0 || s[i - 1] != "*") { throw error("empty selector") }
        return element + conditions.map { "[\($0)]" }.joined()
    }

    mutating func attribute() throws -> String {
        i += 1
        _ = skipSpaces()
        let attr = name().lowercased()
        guard !attr.isEmpty else { throw error("empty attribute name") }
        _ = skipSpaces()
        guard i < s.count else { throw error("unclosed [") }
        if s[i] == "]" { i += 1; return "@\(attr)" }
        var op = ""
        if "^*$~|".contains(s[i]) { op = String(s[i]); i += 1 }
        guard i < s.count, s[i] == "=" else { throw error("bad attribute operator") }
        i += 1
        _ = skipSpaces()
        var value = ""
        if i < s.count, s[i] == "\"" || s[i] == "'" {
            let q = s[i]
            i += 1
            while i < s.count, s[i] != q { value.append(s[i]); i += 1 }
            guard i < s.count else { throw error("unclosed string") }
            i += 1
        } else {
            value = name()
        }
        _ = skipSpaces()
        guard i < s.count, s[i] == "]" else { throw error("unclosed [") }
        i += 1
        let v = literal(value)
        switch op {
        case "": return "@\(attr)=\(v)"
        case "^": return "starts-with(@\(attr), \(v))"
        case "*": return "contains(@\(attr), \(v))"
        case "$": return "substring(@\(attr), string-length(@\(attr)) - string-length(\(v)) + 1)=\(v)"
        case "~": return "contains(concat(' ', normalize-space(@\(attr)), ' '), \(literal(" " + value + " ")))"
        default: return "@\(attr)=\(v) or starts-with(@\(attr), \(literal(value + "-")))"
        }
    }

    mutating func pseudo() throws -> String {
        i += 1
        let n = name().lowercased()
        switch n {
        case "first-child": return "not(preceding-sibling::*)"
        case "last-child": return "not(following-sibling::*)"
        case "nth-child", "not":
            guard i < s.count, s[i] == "(" else { throw error(":\(n) needs an argument") }
            i += 1
            _ = skipSpaces()
            if n == "not" {
                let inner = try compound()
                _ = skipSpaces()
                guard i < s.count, s[i] == ")" else { throw error("unclosed :not(") }
                i += 1
                // self::x[cond] tests the context node against the inner selector.
                return "not(self::\(inner))"
            }
            var arg = ""
            while i < s.count, s[i] != ")" { arg.append(s[i]); i += 1 }
            guard i < s.count else { throw error("unclosed :nth-child(") }
            i += 1
            let a = arg.trimmingCharacters(in: .whitespaces).lowercased()
            if a == "odd" { return "count(preceding-sibling::*) mod 2 = 0" }
            if a == "even" { return "count(preceding-sibling::*) mod 2 = 1" }
            guard let k = Int(a), k > 0 else { throw error("unsupported :nth-child(\(arg))") }
            return "count(preceding-sibling::*) = \(k - 1)"
        default:
            throw error("unsupported pseudo-class :\(n)")
        }
    }

    func literal(_ v: String) -> String {
        if !v.contains("'") { return "'\(v)'" }
        if !v.contains("\"") { return "\"\(v)\"" }
        return "concat('" + v.replacingOccurrences(of: "'", with: "', \"'\", '") + "')"
    }
}
