import Foundation
import Model

/// One labelled item of an evaluation set (JSON Lines, one object per line).
public struct EvalItem: Sendable, Decodable {
    public var title: String
    public var summary: String?
    public var lang: String?
    /// feed, list or page; informative only.
    public var sourceType: String?
    /// The categories a monitor would assign (empty: noise).
    public var expected: [String]
    public var note: String?

    enum CodingKeys: String, CodingKey {
        case title, summary, lang, sourceType = "source_type", expected, note
    }
}

/// Precision, recall and F1 per category over a labelled set, and the items the rules got wrong.
public struct EvalReport: Sendable {
    public struct Counts: Sendable {
        public var truePositives = 0, falsePositives = 0, falseNegatives = 0
        public var precision: Double { ratio(truePositives, truePositives + falsePositives) }
        public var recall: Double { ratio(truePositives, truePositives + falseNegatives) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 1 : Double(a) / Double(b) }
    }
    public struct Miss: Sendable {
        public var line: Int
        public var item: EvalItem
        public var got: [CategoryScore]
        public var matches: [RuleMatch]
    }
    public var items = 0
    public var counts: [String: Counts] = [:]
    public var misses: [Miss] = []

    /// A fixed-width table and the misclassified items, for the terminal.
    public func text(showMisses: Bool = true) -> String {
        var lines = ["\(items) items", "category       precision  recall     F1   TP  FP  FN"]
        for (name, c) in counts.sorted(by: { $0.key < $1.key }) {
            lines.append(name.padding(toLength: 14, withPad: " ", startingAt: 0)
                + String(format: " %9.3f %7.3f %6.3f %4d %3d %3d", c.precision, c.recall, c.f1,
                         c.truePositives, c.falsePositives, c.falseNegatives))
        }
        if showMisses, !misses.isEmpty {
            lines.append("")
            lines.append("misclassified (\(misses.count)):")
            for m in misses {
                let got = m.got.map { "\($0.name) \(String(format: "%.2f", $0.score))" }.joined(separator: ", ")
                lines.append("  line \(m.line): expected [\(m.item.expected.joined(separator: ", "))] got [\(got)]  \(m.item.title)")
                let why = m.matches.map { "\($0.category):\($0.term)@\($0.field)\(String(format: "%+.2f", $0.weight))" }
                if !why.isEmpty { lines.append("      " + why.joined(separator: " ")) }
            }
        }
        return lines.joined(separator: "\n")
    }
}

public enum Evaluation {
    public struct LoadError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Reads a JSON Lines file; blank lines and lines starting with `#` or `//` are skipped.
    public static func load(path: String) throws -> [(line: Int, item: EvalItem)] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw LoadError(description: "\(path): cannot read the file")
        }
        var result: [(Int, EvalItem)] = []
        let decoder = JSONDecoder()
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("//") { continue }
            do {
                result.append((i + 1, try decoder.decode(EvalItem.self, from: Data(line.utf8))))
            } catch {
                throw LoadError(description: "\(path):\(i + 1): not a valid item (needs title and expected): \(error)")
            }
        }
        return result
    }

    /// Scores `categories` (default: every category of the classifier's rules).
    public static func run(_ items: [(line: Int, item: EvalItem)], classifier: Classifier,
                           categories: [String]? = nil) -> EvalReport {
        let names = categories ?? classifier.rules.categories.map(\.name)
        var report = EvalReport()
        report.items = items.count
        for name in names { report.counts[name] = EvalReport.Counts() }
        for (line, item) in items {
            let c = classifier.classify(title: item.title, summary: item.summary)
            let got = Set(c.categories.map(\.name))
            let expected = Set(item.expected)
            var wrong = false
            for name in names {
                switch (expected.contains(name), got.contains(name)) {
                case (true, true): report.counts[name]!.truePositives += 1
                case (false, true): report.counts[name]!.falsePositives += 1; wrong = true
                case (true, false): report.counts[name]!.falseNegatives += 1; wrong = true
                case (false, false): break
                }
            }
            if wrong { report.misses.append(.init(line: line, item: item, got: c.categories, matches: c.matches)) }
        }
        return report
    }
}
