import Foundation
import Snapshots
import XCTest

/// A year of hourly passes over 100 sources, through the same StateStore calls a pass makes, to
/// see what the database weighs after years of unattended use. Slow, so it only runs when asked:
///   CIVICWATCH_RETENTION_SIM_DAYS=365 swift test --filter RetentionSimulation
/// (release: add `-c release`). It prints the size; the figure is in docs/performance.md.
final class RetentionSimulation: XCTestCase {
    func testAYearOfHourlyPassesStaysSmall() throws {
        guard let daysText = ProcessInfo.processInfo.environment["CIVICWATCH_RETENTION_SIM_DAYS"], let days = Int(daysText) else {
            throw XCTSkip("set CIVICWATCH_RETENTION_SIM_DAYS to run")
        }
        let dir = NSTemporaryDirectory() + "cw-retention-sim-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try StateStore(folder: dir)
        let policy = RetentionPolicy(keepVersions: 50, keepDays: 365)
        let start = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01
        // 60 feeds and lists publishing 3 items a day each, 40 pages changing once a week.
        let summary = String(repeating: "关于进一步加强社会组织管理的通知 ", count: 12)
        let pageText = String(repeating: "第一条 为了规范社会组织登记管理，制定本条例。", count: 200)
        var serial = 0
        let began = Date()
        for hour in 0..<(days * 24) {
            let now = start.addingTimeInterval(Double(hour) * 3600)
            for s in 0..<100 {
                var st = SourceState(id: "s\(s)", lastCheck: now, lastSuccess: now)
                st.baselineAt = start
                st.itemsLast = 20
                var update = SourceUpdate(state: st, url: "https://example.org/\(s)", type: s < 60 ? "feed" : "page")
                update.check = .init(outcome: "not_modified", items: 20, alerts: 0, elapsed: 0.01)
                if s < 60, (hour + s) % 8 == 0 {
                    serial += 1
                    let payload = #"{"id":"a\#(serial)","source":"s\#(s)","kind":"new","title":"Item \#(serial)","summary":"\#(summary)"}"#
                    update.newItems = [StoredItem(identity: "i\(serial)", title: "Item \(serial) \(summary.prefix(30))",
                                                  link: "https://example.org/\(s)/\(serial).html", published: now, firstSeen: now)]
                    update.alerts = [(id: "a\(serial)", kind: "new", payload: Data(payload.utf8))]
                    update.check?.outcome = "checked"
                } else if s >= 60, (hour + s * 7) % (24 * 7) == 0 {
                    serial += 1
                    update.pageVersion = ("h\(serial)", pageText + String(serial))
                    update.alerts = [(id: "a\(serial)", kind: "changed", payload: Data(#"{"id":"a\#(serial)","kind":"changed"}"#.utf8))]
                }
                try store.commit(update, sinks: ["stdout"], keepVersions: policy.keepVersions)
                if !update.alerts.isEmpty { try store.markDelivered(update.alerts.map(\.id), sink: "stdout", at: now) }
            }
            try store.prune(policy, now: now)
        }
        let mb = Double(store.sizeOnDisk()) / 1_048_576
        print(String(format: "retention simulation: %d days × 24 passes × 100 sources, %d alerts: database %.1f MB (%.0f s)",
                     days, serial, mb, Date().timeIntervalSince(began)))
        XCTAssertLessThan(mb, 400)
    }
}
