import Foundation
import Model

/// What the classifier found in one item or page change.
public struct Classification: Sendable, Equatable {
    public var categories: [CategoryScore]
    /// Every rule that fired, kept also for categories that stayed under their threshold, so a
    /// user tuning the vocabulary sees why an item was (not) assigned.
    public var matches: [RuleMatch]
    public var watchlist: [WatchHit]

    public init(categories: [CategoryScore] = [], matches: [RuleMatch] = [], watchlist: [WatchHit] = []) {
        self.categories = categories
        self.matches = matches
        self.watchlist = watchlist
    }

    /// Whether anything at all was found (used by `alert_on: categorized`).
    public var isEmpty: Bool { categories.isEmpty && watchlist.isEmpty }
}

/// Scores items against `DetectionRules`.
///
/// Scoring: each matched term counts once, at its weight times the factor of the best field it was
/// found in (title 1.0, summary 0.9, content 0.6, added text 1.0). Terms sharing a `group` count
/// only their best member, so synonyms ("arrested", "detained") do not add up while independent
/// evidence does (an enforcement action *and* a civil-society target). Negative terms subtract.
/// A category is assigned when its score reaches its threshold. A longer match hides the shorter
/// matches inside it ("regulation time" hides "regulation", 交通法规 hides 法规).
public final class Classifier: Sendable {
    public let rules: DetectionRules
    private let lock = NSLock()
    nonisolated(unsafe) private var built: CompiledRules?

    /// Cheap: the rules are compiled on the first `classify` call (see `CompiledRules`).
    public init(rules: DetectionRules) {
        self.rules = rules
    }

    public convenience init(spec: DetectionSpec) {
        self.init(rules: DetectionRules(spec: spec))
    }

    /// The compiled rules, built once by whichever thread classifies first; the others wait for it.
    private var compiled: CompiledRules {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        let c = CompiledRules(rules: rules)
        built = c
        return c
    }

    /// Builds the compiled rules now (for timing the build apart from classification).
    public func prepare() { _ = compiled }

    /// Classifies one item (or page change). `sourceCategory` holds the source's `category:` hints:
    /// those categories are assigned whatever the text says, and the rules still run for the others.
    public func classify(title: String, summary: String? = nil, content: String? = nil, addedText: String? = nil,
                         sourceCategory: [String] = []) -> Classification {
        let compiled = self.compiled
        let (matcher, texts, uses, regexes) = (compiled.matcher, compiled.texts, compiled.uses, compiled.regexes)
        let fields: [(String, String?)] = [("title", title), ("summary", summary), ("content", content), ("added", addedText)]
        // best[category][group] = (weight × factor, match)
        var best = Array(repeating: [String: (Double, RuleMatch)](), count: rules.categories.count)
        // Positive groups matched in the title, per category (see `Category.weakEvidenceNegatives`).
        var titleGroups = Array(repeating: Set<String>(), count: rules.categories.count)
        var watch: [WatchHit] = []
        var watchSeen = Set<String>()
        func record(_ ci: Int, _ group: String, _ value: Double, _ m: RuleMatch, inQuotedName: Bool = false) {
            // Only clear evidence counts (a place such as 香港 at 0.4 does not).
            if m.field == "title", value >= 0.5, !inQuotedName { titleGroups[ci].insert(group) }
            if let old = best[ci][group], abs(old.0) >= abs(value) { return }
            best[ci][group] = (value, m)
        }
        for (field, raw) in fields {
            guard let raw, !raw.isEmpty else { continue }
            let factor = rules.fieldFactors[field] ?? 1.0
            let folded = TextNormalizer.fold(raw)
            let bytes = Array(folded.utf8)
            let hits = matcher.hits(in: bytes)
            let spans = categorySpans(hits, uses)
            // Words inside a named instrument (《…约谈工作规定》) describe the instrument, not an event.
            let quoted = field == "title" ? Self.quotedNames(bytes) : []
            var triggered = Set<Int>()
            for hit in hits {
                for use in uses[hit.term] {
                    switch use {
                    case let .trigger(regex):
                        triggered.insert(regex)
                    case let .term(ci, weight, group, negative):
                        if Self.isInside(hit, spans[ci]) { continue }
                        let value = (negative ? -weight : weight) * factor
                        record(ci, group, value, RuleMatch(category: rules.categories[ci].name, term: texts[hit.term],
                                                           field: field, weight: Self.round(value)),
                               inQuotedName: quoted.contains { $0.0 <= hit.start && hit.end <= $0.1 })
                    case let .watch(list, name):
                        let alias = String(decoding: bytes[hit.start..<hit.end], as: UTF8.self)
                        if watchSeen.insert(list + "\u{0}" + name).inserted {
                            watch.append(WatchHit(list: list, name: name, alias: alias))
                        }
                    }
                }
            }
            for (ri, r) in regexes.enumerated() {
                if r.triggered && !triggered.contains(ri) { continue }
                let ns = folded as NSString
                guard let m = r.regex.firstMatch(in: folded, range: NSRange(location: 0, length: ns.length)) else { continue }
                let value = r.weight * factor
                let found = ns.substring(with: m.range)
                record(r.category, r.group, value, RuleMatch(category: rules.categories[r.category].name,
                                                             term: "\(r.label): \(found)", field: field,
                                                             weight: Self.round(value)))
            }
        }
        var categories: [CategoryScore] = []
        var matches: [RuleMatch] = []
        for (ci, c) in rules.categories.enumerated() {
            if titleGroups[ci].count >= 2 {
                for g in c.weakEvidenceNegatives { best[ci]["-" + g] = nil }
            }
            let score = best[ci].values.reduce(0) { $0 + $1.0 }
            // Weight-0 terms only hide shorter terms; they explain nothing.
            matches += best[ci].values.map(\.1).filter { $0.weight != 0 }.sorted(by: Self.explainsMore)
            if sourceCategory.contains(c.name) {
                matches.append(RuleMatch(category: c.name, term: "category of the source", field: "source", weight: c.threshold))
                categories.append(CategoryScore(name: c.name, score: Self.round(max(score, c.threshold))))
            } else if score >= c.threshold - 1e-9, score > 0 {
                categories.append(CategoryScore(name: c.name, score: Self.round(score)))
            }
        }
        // A hint naming a category without rules still applies.
        for hint in sourceCategory where !rules.categories.contains(where: { $0.name == hint }) {
            matches.append(RuleMatch(category: hint, term: "category of the source", field: "source", weight: 1))
            categories.append(CategoryScore(name: hint, score: 1))
        }
        categories.sort { $0.score > $1.score }
        return Classification(categories: categories, matches: matches, watchlist: watch)
    }

    /// For each category, the spans of its hits: a hit strictly inside a longer hit of the same
    /// category is hidden ("regulation time" hides "regulation"; 交通法规 hides 法规).
    private func categorySpans(_ hits: [TermMatcher.Hit], _ uses: [[CompiledRules.Use]]) -> [[(Int, Int)]] {
        var spans = Array(repeating: [(Int, Int)](), count: rules.categories.count)
        guard hits.count > 1 else { return spans }
        for h in hits {
            for use in uses[h.term] {
                if case let .term(ci, _, _, _) = use { spans[ci].append((h.start, h.end)) }
            }
        }
        return spans
    }

    /// Byte ranges between 《 and 》 in folded text.
    private static func quotedNames(_ bytes: [UInt8]) -> [(Int, Int)] {
        let open: [UInt8] = Array("《".utf8), close: [UInt8] = Array("》".utf8)
        var ranges: [(Int, Int)] = []
        var start: Int?
        var i = 0
        while i + 3 <= bytes.count {
            if bytes[i] == open[0], bytes[i + 1] == open[1], bytes[i + 2] == open[2] { start = i + 3; i += 3; continue }
            if bytes[i] == close[0], bytes[i + 1] == close[1], bytes[i + 2] == close[2], let s = start {
                ranges.append((s, i)); start = nil; i += 3; continue
            }
            i += 1
        }
        return ranges
    }

    private static func isInside(_ h: TermMatcher.Hit, _ spans: [(Int, Int)]) -> Bool {
        spans.contains { $0.0 <= h.start && h.end <= $0.1 && ($0.1 - $0.0) > (h.end - h.start) }
    }

    /// Strongest first; equal weights in a fixed order (title, summary, content, added, then the term),
    /// so the same text always explains itself the same way (the rules sit in a dictionary, whose
    /// order changes from one process to the next).
    static func explainsMore(_ a: RuleMatch, _ b: RuleMatch) -> Bool {
        if abs(a.weight) != abs(b.weight) { return abs(a.weight) > abs(b.weight) }
        let fa = fieldOrder.firstIndex(of: a.field) ?? fieldOrder.count
        let fb = fieldOrder.firstIndex(of: b.field) ?? fieldOrder.count
        if fa != fb { return fa < fb }
        return (a.term, a.weight) < (b.term, b.weight)
    }

    private static let fieldOrder = ["title", "summary", "content", "added"]

    static func round(_ v: Double) -> Double { (v * 100).rounded() / 100 }
}
