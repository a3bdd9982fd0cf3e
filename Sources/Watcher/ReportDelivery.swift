import Alerts
import Foundation
import Model
import Report
import Snapshots

/// The report sink: after a pass that produced alerts it rebuilds the report files from every
/// stored alert of the period (not just this pass's) and replaces them atomically. The alerts it
/// was handed count as accepted once the files are written.
struct ReportDelivery: AlertSink {
    let spec: ReportSink
    let store: StateStore
    let sourceNames: [String: String]
    var now = Date()

    var name: String { spec.name }
    /// One regeneration per pass, however many alerts are due.
    var maxBatch: Int { Int.max }

    func deliver(_ alerts: [Alert], idempotencyKey: String) -> DeliveryResult {
        do {
            let written = try write()
            return .accepted("wrote \(written.joined(separator: ", "))")
        } catch {
            return .refused("\(error)", retryAfter: nil)
        }
    }

    /// Writes every configured format; returns the paths written.
    func write() throws -> [String] {
        let zone = TimeZone(identifier: spec.timeZone) ?? TimeZone(identifier: "UTC")!
        var options = ReportOptions(since: now.addingTimeInterval(-spec.since), tags: spec.routing.tags,
                                    categories: spec.routing.categories, timeZone: zone)
        if let t = spec.title { options.title = t }
        if let url = spec.feedURL { options.feedID = url }
        let stored = try store.alerts(since: options.since).compactMap { try? AlertJSON.decode($0) }
        let wantedSources = Set(spec.routing.sources)
        let alerts = wantedSources.isEmpty ? stored : stored.filter { wantedSources.contains($0.source) }
        let report = ReportBuilder(sourceNames: sourceNames).build(alerts, options: options, now: now)
        try FileManager.default.createDirectory(atPath: spec.dir, withIntermediateDirectories: true)
        var paths: [String] = []
        for name in spec.formats {
            guard let format = ReportFormat(rawValue: name) else { continue }
            let path = (spec.dir as NSString).appendingPathComponent(format.fileName)
            try AtomicFile.write(format.render(report, atomSelfURL: spec.feedURL), to: path)
            paths.append(path)
        }
        return paths
    }
}
