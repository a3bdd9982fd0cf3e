import Foundation

/// Decides which sinks owe an alert. Evaluated once, when the alert is committed to the outbox, so
/// the outbox rows themselves say who still has to receive it (a later config change does not
/// re-route alerts already stored).
///
/// Rules (docs/feeds.md "Routing"):
/// 1. A source with `sinks: [...]` sends its alerts to those sinks only; the sinks' own `sources`
///    and `tags` filters are not consulted for it.
/// 2. Otherwise a sink takes a source's alerts when it names neither `sources` nor `tags`, or the
///    source's id is in `sources`, or one of its tags is in `tags`.
/// 3. Then the sink's `kinds` must include the alert's kind (empty: all kinds), and
///    - health alerts (source_error, source_recovered, selector_broken, source_quiet) need `health: true`;
///    - content alerts (new, changed) need one of the sink's `categories` (empty: any, uncategorised too).
public enum SinkRoutes {
    public static func sinks(for alert: Alert, source: SourceSpec?, among sinks: [SinkSpec]) -> [String] {
        sinks.filter { wants($0, alert: alert, source: source) }.map(\.name)
    }

    public static func wants(_ sink: SinkSpec, alert: Alert, source: SourceSpec?) -> Bool {
        let r = sink.routing
        if let chosen = source?.sinks {
            guard chosen.contains(where: { matches($0, sink.name) }) else { return false }
        } else if !(r.sources.isEmpty && r.tags.isEmpty) {
            let tags = source?.tags ?? alert.tags
            guard r.sources.contains(alert.source) || tags.contains(where: r.tags.contains) else { return false }
        }
        if !r.kinds.isEmpty && !r.kinds.contains(alert.kind) { return false }
        if SinkRouting.healthKinds.contains(alert.kind) { return r.health }
        if r.categories.isEmpty { return true }
        return alert.categories.contains { r.categories.contains($0.name) }
    }

    /// `team` names `email:team`; the full outbox name works too.
    public static func matches(_ reference: String, _ sinkName: String) -> Bool {
        if reference == sinkName { return true }
        guard let colon = sinkName.firstIndex(of: ":") else { return false }
        return sinkName[sinkName.index(after: colon)...] == reference
    }
}
