import Alerts
import ArgumentParser
import Foundation
import Model

/// `civicwatch test-alert SINK`: proves a sink's configuration end to end with a sample alert.
struct TestAlertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test-alert",
        abstract: "Send a sample alert through one sink and print what the server answered.",
        discussion: """
        Example:
          civicwatch test-alert email:team
          civicwatch test-alert slack-crackdown     # `webhook:` may be left out
        Nothing is stored. Exit status: 0 accepted, 1 refused (the reason is printed), 2 no such sink
        or the sink cannot be set up (a missing secret, a bad template).
        """
    )

    @OptionGroup var common: CommonOptions
    @Argument(help: "The sink's name as `civicwatch check` lists it (email:team, webhook:slack, stdout).") var sink: String

    func run() throws {
        let loaded = try common.loadConfig(logger: common.makeLogger())
        let sinks = loaded.configuration.sinks
        guard let spec = sinks.first(where: { $0.name == sink }) ?? sinks.first(where: { SinkRoutes.matches(sink, $0.name) }) else {
            throw fail("no alert sink is named `\(sink)` (sinks: \(sinks.map(\.name).joined(separator: ", ")))", status: Status.usage)
        }
        let delivery: AlertSink
        do { delivery = try SinkFactory.make(spec) } catch {
            throw fail("\(error)", status: Status.usage)
        }
        let now = Date()
        let alert = Alert(id: "test-\(Int(now.timeIntervalSince1970))", source: "civicwatch-test",
                          sourceTitle: "CivicWatch test alert", kind: .new,
                          title: "Test alert from civicwatch: if you read this, \(spec.name) works",
                          link: "https://example.org/civicwatch/test-alert", published: now,
                          summary: "Sent by `civicwatch test-alert \(spec.name)`. No source reported anything.",
                          tags: ["test"], categories: [CategoryScore(name: "test", score: 1)], detectedAt: now)
        let key = "test-\(UUID().uuidString.lowercased())"
        switch delivery.deliver([alert], idempotencyKey: key) {
        case let .accepted(reply):
            print("\(spec.name): accepted: \(AlertTextShort.clean(reply, 500))")
        case let .refused(reason, retryAfter):
            let wait = retryAfter.map { " (the server asks to wait \(Int($0)) s)" } ?? ""
            print("\(spec.name): refused: \(AlertTextShort.clean(reason, 500))\(wait)")
            throw ExitCode(Status.someFailed)
        }
    }
}
