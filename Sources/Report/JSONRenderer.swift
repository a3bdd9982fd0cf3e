import Foundation
import Model

/// The report as JSON, for other tools: the same entries as the other formats, dates in ISO 8601 UTC.
public struct JSONRenderer {
    public init() {}

    struct Document: Encodable {
        var title: String
        var generated_at: Date
        var last_updated: Date
        var since: Date
        var until: Date?
        var time_zone: String
        var sections: [Section]
    }

    struct Section: Encodable {
        var section: String
        var heading: String
        var entries: [Entry]
    }

    struct Entry: Encodable {
        var id: String
        var atom_id: String
        var date: Date
        var detected_at: Date
        var kind: String
        var headline: String
        var text: String
        var stage: String?
        var sources: [ReportSource]
        var watchlist: [String]
        var categories: [String]
        var tags: [String]
        var diff: [DiffLine]?
    }

    public func render(_ report: Report) -> String {
        let doc = Document(
            title: report.options.title, generated_at: report.generatedAt, last_updated: report.lastUpdated,
            since: report.options.since, until: report.options.until, time_zone: report.options.timeZone.identifier,
            sections: ReportSection.allCases.map { s in
                Section(section: s.rawValue, heading: s.heading, entries: report.entries(in: s).map { e in
                    Entry(id: e.id, atom_id: AtomRenderer.entryID(e.id), date: e.date, detected_at: e.detectedAt, kind: e.kind.rawValue,
                          headline: e.headline, text: e.text, stage: e.stage?.rawValue, sources: e.sources, watchlist: e.watchNames,
                          categories: e.categories, tags: e.tags, diff: e.diff)
                })
            })
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        enc.dateEncodingStrategy = .custom { d, encoder in
            var c = encoder.singleValueContainer()
            try c.encode(ISO8601.string(d))
        }
        // Plain values encode without error.
        return ((try? enc.encode(doc)).map { String(decoding: $0, as: UTF8.self) } ?? "{}") + "\n"
    }
}
