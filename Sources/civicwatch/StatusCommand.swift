import ArgumentParser
import Foundation
import Snapshots
import Watcher

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show each source's health (last check, last change, last error, items, next due) and the outbox.",
        discussion: """
        Health is one of ok, failing, selector_broken, quiet (expect_update_within passed), never_checked.
        Times are UTC. Example:
          civicwatch status --state /var/lib/civicwatch
          civicwatch status --json | jq '.sources[] | select(.health != "ok")'
        """
    )

    @OptionGroup var common: CommonOptions

    @Flag(help: "JSON for scripts.")
    var json = false

    func run() throws {
        let logger = common.makeLogger()
        let loaded = try common.loadConfig(logger: logger)
        let store = try openStore(common.stateDir(for: loaded.configuration))
        let report = try StatusReport.build(configuration: loaded.configuration, store: store)
        if json { return try printJSON(report) }

        var table = TablePrinter("SOURCE", "TYPE", "HEALTH", "LAST CHECK", "LAST CHANGE", "ITEMS", "NEXT DUE", "LAST ERROR")
        for s in report.sources {
            let health = s.health == .failing ? "failing ×\(s.consecutiveFailures)" : s.health.rawValue
            let due = s.nextDue <= report.generatedAt ? "now" : shortDate(s.nextDue)
            table.add(s.id, s.type, health, shortDate(s.lastCheck), shortDate(s.lastChange), s.items.map(String.init) ?? "-",
                      due, s.consecutiveFailures > 0 ? TablePrinter.cell(s.lastError) : "-")
        }
        print(table.render())
        let bad = report.sources.filter { $0.health != .ok && $0.health != .neverChecked }.count
        print("\n\(report.sources.count) sources, \(bad) need attention; state \(report.databaseBytes / 1024) KiB")
        if report.outbox.isEmpty {
            print("outbox: empty")
        } else {
            var outbox = TablePrinter("SINK", "PENDING", "PARKED", "DELIVERED")
            for o in report.outbox { outbox.add(o.sink, String(o.pending), String(o.parked), String(o.delivered)) }
            print("\n" + outbox.render())
        }
    }
}

/// Opens the state folder for a read-mostly command; a missing or foreign database is a usage error.
func openStore(_ dir: String) throws -> StateStore {
    do { return try StateStore(folder: dir) } catch { throw fail("\(error)", status: Status.usage) }
}
