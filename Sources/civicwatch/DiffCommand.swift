import ArgumentParser
import Detection
import Foundation
import Model
import Snapshots

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two stored versions of a page source.",
        discussion: """
        Versions are numbered as `civicwatch history SOURCE` lists them; by default the last two.
        Example:
          civicwatch diff cfm-china
          civicwatch diff cfm-china --from 3 --to 7
        """
    )

    @OptionGroup var common: CommonOptions

    @Argument(help: "The page source id.")
    var source: String

    @Option(help: "The older version (default: the one before --to).")
    var from: Int?

    @Option(help: "The newer version (default: the latest).")
    var to: Int?

    @Option(help: "Unchanged lines shown around each change.")
    var context = 1

    func run() throws {
        let logger = common.makeLogger()
        let loaded = try common.loadConfig(logger: logger)
        let store = try openStore(common.stateDir(for: loaded.configuration))
        let versions = try store.pageVersions(source: source)
        guard !versions.isEmpty else {
            throw fail("\(source): no stored page versions (is it a `page` source that has been checked?)", status: Status.usage)
        }
        func version(_ n: Int) throws -> PageVersion {
            guard let v = versions.first(where: { $0.seq == n }) else {
                let kept = versions.map { String($0.seq) }.joined(separator: ", ")
                throw fail("\(source): no version \(n); stored: \(kept)", status: Status.usage)
            }
            return v
        }
        let newer = try to.map(version) ?? versions[versions.count - 1]
        let older: PageVersion
        if let from {
            older = try version(from)
        } else if let previous = versions.last(where: { $0.seq < newer.seq }) {
            older = previous
        } else {
            throw fail("\(source): only one version stored before \(newer.seq); nothing to compare", status: Status.usage)
        }
        print("--- \(source) version \(older.seq) (\(shortDate(older.fetchedAt)) UTC)")
        print("+++ \(source) version \(newer.seq) (\(shortDate(newer.fetchedAt)) UTC)")
        let diff = LineDiff.diff(old: older.text, new: newer.text, context: context)
        if diff.isEmpty { print("(no difference)") }
        for line in diff { print(line.op.rawValue + " " + line.text) }
    }
}
