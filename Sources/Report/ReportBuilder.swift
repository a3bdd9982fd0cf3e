import Detection
import Foundation
import Model

/// Turns stored alerts into a report: selects by period, tags and categories, sorts newest first,
/// sorts each alert into a section, derives the stage of regulations and counts alerts per week.
///
/// Only content alerts (`new`, `changed`) are reported: source health (errors, broken selectors)
/// is for the operator, not for a country page.
public struct ReportBuilder {
    /// Source id → the name configured in feeds.yml; ids without a name are shown as they are.
    public var sourceNames: [String: String]

    public init(sourceNames: [String: String] = [:]) {
        self.sourceNames = sourceNames
    }

    public func build(_ alerts: [Alert], options: ReportOptions, now: Date = Date()) -> Report {
        let until = options.until ?? .distantFuture
        let wantedTags = Set(options.tags.map { $0.lowercased() })
        let wantedCategories = Set(options.categories.map { $0.lowercased() })
        var seen = Set<String>()
        let selected = alerts.filter { a in
            guard a.kind == .new || a.kind == .changed else { return false }
            guard a.detectedAt >= options.since, a.detectedAt <= until else { return false }
            if !wantedTags.isEmpty && wantedTags.isDisjoint(with: a.tags.map { $0.lowercased() }) { return false }
            if !wantedCategories.isEmpty {
                let mine = Set(a.categories.map { $0.name.lowercased() })
                // "other" selects what fits neither of the two named sections.
                let asOther = Self.section(of: a) == .other ? Set(["other"]) : []
                if wantedCategories.isDisjoint(with: mine.union(asOther)) { return false }
            }
            return seen.insert(a.id).inserted
        }
        let entries = selected.map(entry).sorted { ($0.date, $0.detectedAt, $0.id) > ($1.date, $1.detectedAt, $1.id) }
        return Report(options: options, generatedAt: now, entries: entries,
                      timeline: Self.timeline(entries, from: options.since, to: min(until, now), zone: options.timeZone))
    }

    /// The higher-scoring of regulation and crackdown decides; anything else is "other".
    static func section(of alert: Alert) -> ReportSection {
        let best = alert.categories.filter { $0.name == "regulation" || $0.name == "crackdown" }.max { $0.score < $1.score }
        switch best?.name {
        case "regulation": return .regulation
        case "crackdown": return .crackdown
        default: return .other
        }
    }

    func entry(_ a: Alert) -> ReportEntry {
        let section = Self.section(of: a)
        var sources = [ReportSource(id: a.source, name: SourceText.clean(a.sourceTitle.isEmpty ? name(a.source) : a.sourceTitle, max: 120),
                                    link: SourceText.safeLink(a.link))]
        for other in a.alsoReportedBy where other != a.source {
            sources.append(ReportSource(id: other, name: SourceText.clean(name(other), max: 120),
                                        link: SourceText.safeLink(a.alsoReportedLinks?[other])))
        }
        var watch: [String] = []
        for w in a.watchlist {
            let s = "\(SourceText.clean(w.name, max: 120)) (\(SourceText.clean(w.list, max: 60)))"
            if !watch.contains(s) { watch.append(s) }
        }
        return ReportEntry(id: a.id, section: section, date: a.published ?? a.detectedAt, detectedAt: a.detectedAt, kind: a.kind,
                           headline: Self.headline(a),
                           text: text(a), stage: section == .regulation ? RegulationStageDetector.stage(of: a) : nil,
                           sources: sources, watchNames: watch, categories: a.categories.map(\.name), tags: a.tags,
                           diff: a.kind == .changed ? a.diff.map(Self.trimDiff) : nil)
    }

    private func name(_ id: String) -> String { sourceNames[id] ?? id }

    /// A page alert's title ends in a count ("…: 2 lines added, 1 removed"); the page says what
    /// changed in its text and diff instead.
    static func headline(_ a: Alert) -> String {
        var t = a.title.isEmpty ? a.sourceTitle : a.title
        if a.kind == .changed, let r = t.range(of: #":\s*\d+ lines? added, \d+ removed$"#, options: .regularExpression) {
            t = String(t[..<r.lowerBound])
        }
        return SourceText.clean(t, max: 300)
    }

    private func text(_ a: Alert) -> String {
        if a.kind != .changed, let s = a.summary, !s.isEmpty {
            let lead = SourceText.leadSentences(s)
            // A summary that only repeats the title adds nothing.
            if lead != SourceText.clean(a.title, max: 320) { return lead }
        }
        guard a.kind == .changed, let diff = a.diff else { return "" }
        let added = diff.filter { $0.op == .added }.count, removed = diff.filter { $0.op == .removed }.count
        // The changed lines themselves follow in every format.
        return "The page changed: \(added) line\(added == 1 ? "" : "s") added, \(removed) removed."
    }

    /// Keeps changed lines and one line of context around each, so a report stays short.
    static func trimDiff(_ diff: [DiffLine]) -> [DiffLine] {
        var keep = Set<Int>()
        for (i, l) in diff.enumerated() where l.op != .context {
            keep.formUnion([i - 1, i, i + 1].filter { $0 >= 0 && $0 < diff.count })
        }
        return keep.sorted().prefix(200).map { DiffLine(diff[$0].op, SourceText.clean(diff[$0].text, max: 1000)) }
    }

    static func timeline(_ entries: [ReportEntry], from: Date, to: Date, zone: TimeZone) -> [TimelineWeek] {
        var cal = Calendar(identifier: .iso8601)
        cal.timeZone = zone
        func weekStart(_ d: Date) -> Date { cal.dateInterval(of: .weekOfYear, for: d)?.start ?? d }
        let dates = entries.map(\.detectedAt)
        // The whole period, unless it is longer than two years (`--since 3650d`): then from the first alert.
        let start = to.timeIntervalSince(from) > 104 * 7 * 86400 ? (dates.min() ?? to) : from
        let first = weekStart(start)
        let last = weekStart(max(to, dates.max() ?? to))
        var weeks: [TimelineWeek] = []
        var w = first
        while w <= last && weeks.count < 520 {
            weeks.append(TimelineWeek(start: w, counts: [:]))
            w = cal.date(byAdding: .weekOfYear, value: 1, to: w) ?? last.addingTimeInterval(1)
        }
        for e in entries {
            let s = weekStart(e.detectedAt)
            if let i = weeks.firstIndex(where: { $0.start == s }) { weeks[i].counts[e.section, default: 0] += 1 }
        }
        return weeks
    }
}
