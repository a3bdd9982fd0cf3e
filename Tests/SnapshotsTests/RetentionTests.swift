import Foundation
import Snapshots
import XCTest

final class RetentionTests: XCTestCase {
    var dir: String!
    override func setUp() { dir = NSTemporaryDirectory() + "cw-retention-\(UUID().uuidString)" }
    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    private let day: TimeInterval = 86400
    private let start = Date(timeIntervalSince1970: 1_800_000_000)

    /// A year-old item that is still on its page must not be forgotten (it would alert again), but
    /// old items beyond what the page can show, old checks and delivered old alerts go.
    func testPruneKeepsRecentItemsAndWhatThePageStillShows() throws {
        let store = try StateStore(folder: dir)
        // 300 items, one a day; the page shows 20 of them.
        for i in 0..<300 {
            let at = start.addingTimeInterval(Double(i) * day)
            var st = SourceState(id: "feed", lastCheck: at, lastSuccess: at)
            st.itemsLast = 20
            st.baselineAt = start
            var update = SourceUpdate(state: st, url: "http://x/", type: "feed",
                                      newItems: [StoredItem(identity: "i\(i)", title: "T\(i)", link: nil, published: nil, firstSeen: at)],
                                      alerts: [(id: "a\(i)", kind: "new", payload: Data("{}".utf8))])
            update.check = .init(outcome: "checked", items: 20, alerts: 1, elapsed: 0.1)
            try store.commit(update, sinks: ["stdout"], keepVersions: 5)
        }
        // Everything delivered except one old alert, which must survive pruning.
        try store.markDelivered((1..<300).map { "a\($0)" }, sink: "stdout")
        let now = start.addingTimeInterval(299 * day)
        let report = try store.prune(RetentionPolicy(keepVersions: 5, keepDays: 30), now: now)

        // Kept: the newest max(200, 2 × 20) = 200 items, whatever their age.
        XCTAssertEqual(try store.itemCount(source: "feed"), 200)
        XCTAssertEqual(try store.knownIdentities(source: "feed", among: ["i299", "i100", "i99", "i0"]), ["i299", "i100"])
        XCTAssertEqual(report.items, 100)
        XCTAssertEqual(try store.checks(source: "feed", limit: 1000).count, 31, "checks older than 30 days pruned")
        let remaining = try store.alerts(since: .distantPast).count
        XCTAssertEqual(remaining, 31 + 1, "the undelivered alert a0 is never pruned")
        XCTAssertEqual(try store.pendingDeliveries(sink: "stdout").map(\.alertID), ["a0"])
    }

    /// Pruning scans the whole history, so it runs at most every six hours, not on every pass.
    func testPruneRunsAtMostEverySixHours() throws {
        let store = try StateStore(folder: dir)
        let policy = RetentionPolicy(keepVersions: 1, keepDays: 30)
        func addVersion(_ i: Int, at: Date) throws {
            try store.commit(SourceUpdate(state: SourceState(id: "p", lastCheck: at), url: "http://x/", type: "page",
                                          pageVersion: ("h\(i)", "text \(i)")), sinks: [], keepVersions: 50)
        }
        try addVersion(0, at: start)
        try store.prune(policy, now: start)
        try addVersion(1, at: start)
        XCTAssertEqual(try store.prune(policy, now: start.addingTimeInterval(3600)).versions, 0, "pruned an hour ago")
        XCTAssertEqual(try store.pageVersions(source: "p").count, 2)
        XCTAssertEqual(try store.prune(policy, now: start.addingTimeInterval(7 * 3600)).versions, 1)
        XCTAssertEqual(try store.pageVersions(source: "p").map(\.text), ["text 1"])
    }

    func testPruneKeepsTheLatestPageVersionHoweverOld() throws {
        let store = try StateStore(folder: dir)
        for i in 0..<3 {
            let at = start.addingTimeInterval(Double(i) * day)
            try store.commit(SourceUpdate(state: SourceState(id: "p", lastCheck: at), url: "http://x/", type: "page",
                                          pageVersion: ("h\(i)", "text \(i)")), sinks: [], keepVersions: 50)
        }
        try store.prune(RetentionPolicy(keepVersions: 50, keepDays: 30), now: start.addingTimeInterval(400 * day))
        XCTAssertEqual(try store.pageVersions(source: "p").map(\.text), ["text 2"])
    }
}
