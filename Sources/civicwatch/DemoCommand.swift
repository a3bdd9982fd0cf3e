import ArgumentParser
import Demo
import Foundation

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Play a short scripted story on bundled sample sources, offline, and write its reports.",
        discussion: """
        Serves sample sources on 127.0.0.1 (a ministry notice list in GBK, an NGO feed, a rights
        group's Atom feed, a workers' site, a draft regulation's text), runs four passes in a new
        folder and prints the alerts. Needs no network and no configuration.
        Example:
          civicwatch demo
          civicwatch demo --dir /tmp/cw-demo
        """
    )

    @Option(help: "The folder for the demo's feeds.yml, state and reports (default: a new temporary folder).")
    var dir: String?

    func run() throws {
        let folder = dir ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("civicwatch-demo-\(UUID().uuidString.prefix(8).lowercased())")
        if dir != nil, FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("state")) {
            throw fail("\(folder) already holds a demo; give a new --dir", status: Status.usage)
        }
        print("CivicWatch demo — sample sources served on 127.0.0.1, state in \(folder)")
        let result: DemoScenario.Result
        do {
            result = try DemoScenario(folder: folder, output: { print($0, terminator: ""); fflush(stdout) }).run()
        } catch {
            throw fail("demo: \(error)", status: Status.someFailed)
        }
        let r = result.reportDir
        print("""

        ── Done: \(result.alerts) alert\(result.alerts == 1 ? "" : "s") (a grouped story counts once). Reports written by the report sink:
          Markdown  \(r)/report.md
          HTML      \(r)/index.html
          Atom      \(r)/alerts.atom
          JSON      \(r)/report.json
        The configuration is \(folder)/feeds.yml; try:
          civicwatch report --config \(folder)/feeds.yml --since 90d --format md
          civicwatch status --config \(folder)/feeds.yml
        """)
        if !result.failedSources.isEmpty { throw fail("some sample sources failed: \(result.failedSources.joined(separator: ", "))", status: Status.someFailed) }
    }
}
