import Foundation
import Model
import Snapshots
import TestSupport
import XCTest

/// Grouping of the same story across sources, inside the commit transaction.
final class StoryGroupingTests: XCTestCase {
    var dir: String!

    override func setUp() { dir = NSTemporaryDirectory() + "cw-story-\(UUID().uuidString)" }
    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    private func update(_ source: String, alertID: String, at: Date, category: String? = nil) -> SourceUpdate {
        let alert = Alert(id: alertID, source: source, sourceTitle: source, kind: .new, title: "Four activists detained",
                          categories: category.map { [CategoryScore(name: $0, score: 1.2)] } ?? [], detectedAt: at)
        var u = SourceUpdate(state: SourceState(id: source, lastCheck: at), url: "http://x/\(source)", type: "feed",
                             alerts: [(alertID, "new", AlertJSON.encode(alert))])
        u.stories = [alertID: StoryKeys(title: "fouractivistsdetained", link: nil)]
        u.groupWindow = 72 * 3600
        return u
    }

    func testLaterReportsJoinThePendingAlertOrAreDroppedOnceDelivered() throws {
        let store = try StateStore(folder: dir)
        let t = Date(timeIntervalSince1970: 1_800_000_000)
        try store.commit(update("a", alertID: "a1", at: t), sinks: ["stdout"], keepVersions: 5)
        try store.commit(update("b", alertID: "b1", at: t.addingTimeInterval(60), category: "crackdown"), sinks: ["stdout"], keepVersions: 5)
        let pending = try store.pendingDeliveries(sink: "stdout")
        XCTAssertEqual(pending.map(\.alertID), ["a1"])
        let merged = try AlertJSON.decode(pending[0].payload)
        XCTAssertEqual(merged.alsoReportedBy, ["b"])
        XCTAssertEqual(merged.categories.map(\.name), ["crackdown"], "categories of the later report are merged in")

        try store.markDelivered(["a1"], sink: "stdout")
        try store.commit(update("c", alertID: "c1", at: t.addingTimeInterval(120)), sinks: ["stdout"], keepVersions: 5)
        XCTAssertEqual(try store.pendingDeliveries(sink: "stdout").count, 0, "already told: dropped")

        // Outside the window the story is news again.
        try store.commit(update("d", alertID: "d1", at: t.addingTimeInterval(4 * 86400)), sinks: ["stdout"], keepVersions: 5)
        XCTAssertEqual(try store.pendingDeliveries(sink: "stdout").map(\.alertID), ["d1"])
    }

    func testVersionOneDatabaseIsUpgraded() throws {
        _ = try StateStore(folder: dir)
        let path = dir + "/" + StateStore.fileName
        // Turn it back into a version 1 database (no story columns).
        let script = """
        import sqlite3,sys
        c=sqlite3.connect(sys.argv[1])
        c.execute('drop index alerts_story'); c.execute('drop index alerts_story_link')
        c.execute('alter table alerts drop column story'); c.execute('alter table alerts drop column story_link')
        c.execute('pragma user_version = 1'); c.commit()
        """
        XCTAssertEqual(try Script.python(script, path).status, 0)
        let store = try StateStore(folder: dir)
        let t = Date(timeIntervalSince1970: 1_800_000_000)
        try store.commit(update("a", alertID: "a1", at: t), sinks: ["stdout"], keepVersions: 5)
        try store.commit(update("b", alertID: "b1", at: t), sinks: ["stdout"], keepVersions: 5)
        XCTAssertEqual(try store.pendingDeliveries(sink: "stdout").map(\.alertID), ["a1"])
    }
}
