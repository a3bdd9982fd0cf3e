import ArgumentParser
import Foundation
import Model
import Snapshots
import Watcher

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run one pass: fetch every due source, compare with the stored state, deliver alerts.",
        discussion: """
        Example:
          civicwatch run --config feeds.yml --state state/ --json
          civicwatch run --only mca-notices --only moj-drafts --force
        """
    )

    @OptionGroup var common: CommonOptions

    @Flag(help: "Print alerts on stdout as JSON Lines (one object per alert).")
    var json = false

    @Option(name: .customLong("only"), help: "Check only this source id (repeatable).")
    var only: [String] = []

    @Flag(help: "Check every source now, even those whose interval has not elapsed.")
    var force = false

    @Flag(help: "Alert on every item of a source's first pass instead of recording a silent baseline.")
    var alertOnBaseline = false

    @Flag(help: "Wait for a running pass to finish instead of exiting with status 3.")
    var wait = false

    func run() throws {
        tuneAllocatorForParsing()
        let logger = common.makeLogger()
        let loaded = try common.loadConfig(logger: logger)
        let known = Set(loaded.configuration.sources.map(\.id))
        if let unknown = only.first(where: { !known.contains($0) }) {
            throw fail("--only \(unknown): no such source in \(common.config)", status: Status.usage)
        }
        var options = PassOptions()
        options.only = only
        options.force = force
        options.alertOnBaseline = alertOnBaseline
        options.stdoutFormat = json ? .json : nil
        options.waitForLock = wait
        StatusLine.shared.enableIfTerminal(allowed: !common.quiet)
        if StatusLine.shared.enabled {
            options.progress = { p in
                StatusLine.shared.show("checked \(p.done)/\(p.total)" + (p.failed > 0 ? " · \(p.failed) failed" : ""))
            }
        }
        defer { StatusLine.shared.clear() }
        let pass = Pass(configuration: loaded.configuration, stateDir: common.stateDir(for: loaded.configuration), logger: logger)
        let report: PassReport
        do {
            report = try pass.run(options)
        } catch let e as PassLock.LockError {
            throw fail("\(e)", status: Status.locked)
        } catch let e as StoreError {
            throw fail("\(e)", status: Status.usage)
        }
        let status = loaded.problems.isEmpty ? report.exitStatus : Status.someFailed
        if status != 0 { throw ExitCode(status) }
    }
}
