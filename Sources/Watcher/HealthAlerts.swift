import Foundation
import Model
import Snapshots

/// Alerts about a source itself rather than its content. Each is raised once per episode (a
/// failure streak, a broken selector, a quiet spell), never on every pass.
enum HealthAlerts {
    static func sourceError(_ spec: SourceSpec, state: SourceState, message: String, now: Date) -> Alert {
        let lastOK = state.lastSuccess.map { " (last success \(ISO8601.string($0)))" } ?? ""
        let n = state.consecutiveFailures
        return Alert(id: Identity.alertID(spec.id, "source_error", ISO8601.string(now)), source: spec.id,
                     sourceTitle: spec.title, kind: .sourceError,
                     title: "\(spec.title) failed \(n) time\(n == 1 ? "" : "s") in a row\(lastOK)",
                     link: spec.displayURL, tags: spec.tags, error: message, detectedAt: now)
    }

    static func recovered(_ spec: SourceSpec, state: SourceState, now: Date) -> Alert {
        Alert(id: Identity.alertID(spec.id, "source_recovered", ISO8601.string(now)), source: spec.id,
              sourceTitle: spec.title, kind: .sourceRecovered,
              title: "\(spec.title) works again after \(state.consecutiveFailures) failed check\(state.consecutiveFailures == 1 ? "" : "s")",
              link: spec.displayURL, tags: spec.tags, detectedAt: now)
    }

    static func selectorBroken(_ spec: SourceSpec, previousItems: Int?, now: Date) -> Alert {
        let what: String
        switch spec.type {
        case .page: what = "the content selector \(spec.content ?? "") matches nothing"
        default: what = "the item selector \(spec.list?.items ?? "") matched no items (it matched \(previousItems ?? 0) last time)"
        }
        return Alert(id: Identity.alertID(spec.id, "selector_broken", ISO8601.string(now)), source: spec.id,
                     sourceTitle: spec.title, kind: .selectorBroken,
                     title: "\(spec.title): \(what); the site's markup has probably changed",
                     link: spec.displayURL, tags: spec.tags,
                     error: "check it with `civicwatch test-source \(spec.id)` and correct the selectors in feeds.yml",
                     detectedAt: now)
    }

    static func quiet(_ spec: SourceSpec, since: Date, now: Date) -> Alert {
        let days = Int(now.timeIntervalSince(since) / 86400)
        return Alert(id: Identity.alertID(spec.id, "source_quiet", ISO8601.string(now)), source: spec.id,
                     sourceTitle: spec.title, kind: .sourceQuiet,
                     title: "\(spec.title) has shown nothing new for \(days) day\(days == 1 ? "" : "s") (since \(ISO8601.string(since)))",
                     link: spec.displayURL, tags: spec.tags, detectedAt: now)
    }
}
