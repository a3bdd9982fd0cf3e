import Detection
import Foundation
import Model
import Snapshots

/// Detection inside one source's processing: classify new items and page changes, drop what
/// `alert_on: categorized` does not want, filter page noise, and compute story keys for grouping.
extension SourceProcessor {
    /// The alert with its categories, matches and watch-list hits; nil when the source only wants
    /// categorised alerts and nothing matched.
    func detect(_ spec: SourceSpec, _ alert: Alert, item: FeedItem?, addedText: String? = nil) -> Alert? {
        var alert = alert
        // The body of an item can be a whole article: its start says what it is about.
        let content = item?.content.map { String($0.prefix(4000)) }
        let c = classifier.classify(title: alert.title, summary: item?.summary, content: content, addedText: addedText,
                                    sourceCategory: spec.categoryHints)
        alert.categories = c.categories
        alert.matches = c.matches
        alert.watchlist = c.watchlist
        if spec.alertOn == .categorized && c.isEmpty { return nil }
        return alert
    }

    /// The page diff worth alerting on, after masking dates, counters and tokens and applying
    /// `min_change` and `only: added`; nil when the change is noise.
    func significantDiff(_ spec: SourceSpec, old: String, new: String) -> [DiffLine]? {
        let noise = PageNoise(spec: spec)
        let diff = noise.diff(old: old, new: new)
        return noise.isSignificant(diff) ? diff : nil
    }

    /// Story keys of new-item alerts (page changes and health alerts are never grouped).
    static func stories(_ alerts: [Alert]) -> [String: StoryKeys] {
        var result: [String: StoryKeys] = [:]
        for a in alerts where a.kind == .new {
            let k = StoryKey.make(title: a.title, link: a.link)
            if k.title != nil || k.link != nil { result[a.id] = StoryKeys(title: k.title, link: k.link) }
        }
        return result
    }
}
