import Foundation
import Model

/// Decides which differences between two versions of a watched page are worth an alert.
///
/// Pages change all the time without saying anything new: visit counters, "Last updated" dates,
/// clocks, today's weekday, session tokens in links, copyright years. Each text unit (a line, or a
/// Chinese sentence) is compared after masking those parts, so a page whose only change is a
/// counter or a date shows no difference at all. The diff shown to the user keeps the real text.
public struct PageNoise: Sendable {
    /// `ignore_patterns:` plus, unless switched off, the built-in patterns below.
    public let patterns: [String]
    public let minChange: Int
    public let onlyAdded: Bool
    private let compiled: [NSRegularExpressionBox]

    /// Dates, times, weekdays, counters and tokens, in Chinese and English. Public so docs and tests
    /// can show them; `builtIn: false` (`noise: off` in feeds.yml) switches them off.
    public static let builtInPatterns: [String] = [
        // Dates: 2026-03-05, 2026/3/5, 2026.03.05, 2026年3月5日, 3月5日, 2026年3月, 05/03/2026.
        "\\d{4}\\s*[-/.年]\\s*\\d{1,2}\\s*[-/.月]\\s*\\d{1,2}\\s*日?",
        "\\d{4}\\s*年\\s*\\d{1,2}\\s*月", "\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日", "\\b\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}\\b",
        // March 5, 2026 · 5 March 2026 · Mar. 5 · September 2025.
        "\\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\\.?\\s+\\d{1,2}(st|nd|rd|th)?(,?\\s+\\d{4})?\\b",
        "\\b\\d{1,2}(st|nd|rd|th)?\\s+(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\\.?,?(\\s+\\d{4})?\\b",
        "\\b(january|february|march|april|may|june|july|august|september|october|november|december)\\s+\\d{4}\\b",
        "\\b\\d{1,2}[- ](jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?[- ]\\d{2,4}\\b",
        "[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月([一二三四五六七八九十]{1,3}日)?",
        // Relative times and Unix timestamps: "5 hours ago", "3分钟前", 1741150000.
        "\\b\\d+\\s*(seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\\s+ago\\b",
        "\\d+\\s*(秒|分钟|小时|天|周|个月|年)前", "(刚刚|今天|昨天|前天)", "\\b1[5-9]\\d{8}(\\d{3})?\\b",
        // Weekdays and times of day.
        "(星期|礼拜|周)[一二三四五六日天]", "\\b(mon|tues|wednes|thurs|fri|satur|sun)day\\b", "\\b(mon|tue|wed|thu|fri|sat|sun)\\b",
        "\\d{1,2}:\\d{2}(:\\d{2})?(\\.\\d+)?\\s*([ap]\\.?m\\.?)?", "(上午|下午|凌晨|晚上)?\\d{1,2}\\s*[时点]\\s*(\\d{1,2}\\s*分)?",
        // Counters: 访问量：12345, 阅读 1.2万, 浏览次数(88), 1,234 views, Visitors: 5678, You are visitor number 42.
        "(访问|浏览|阅读|点击|访客|在线|人气|热度|次数|点赞|评论|转发|收藏|分享)[量数次人]*\\D{0,6}?\\d[\\d,.]*\\s*[万千kKmM]?",
        "\\d[\\d,.]*\\s*[万千]?\\s*(次|人次|人)?(浏览|阅读|访问|点击|在线|点赞|评论|转发)",
        "\\b(views?|visits?|visitors?|hits|page\\s?views|reads|clicks|online|likes|shares|comments|downloads)\\b\\D{0,12}?\\d[\\d,.]*\\s*[km]?",
        "\\d[\\d,.]*\\s*[km]?\\s+(views|visits|visitors|hits|reads|clicks|times|people online|users online|likes|shares|comments|downloads)\\b",
        "visitor\\s*(number|no\\.?|#)\\s*\\d+",
        // Session tokens and cache busters in text and links.
        "\\b(sid|sessionid|session_id|jsessionid|phpsessid|token|csrf[\\w-]*|nonce|timestamp|_t|rand)\\s*[=:]\\s*[\\w.%-]+",
        "\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b", "\\b[0-9a-f]{16,}\\b",
        "(?=[a-z0-9+/_-]*\\d)(?=[a-z0-9+/_-]*[a-z])[a-z0-9+/_-]{24,}={0,2}",
        // Copyright years.
        "(©|\\(c\\)|copyright|版权所有)\\s*(\\d{4}\\s*[-–]\\s*)?\\d{4}",
    ]

    /// Units at most this long (after masking) also ignore their remaining digits: a changed number
    /// in a short line ("共 123 条", "第 1/15 页") is a counter, not news.
    static let shortUnit = 40

    public init(patterns: [String] = [], builtIn: Bool = true, minChange: Int = 0, onlyAdded: Bool = false) {
        self.patterns = (builtIn ? Self.builtInPatterns : []) + patterns
        self.minChange = minChange
        self.onlyAdded = onlyAdded
        self.compiled = (builtIn ? Self.builtInCompiled : []) + Self.compile(patterns)
    }

    /// Compiled once per process: every page source with a change would otherwise compile them again.
    private static let builtInCompiled = compile(builtInPatterns, literals: NoiseRegex.builtInLiterals,
                                                 tokenRuns: NoiseRegex.builtInTokenRuns)

    private static func compile(_ patterns: [String], literals: [String: [String]] = [:],
                                tokenRuns: [String: Int] = [:]) -> [NSRegularExpressionBox] {
        patterns.compactMap { pattern in
            (try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive])).map {
                NSRegularExpressionBox(regex: $0, needsDigit: NoiseRegex.requiresDigit(pattern),
                                       needsOneOf: (literals[pattern] ?? []).map { Array($0.lowercased().utf8) },
                                       needsTokenRun: tokenRuns[pattern] ?? 0)
            }
        }
    }

    public init(spec: SourceSpec) {
        self.init(patterns: spec.ignorePatterns, builtIn: spec.builtInNoise, minChange: spec.minChange,
                  onlyAdded: spec.onlyAdded)
    }

    /// The unit with every noisy part replaced by one placeholder.
    public func mask(_ unit: String) -> String {
        var s = unit
        // Most patterns cannot match text without a digit, and most lines of a page have none;
        // some others need a word such as "day" or a "=". Replacing only ever puts "§" where text
        // was, which creates neither, so what the unit lacks here it lacks at every step below.
        let hasDigit = NoiseRegex.containsDecimalDigit(unit)
        let folded = NoiseRegex.Folded(unit)
        var range = NSRange(location: 0, length: s.utf16.count)
        for box in compiled where (hasDigit || !box.needsDigit) && folded.containsAny(box.needsOneOf)
            && folded.hasTokenRun(box.needsTokenRun) {
            // Most patterns find nothing in a given unit; looking is cheaper than building the
            // unchanged copy that replacing returns.
            guard box.regex.firstMatch(in: s, range: range) != nil else { continue }
            s = box.regex.stringByReplacingMatches(in: s, range: range, withTemplate: "§")
            range = NSRange(location: 0, length: s.utf16.count)
        }
        if s.count <= Self.shortUnit {
            s = String(s.unicodeScalars.filter { !("0"..."9").contains($0) }.map(Character.init))
        }
        return s
    }

    /// A line diff of the two texts where units equal after masking count as unchanged.
    ///
    /// Masking runs some thirty regular expressions per unit, so the units the two versions share
    /// at their start and end (most of a page, usually) are not masked: they stay matched to each
    /// other under positional keys no masked unit can equal. Matching a common prefix and suffix never makes
    /// an edit script longer, so the diff is as small as with every unit masked.
    public func diff(old: String, new: String, context: Int = 1) -> [DiffLine] {
        let a = LineDiff.units(old), b = LineDiff.units(new)
        var prefix = 0
        while prefix < min(a.count, b.count), a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < min(a.count, b.count) - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        var masked: [String: String] = [:]
        func key(_ unit: String) -> String {
            if let k = masked[unit] { return k }
            let k = mask(unit)
            masked[unit] = k
            return k
        }
        // Units are compared as keys would be (prefix and suffix by position, the rest masked),
        // but a unit is only masked when the diff compares it with a different one: a change
        // in a few places then masks a few units, not every unit between them.
        let endA = a.count - suffix, endB = b.count - suffix
        return LineDiff.diff(a, b, context: context) { i, j in
            let inPrefixA = i < prefix, inPrefixB = j < prefix
            if inPrefixA || inPrefixB { return inPrefixA && inPrefixB && i == j }
            let inSuffixA = i >= endA, inSuffixB = j >= endB
            if inSuffixA || inSuffixB { return inSuffixA && inSuffixB && a.count - i == b.count - j }
            return a[i] == b[j] || key(a[i]) == key(b[j])
        }
    }

    /// Whether a diff is worth an alert: some change, text added when `only: added`, and at least
    /// `min_change` characters changed (an edited sentence counts only its differing part).
    public func isSignificant(_ diff: [DiffLine]) -> Bool {
        let added = diff.filter { $0.op == .added }.map(\.text)
        let removed = diff.filter { $0.op == .removed }.map(\.text)
        if added.isEmpty && (onlyAdded || removed.isEmpty) { return false }
        guard minChange > 0 else { return true }
        return Self.changedCharacters(added: added, removed: removed) >= minChange
    }

    static func changedCharacters(added: [String], removed: [String]) -> Int {
        var total = 0
        for i in 0..<max(added.count, removed.count) {
            let a = i < added.count ? Array(added[i]) : [], r = i < removed.count ? Array(removed[i]) : []
            var prefix = 0
            while prefix < min(a.count, r.count), a[prefix] == r[prefix] { prefix += 1 }
            var suffix = 0
            while suffix < min(a.count, r.count) - prefix, a[a.count - 1 - suffix] == r[r.count - 1 - suffix] { suffix += 1 }
            total += a.count + r.count - 2 * (prefix + suffix)
        }
        return total
    }
}

/// NSRegularExpression is immutable and thread-safe once built, but not marked Sendable.
struct NSRegularExpressionBox: @unchecked Sendable {
    let regex: NSRegularExpression
    /// Every match contains a decimal digit (see `NoiseRegex.requiresDigit`).
    let needsDigit: Bool
    /// Every match contains one of these (lower-cased UTF-8; empty: no such knowledge).
    let needsOneOf: [[UInt8]]
    /// Every match is a run of at least this many `[a-z0-9+/_-]` characters (0: no such knowledge).
    let needsTokenRun: Int
}
