import ArgumentParser
import Foundation
import Model
import Report
import Snapshots

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a report of the stored alerts: a Recent developments update (Markdown), a web page, an Atom feed or JSON.",
        discussion: """
        Example:
          civicwatch report --since 30d --format md                     # paste into the country page
          civicwatch report --since 90d --format html --out report.html
          civicwatch report --since 2026-03-01 --until 2026-03-31 --category regulation --format atom
        Periods: a duration back from now (30d, 12h, 2w) or a date (2026-03-01, in --timezone).
        Dates are printed in UTC unless --timezone says otherwise. See docs/reports.md.
        """
    )

    @OptionGroup var common: CommonOptions

    @Option(help: "Start of the period: a duration back from now (30d) or a date (2026-03-01).")
    var since = "30d"

    @Option(help: "End of the period (default: now).")
    var until: String?

    @Option(parsing: .upToNextOption, help: "Only alerts of sources with any of these tags.")
    var tags: [String] = []

    @Option(name: .customLong("category"), parsing: .upToNextOption,
            help: "Only alerts with any of these categories (regulation, crackdown, other or your own).")
    var categories: [String] = []

    @Option(help: "md, html, atom or json.")
    var format = "md"

    @Option(help: "Write to this file (atomically) instead of stdout.")
    var out: String?

    @Option(help: "Time zone for dates on the page (UTC, Asia/Shanghai, …).")
    var timezone = "UTC"

    @Option(help: "The report's title.")
    var title: String?

    func run() throws {
        guard let fmt = ReportFormat(rawValue: format) else {
            throw fail("--format \(format): use md, html, atom or json", status: Status.usage)
        }
        guard let zone = TimeZone(identifier: timezone) else {
            throw fail("--timezone \(timezone): not a time zone (UTC, Asia/Shanghai, …)", status: Status.usage)
        }
        let now = Date()
        guard let from = ReportPeriod.date(since, now: now, zone: zone) else {
            throw fail("--since \(since): write a duration (30d, 12h) or a date (2026-03-01)", status: Status.usage)
        }
        var to: Date?
        if let until {
            guard let d = ReportPeriod.date(until, now: now, zone: zone) else {
                throw fail("--until \(until): write a duration (7d) or a date (2026-03-31)", status: Status.usage)
            }
            // A bare date means the whole of that day.
            to = until.count == 10 && until.contains("-") ? d.addingTimeInterval(86400 - 0.001) : d
        }
        let logger = common.makeLogger()
        let loaded = try common.loadConfig(logger: logger)
        let store = try openStore(common.stateDir(for: loaded.configuration))
        let alerts = try store.alerts(since: from, until: to ?? .distantFuture).compactMap { try? AlertJSON.decode($0) }
        var options = ReportOptions(since: from, until: to, tags: tags, categories: categories, timeZone: zone)
        if let title { options.title = title }
        let names = Dictionary(loaded.configuration.sources.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        let report = ReportBuilder(sourceNames: names).build(alerts, options: options, now: now)
        let text = fmt.render(report)
        if let out {
            do { try AtomicFile.write(text, to: out) } catch { throw fail("\(error)", status: Status.someFailed) }
            FileHandle.standardError.write(Data("civicwatch: wrote \(report.entries.count) entries to \(out)\n".utf8))
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
