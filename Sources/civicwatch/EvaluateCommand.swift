import ArgumentParser
import Config
import Detection
import Foundation
import Model

struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score the detection rules on a labelled set: precision, recall and F1 per category.",
        discussion: """
        FILE is JSON Lines, one item per line: {"title": …, "summary": …, "lang": "zh", "source_type": "list",
        "expected": ["regulation"]}. With --config, the rules include feeds.yml's `detection:` section.
        Example:
          civicwatch evaluate Tests/DetectionTests/Fixtures/eval.jsonl
          civicwatch evaluate my-set.jsonl --config feeds.yml --category labour
          civicwatch evaluate --repeat 30          # also time classification (≈10,000 items)
        """
    )

    @Argument(help: "The labelled set (JSON Lines).")
    var file: String = "Tests/DetectionTests/Fixtures/eval.jsonl"

    @Option(name: [.short, .long], help: "Use the detection rules of this feeds.yml as well as the built-in ones.")
    var config: String?

    @Option(help: "Score only this category (repeatable; default: every category).")
    var category: [String] = []

    @Flag(help: "Print only the table, not the misclassified items.")
    var summaryOnly = false

    @Option(name: .customLong("repeat"), help: "Classify the set this many times more and report the speed (a benchmark, not a test).")
    var repeatCount: Int = 0

    func run() throws {
        var spec = DetectionSpec()
        if let config {
            do {
                let loaded = try ConfigLoader.load(path: config)
                for p in loaded.problems { FileHandle.standardError.write(Data("\(p.description)\n".utf8)) }
                spec = loaded.configuration.detection
            } catch let e as ConfigFileError {
                throw fail(e.description, status: Status.usage)
            }
        }
        let items: [(line: Int, item: EvalItem)]
        do { items = try Evaluation.load(path: file) } catch {
            throw fail("\(error)", status: Status.usage)
        }
        let t0 = Date()
        let classifier = Classifier(spec: spec)
        classifier.prepare()
        let built = Date().timeIntervalSince(t0)
        let report = Evaluation.run(items, classifier: classifier, categories: category.isEmpty ? nil : category)
        print(report.text(showMisses: !summaryOnly))
        if repeatCount > 0 {
            let start = Date()
            var assigned = 0
            for _ in 0..<repeatCount {
                for (_, item) in items {
                    assigned += classifier.classify(title: item.title, summary: item.summary).categories.count
                }
            }
            let seconds = Date().timeIntervalSince(start)
            let n = repeatCount * items.count
            print(String(format: "\nclassified %d items in %.3f s (%.0f items/s, %.1f µs each); rules compiled in %.3f s",
                         n, seconds, Double(n) / seconds, seconds / Double(n) * 1e6, built))
            _ = assigned
        }
    }
}
