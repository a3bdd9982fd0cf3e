import Foundation
import Model

/// The rules in the form the classifier scans with: every term folded (Traditional → Simplified,
/// NFKC, lower case) into one Aho–Corasick matcher, and the regular expressions compiled.
/// Building it folds thousands of terms and builds ICU's Traditional → Simplified table, so
/// `Classifier` builds it only on its first `classify` call (a pass with nothing new never does).
struct CompiledRules: Sendable {
    enum Use: Sendable {
        case term(category: Int, weight: Double, group: String, negative: Bool)
        case watch(list: String, name: String)
        /// A literal that lets a regular expression run (see `RegexRule.triggers`).
        case trigger(regex: Int)
    }

    struct CompiledRegex: @unchecked Sendable {
        var category: Int
        var regex: NSRegularExpression
        var weight: Double
        var group: String
        /// Runs only when one of its trigger literals was found by the term scan.
        var triggered: Bool
        var label: String
    }

    let matcher: TermMatcher
    /// Folded terms, indexed like the matcher's hits, and what each one is used for.
    let texts: [String]
    let uses: [[Use]]
    let regexes: [CompiledRegex]

    init(rules: DetectionRules) {
        var index: [String: Int] = [:]
        var texts: [String] = []
        var uses: [[Use]] = []
        var substrings = Set<Int>()
        func add(_ raw: String, _ use: Use) {
            let folded = TextNormalizer.fold(raw).trimmedWhitespace()
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
}
