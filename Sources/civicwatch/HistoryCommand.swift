import ArgumentParser
import Foundation
import Model
import Snapshots

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List a source's recent checks and its stored items (or page versions), newest first.",
        discussion: """
        Example:
          civicwatch history moj-drafts
          civicwatch history cfm-china --limit 5      # page versions, then `civicwatch diff cfm-china`
        """
    )

    @OptionGroup var common: CommonOptions

    @Argument(help: "The source id.")
    var source: String

    @Option(help: "How many checks and items to show.")
    var limit = 20

    func run() throws {
        let logger = common.makeLogger()
        let loaded = try common.loadConfig(logger: logger)
        guard let spec = loaded.configuration.sources.first(where: { $0.id == source }) else {
            throw fail("\(source): no such source in \(common.config)", status: Status.usage)
        }
        let store = try openStore(common.stateDir(for: loaded.configuration))

        var checks = TablePrinter("CHECKED", "OUTCOME", "ITEMS", "ALERTS", "SECONDS", "ERROR")
        for c in try store.checks(source: source, limit: limit) {
            checks.add(shortDate(c.at), c.outcome, c.items.map(String.init) ?? "-", String(c.alerts),
                       c.elapsed.map { String(format: "%.2f", $0) } ?? "-", TablePrinter.cell(c.error))
        }
        print("\(spec.id) — \(spec.title)\n\(spec.displayURL)\n\n" + checks.render())

        if spec.type == .page {
            var versions = TablePrinter("VERSION", "FETCHED", "CHARACTERS", "HASH")
            for v in try store.pageVersions(source: source).reversed().prefix(limit) {
                versions.add(String(v.seq), shortDate(v.fetchedAt), String(v.text.count), String(v.textHash.prefix(12)))
            }
            print("\n" + versions.render())
        } else {
            var items = TablePrinter("FIRST SEEN", "PUBLISHED", "TITLE", "LINK")
            for i in try store.items(source: source, limit: limit) {
                items.add(shortDate(i.firstSeen), i.published.map(shortDate) ?? "-", TablePrinter.cell(i.title, max: 50),
                          i.link ?? "-")
            }
            print("\n\(try store.itemCount(source: source)) items stored\n" + items.render())
        }
    }
}
