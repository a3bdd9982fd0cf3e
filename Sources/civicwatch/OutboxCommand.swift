import ArgumentParser
import Foundation
import Model
import Snapshots

/// `civicwatch outbox`: what the sinks still owe, and the two ways to act on it.
struct OutboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox",
        abstract: "List alerts not yet delivered (pending and parked) with attempts and last error.",
        discussion: """
        Example:
          civicwatch outbox                       # per-sink counts, then each undelivered alert
          civicwatch outbox retry                 # make every parked or waiting alert due now
          civicwatch outbox drop 5b0d3c…          # give up on one alert (all its sinks)
        Exit status: 0 listed or done, 1 none of the given ids is pending or parked, 2 usage or state error.
        """,
        subcommands: [List.self, Retry.self, Drop.self],
        defaultSubcommand: List.self
    )

    static func open(_ common: CommonOptions) throws -> StateStore {
        let loaded = try common.loadConfig(logger: common.makeLogger())
        do { return try StateStore(folder: common.stateDir(for: loaded.configuration)) } catch {
            throw fail("\(error)", status: Status.usage)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List undelivered alerts (the default).",
            discussion: "Example:\n  civicwatch outbox list --state /var/lib/civicwatch")
        @OptionGroup var common: CommonOptions

        func run() throws {
            let store = try OutboxCommand.open(common)
            let summary = try store.outboxSummary()
            print(["SINK", "PENDING", "PARKED", "DELIVERED"].joined(separator: "\t"))
            for s in summary { print([s.sink, "\(s.pending)", "\(s.parked)", "\(s.delivered)"].joined(separator: "\t")) }
            let entries = try store.undelivered()
            guard !entries.isEmpty else { print("\nnothing undelivered"); return }
            print("")
            print(["ALERT", "SINK", "STATE", "ATTEMPTS", "NEXT ATTEMPT", "SOURCE", "TITLE", "LAST ERROR"].joined(separator: "\t"))
            for e in entries {
                let alert = try? AlertJSON.decode(e.payload)
                let next = e.state == "parked" ? "-" : (e.nextAttempt.map(ISO8601.string) ?? "next pass")
                let title = alert.map { AlertTextShort.clean($0.title, 60) } ?? e.kind
                print([e.alertID, e.sink, e.state, "\(e.attempts)", next, e.source, title,
                       AlertTextShort.clean(e.lastError ?? "-", 200)].joined(separator: "\t"))
            }
        }
    }

    struct Retry: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "retry", abstract: "Make parked (or backing-off) alerts due at the next pass; all of them without ids.",
            discussion: "Example:\n  civicwatch outbox retry                 # every undelivered alert\n  civicwatch outbox retry 3f9c2a1b7d0e4c55")
        @OptionGroup var common: CommonOptions
        @Argument(help: "Alert ids (from `civicwatch outbox`); none: every undelivered alert.") var ids: [String] = []

        func run() throws {
            let n = try OutboxCommand.open(common).retry(ids)
            print("\(n) deliver\(n == 1 ? "y" : "ies") will be tried at the next pass")
            if n == 0 && !ids.isEmpty { throw ExitCode(Status.someFailed) }
        }
    }

    struct Drop: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "drop", abstract: "Give up on alerts: never delivered, no longer listed.",
            discussion: "Example:\n  civicwatch outbox drop 3f9c2a1b7d0e4c55")
        @OptionGroup var common: CommonOptions
        @Argument(help: "Alert ids (from `civicwatch outbox`).") var ids: [String]

        func validate() throws {
            if ids.isEmpty { throw ValidationError("name at least one alert id (see `civicwatch outbox`)") }
        }

        func run() throws {
            let n = try OutboxCommand.open(common).drop(ids)
            print("\(n) deliver\(n == 1 ? "y" : "ies") dropped")
            if n == 0 { throw ExitCode(Status.someFailed) }
        }
    }
}

/// One table cell: no tabs or line breaks from a source or a server, and not too long.
enum AlertTextShort {
    static func clean(_ s: String, _ max: Int) -> String {
        let flat = String(s.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
        return flat.count > max ? String(flat.prefix(max - 1)) + "…" : flat
    }
}
