import Alerts
import Detection
import Foundation
import Model

/// `test-source` also shows what detection would make of each item, so a source's `category:` hint
/// and the vocabulary can be checked before anything is stored.
enum DetectionPreview {
    static func print(_ doc: ParsedDocument, spec: SourceSpec, detection: DetectionSpec) {
        let classifier = Classifier(spec: detection)
        Swift.print("\ndetection (categories, then watch-list hits):")
        if spec.type == .page {
            let c = classifier.classify(title: doc.title ?? spec.title, addedText: doc.text, sourceCategory: spec.categoryHints)
            Swift.print("  page: \(describe(c))")
            return
        }
        for item in doc.items.prefix(50) {
            let c = classifier.classify(title: item.title, summary: item.summary,
                                        content: item.content.map { String($0.prefix(4000)) }, sourceCategory: spec.categoryHints)
            Swift.print("  \(describe(c).padding(toLength: 32, withPad: " ", startingAt: 0)) \(TextFormatter.clean(item.title))")
        }
    }

    private static func describe(_ c: Classification) -> String {
        let cats = c.categories.map { "\($0.name) \(String(format: "%.2f", $0.score))" }
        let watch = c.watchlist.map { "@\($0.name)" }
        let all = cats + watch
        return all.isEmpty ? "-" : all.joined(separator: ", ")
    }
}
