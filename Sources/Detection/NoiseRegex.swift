import Foundation

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

    /// For built-in patterns that need no digit, text every match contains one of (compared
    /// ignoring ASCII case, as the patterns are compiled). Keyed by the pattern's exact text, so an
    /// edited pattern simply loses its entry; `testMaskingSkipsOnlyPatternsThatCannotMatch` checks
    /// the result against running every pattern.
    static let builtInLiterals: [String: [String]] = [
        "[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月([一二三四五六七八九十]{1,3}日)?": ["年"],
        "(刚刚|今天|昨天|前天)": ["刚刚", "今天", "昨天", "前天"],
        "(星期|礼拜|周)[一二三四五六日天]": ["星期", "礼拜", "周"],
        "\\b(mon|tues|wednes|thurs|fri|satur|sun)day\\b": ["day"],
        "\\b(mon|tue|wed|thu|fri|sat|sun)\\b": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
        "\\b(sid|sessionid|session_id|jsessionid|phpsessid|token|csrf[\\w-]*|nonce|timestamp|_t|rand)\\s*[=:]\\s*[\\w.%-]+": ["=", ":"],
        "\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b": ["-"],
    ]

    /// For built-in patterns whose every match is a run of at least this many characters of
    /// `[a-z0-9+/_-]` (the long-token pattern, which no digit or word screens): the costliest of
    /// the patterns on page text, run on every masked unit before. Keyed like `builtInLiterals`.
    static let builtInTokenRuns: [String: Int] = [
        "(?=[a-z0-9+/_-]*\\d)(?=[a-z0-9+/_-]*[a-z])[a-z0-9+/_-]{24,}={0,2}": 24,
    ]

    /// A unit's text with ASCII letters lower-cased, for `containsAny`, and its longest run of
    /// token characters, for `hasTokenRun`.
    struct Folded {
        private let bytes: [UInt8]
        /// ICU's case-insensitive matching folds ſ (U+017F) to s and the Kelvin sign (U+212A) to
        /// k, so text holding either is not screened at all.
        private let screenable: Bool
        private let longestTokenRun: Int

        init(_ text: String) {
            var b = Array(text.utf8)
            var screenable = true
            var run = 0, longest = 0
            for i in b.indices {
                let x = b[i]
                if x >= 0x41 && x <= 0x5A { b[i] = x | 0x20 }
                if x == 0xC5, i + 1 < b.count, b[i + 1] == 0xBF { screenable = false }
                if x == 0xE2, i + 2 < b.count, b[i + 1] == 0x84, b[i + 2] == 0xAA { screenable = false }
                let y = b[i]
                if (y >= 0x61 && y <= 0x7A) || (y >= 0x30 && y <= 0x39) || y == 0x2B || y == 0x2F || y == 0x5F || y == 0x2D {
                    run += 1
                    longest = max(longest, run)
                } else {
                    run = 0
                }
            }
            bytes = b
            self.screenable = screenable
            longestTokenRun = longest
        }

        /// Whether the text may hold `length` token characters in a row. Masking only ever puts
        /// "§" in place of text, which ends a run, so what the unit lacks here it lacks later too.
        func hasTokenRun(_ length: Int) -> Bool {
            length == 0 || !screenable || longestTokenRun >= length
        }

        func containsAny(_ literals: [[UInt8]]) -> Bool {
            if literals.isEmpty || !screenable { return true }
            return bytes.withUnsafeBufferPointer { h in
                literals.contains { needle in
                    guard let first = needle.first, needle.count <= h.count else { return false }
                    var i = 0
                    while i + needle.count <= h.count {
                        guard let p = memchr(h.baseAddress! + i, Int32(first), h.count - needle.count - i + 1) else { return false }
                        i = h.baseAddress!.distance(to: p.assumingMemoryBound(to: UInt8.self))
                        if memcmp(h.baseAddress! + i, needle, needle.count) == 0 { return true }
                        i += 1
                    }
                    return false
                }
            }
        }
    }
}

