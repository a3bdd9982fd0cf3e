import ArgumentParser
import Foundation
import Model
import Snapshots

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the sources with their last status.",
        discussion: "Example:\n  civicwatch list --state /var/lib/civicwatch"
    )

    @OptionGroup var common: CommonOptions

    func run() throws {
        let logger = common.makeLogger()
        let loaded = try common.loadConfig(logger: logger)
        let store: StateStore
        do { store = try StateStore(folder: common.stateDir(for: loaded.configuration)) } catch {
            throw fail("\(error)", status: Status.usage)
        }
        let states = try store.sourceStates()
        print(["SOURCE", "TYPE", "LAST CHECK", "STATUS", "ITEMS"].joined(separator: "\t"))
        for s in loaded.configuration.sources {
            let st = states[s.id]
            let check = st?.lastCheck.map(ISO8601.string) ?? "never"
            let status: String
            if let st, st.consecutiveFailures > 0 {
                status = "failing ×\(st.consecutiveFailures): \(st.lastError ?? "")"
            } else if st?.lastSuccess != nil {
                status = "ok"
            } else {
                status = "not checked yet"
            }
            print([s.id, s.type.rawValue, check, status, st?.itemsLast.map(String.init) ?? "-"].joined(separator: "\t"))
        }
    }
}
