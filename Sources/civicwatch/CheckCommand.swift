import Alerts
import ArgumentParser
import Config
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate feeds.yml and list its sources; exit 2 with file:line:column for each problem.",
        discussion: "Example:\n  civicwatch check --config /etc/civicwatch/feeds.yml"
    )

    @OptionGroup var common: CommonOptions

    func run() throws {
        let loaded: LoadedConfiguration
        do {
            loaded = try ConfigLoader.load(path: common.config)
        } catch let e as ConfigFileError {
            throw fail(e.description, status: Status.usage)
        }
        let c = loaded.configuration
        if !common.quiet {
            for s in c.sources {
                print("\(s.id)\t\(s.type.rawValue)\tevery \(Durations.describe(s.interval))\t\(s.displayURL)")
            }
            print("\(c.sources.count) source\(c.sources.count == 1 ? "" : "s"), \(c.sinks.count) alert sink\(c.sinks.count == 1 ? "" : "s")")
        }
        // A sink that cannot be set up here (a secret missing from this environment, a template
        // that does not parse) is worth knowing before the timer runs; the service's environment
        // may differ, so it is a warning, not an error.
        for sink in c.sinks {
            do { _ = try SinkFactory.make(sink) } catch {
                FileHandle.standardError.write(Data("warning: \(error)\n".utf8))
            }
        }
        for p in loaded.problems { FileHandle.standardError.write(Data("\(p.description)\n".utf8)) }
        if !loaded.problems.isEmpty { throw ExitCode(Status.usage) }
    }
}

enum Durations {
    static func describe(_ t: Double) -> String {
        if t >= 86400, t.truncatingRemainder(dividingBy: 86400) == 0 { return "\(Int(t / 86400))d" }
        if t >= 3600, t.truncatingRemainder(dividingBy: 3600) == 0 { return "\(Int(t / 3600))h" }
        if t >= 60, t.truncatingRemainder(dividingBy: 60) == 0 { return "\(Int(t / 60))m" }
        return "\(Int(t))s"
    }
}
