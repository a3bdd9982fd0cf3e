import Foundation

/// The shared conformance corpus, found beside the package (`<root>/../shared/corpus`) so any
/// clone with `shared/` next to it runs the suite.
enum Corpus {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let root = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")

    static var available: Bool { FileManager.default.fileExists(atPath: root.appendingPathComponent("RECOMMENDED.tsv").path) }

    /// Rows of a TSV file with a header line, as dictionaries.
    static func tsv(_ relative: String) -> [[String: String]] {
        guard let text = try? String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8) else { return [] }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        guard !lines.isEmpty else { return [] }
        let header = lines.removeFirst().split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        return lines.map { line in
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            var row = [String: String]()
            for (i, h) in header.enumerated() { row[h] = i < cols.count ? cols[i] : "" }
            return row
        }
    }

    static func data(_ corpus: String, _ path: String) -> Data? {
        try? Data(contentsOf: root.appendingPathComponent(corpus).appendingPathComponent(path))
    }
}

enum Outcome {
    case pass
    case fail(String)
    /// The expectation concerns something the parser deliberately does not model.
    case notApplicable(String)
}
