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
    private enum Use: Sendable {
        case term(category: Int, weight: Double, group: String, negative: Bool)
        case watch(list: String, name: String)
        /// A literal that lets a regular expression run (see `RegexRule.triggers`).
        case trigger(regex: Int)
    }

    private struct CompiledRegex: @unchecked Sendable {
        var category: Int
        var regex: NSRegularExpression
        var weight: Double
        var group: String
        /// Runs only when one of its trigger literals was found by the term scan.
        var triggered: Bool
        var label: String
    }

    public let rules: DetectionRules
    private let matcher: TermMatcher
    private let texts: [String]
    private let uses: [[Use]]
    private let regexes: [CompiledRegex]

    public init(rules: DetectionRules) {
        self.rules = rules
        var index: [String: Int] = [:]
        var texts: [String] = []
        var uses: [[Use]] = []
        var substrings = Set<Int>()
        func add(_ raw: String, _ use: Use) {
            let folded = TextNormalizer.fold(raw).trimmingCharacters(in: .whitespaces)
            guard !folded.isEmpty, folded != "*" else { return }
            // Triggers match anywhere; they get their own entry so words keep their boundaries.
            let key: String
            if case .trigger = use { key = "\u{0}" + folded } else { key = folded }
            if let i = index[key] { uses[i].append(use); return }
            index[key] = texts.count
            if case .trigger = use { substrings.insert(texts.count) }
            texts.append(folded)
            uses.append([use])
        }
        var regexes: [CompiledRegex] = []
        for (ci, c) in rules.categories.enumerated() {
            for t in c.terms { add(t.text, .term(category: ci, weight: t.weight, group: t.group ?? "=" + t.text, negative: false)) }
            for t in c.negative { add(t.text, .term(category: ci, weight: t.weight, group: "-" + (t.group ?? t.text), negative: true)) }
            for r in c.regexes {
                // Patterns from feeds.yml were validated when it was read; a bad built-in is a bug.
                guard let re = try? NSRegularExpression(pattern: r.pattern, options: [.caseInsensitive]) else { continue }
                for t in r.triggers { add(t, .trigger(regex: regexes.count)) }
                regexes.append(CompiledRegex(category: ci, regex: re, weight: r.weight, group: r.group ?? "/" + r.pattern,
                                             triggered: !r.triggers.isEmpty, label: r.label ?? r.pattern))
            }
        }
        for list in rules.watchlists {
            for entry in list.entries {
                for alias in [entry.name] + entry.aliases { add(alias, .watch(list: list.name, name: entry.name)) }
            }
        }
        self.texts = texts
        self.uses = uses
        self.regexes = regexes
        self.matcher = TermMatcher(terms: texts, substrings: substrings)
    }

    public convenience init(spec: DetectionSpec) {
        self.init(rules: DetectionRules(spec: spec))
    }

    /// Classifies one item (or page change). `sourceCategory` holds the source's `category:` hints:
    /// those categories are assigned whatever the text says, and the rules still run for the others.
    public func classify(title: String, summary: String? = nil, content: String? = nil, addedText: String? = nil,
                         sourceCategory: [String] = []) -> Classification {
        let fields: [(String, String?)] = [("title", title), ("summary", summary), ("content", content), ("added", addedText)]
        // best[category][group] = (weight × factor, match)
        var best = Array(repeating: [String: (Double, RuleMatch)](), count: rules.categories.count)
        var watch: [WatchHit] = []
        var watchSeen = Set<String>()
        func record(_ ci: Int, _ group: String, _ value: Double, _ m: RuleMatch) {
            if let old = best[ci][group], abs(old.0) >= abs(value) { return }
            best[ci][group] = (value, m)
        }
        for (field, raw) in fields {
            guard let raw, !raw.isEmpty else { continue }
            let factor = rules.fieldFactors[field] ?? 1.0
            let folded = TextNormalizer.fold(raw)
            let bytes = Array(folded.utf8)
            let hits = matcher.hits(in: bytes)
            let spans = categorySpans(hits)
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
                                                           field: field, weight: Self.round(value)))
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
            let score = best[ci].values.reduce(0) { $0 + $1.0 }
            // Weight-0 terms only hide shorter terms; they explain nothing.
            matches += best[ci].values.map(\.1).filter { $0.weight != 0 }.sorted { abs($0.weight) > abs($1.weight) }
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
    private func categorySpans(_ hits: [TermMatcher.Hit]) -> [[(Int, Int)]] {
        var spans = Array(repeating: [(Int, Int)](), count: rules.categories.count)
        guard hits.count > 1 else { return spans }
        for h in hits {
            for use in uses[h.term] {
                if case let .term(ci, _, _, _) = use { spans[ci].append((h.start, h.end)) }
            }
        }
        return spans
    }

    private static func isInside(_ h: TermMatcher.Hit, _ spans: [(Int, Int)]) -> Bool {
        spans.contains { $0.0 <= h.start && h.end <= $0.1 && ($0.1 - $0.0) > (h.end - h.start) }
    }

    static func round(_ v: Double) -> Double { (v * 100).rounded() / 100 }
}
