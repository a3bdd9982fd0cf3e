/// What a noise pattern needs before it can match, so masking skips patterns that cannot.
enum NoiseRegex {
    /// True when every match of `pattern` contains a decimal digit: the pattern has a `\d` that is
    /// outside every group and character class, is not made optional by its quantifier, and the
    /// pattern has no top-level alternation. Anything else answers false, which only costs time.
    static func requiresDigit(_ pattern: String) -> Bool {
        let c = Array(pattern.unicodeScalars)
        var i = 0, depth = 0, found = false
        while i < c.count {
            switch c[i] {
            case "\\":
                if depth == 0, i + 1 < c.count, c[i + 1] == "d", !optionalQuantifier(c, at: i + 2) { found = true }
                i += 2
            case "[":
                // Skip the class: a `]` right after `[` or `[^` is a literal.
                i += 1
                if i < c.count, c[i] == "^" { i += 1 }
                if i < c.count, c[i] == "]" { i += 1 }
                while i < c.count, c[i] != "]" { i += c[i] == "\\" ? 2 : 1 }
                i += 1
            case "(":
                depth += 1
                i += 1
            case ")":
                depth -= 1
                i += 1
            case "|":
                if depth == 0 { return false }
                i += 1
            default:
                i += 1
            }
        }
        return found && depth == 0
    }

    /// `?`, `*` or a `{0…}` quantifier after position `i` lets the atom before it match nothing.
    private static func optionalQuantifier(_ c: [Unicode.Scalar], at i: Int) -> Bool {
        guard i < c.count else { return false }
        if c[i] == "?" || c[i] == "*" { return true }
        if c[i] == "{", i + 1 < c.count, c[i + 1] == "0" { return true }
        return false
    }

    /// Whether the text has a character `\d` matches: ICU's `\d` is any Unicode decimal digit
    /// (fullwidth ０–９ on Chinese pages too), not only ASCII.
    static func containsDecimalDigit(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                if scalar.value >= 0x30 && scalar.value <= 0x39 { return true }
            } else if scalar.properties.generalCategory == .decimalNumber {
                return true
            }
        }
        return false
    }
}
