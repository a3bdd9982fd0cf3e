import Config
import Foundation
import Logging
import Model
import Snapshots
import TestSupport
import Watcher
import XCTest

/// `expect_update_within`: a source that keeps answering but publishes nothing new raises one
/// source_quiet alert, once, and a new item ends the quiet spell.
final class SourceQuietTests: XCTestCase {
    func testQuietSourceAlertsOnceAndRecoversWithANewItem() throws {
        let f = try WebFixture()
        try f.write("feed.xml", rss([("a", "One")]))
        let yaml = """
        sources:
          - {id: mps, url: "\(f.base)/feed.xml", expect_update_within: 30d}
        alerts:
          - stdout: {format: json}
        """
        let config = try ConfigLoader.parse(yaml: yaml, file: f.config.path).configuration
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let pass = Pass(configuration: config, stateDir: f.state.path, logger: logger)
        let t0 = Date()
        func run(daysLater days: Double) throws -> [String] {
            var options = PassOptions()
            options.force = true
            options.now = t0.addingTimeInterval(days * 86400)
            let before = try StateStore(folder: f.state.path).alerts(since: .distantPast).count
            _ = try pass.run(options)
            let all = try StateStore(folder: f.state.path).alerts(since: .distantPast)
            return all.dropFirst(before).compactMap { try? AlertJSON.decode($0).kind.rawValue }
        }
        XCTAssertEqual(try run(daysLater: 0), [], "baseline")
        XCTAssertEqual(try run(daysLater: 10), [])
        XCTAssertEqual(try run(daysLater: 31), ["source_quiet"])
        XCTAssertEqual(try run(daysLater: 32), [], "said once per quiet spell")
        try f.write("feed.xml", rss([("b", "Two"), ("a", "One")]))
        XCTAssertEqual(try run(daysLater: 33), ["new"])
        try f.write("feed.xml", rss([("b", "Two"), ("a", "One")]) + " ")
        XCTAssertEqual(try run(daysLater: 70), ["source_quiet"], "a new spell after the last change")
    }
}
