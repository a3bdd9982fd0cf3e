import Foundation
import TestSupport
import XCTest

/// Passes killed with SIGKILL at random moments, a disk that fills up, a state file that is not ours:
/// the database stays sound, no alert is lost, none is delivered twice under different keys.
final class CrashSafetyTests: XCTestCase {
    /// CIVICWATCH_KILLTEST_PASSES raises the count (scripts/killtest.sh runs 200).
    static var passes: Int { Int(ProcessInfo.processInfo.environment["CIVICWATCH_KILLTEST_PASSES"] ?? "") ?? 40 }

    func sqlite(_ db: String, _ sql: String) throws -> String {
        try Script.run(["sqlite3", db, sql], mergeErrors: true).text
    }

    var dbName: String { "civicwatch.sqlite" }

    func testRandomKillsWithChangingSourcesAndAFlakySink() throws {
        let f = try HostileFixture()
        try f.configure("""
        defaults: {timeout: 3s}
        sources:
          - {id: a, url: "BASE/a.xml"}
          - {id: b, url: "BASE/b.xml"}
          - {id: c, url: "BASE/c.xml"}
        alerts:
          - webhook: {name: recv, url: "BASE/__hook/recv", format: json, timeout: 1s, backoff: 0s, max_attempts: 1000}
          - webhook: {name: each, url: "BASE/__hook/each", format: json, mode: each, timeout: 1s, backoff: 0s, max_attempts: 1000}

        """)
        var rng = SystemRandomNumberGenerator()
        var counts = ["a": 0, "b": 0, "c": 0]
        var expected = Set<String>()
        func publish() throws {
            for (feed, n) in counts {
                // Newest first, as feeds are. Every item stays listed: an item that scrolled off
                // before any pass could commit it was never seen, which is not a lost alert.
                let items = (0..<n).reversed().map { ("\(feed)\($0)", "Story \(feed) \($0)", "about \($0)") }
                try f.writeFeed("\(feed).xml", items: items)
            }
        }
        let db = f.state.appendingPathComponent(dbName).path
        var killed = 0
        let started = Date()
        for round in 0..<Self.passes {
            for feed in counts.keys where Int.random(in: 0..<3, using: &rng) > 0 {
                let add = Int.random(in: 1...4, using: &rng)
                for i in counts[feed]!..<(counts[feed]! + add) { expected.insert("\(feed)\(i)") }
                counts[feed]! += add
            }
            try publish()
            for hook in ["recv", "each"] {
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: try f.server.setHook(hook, refuse: 1, status: 503)
                case 1: try f.server.setHook(hook, hang: 1, hangSeconds: 2)
                default: try f.server.setHook(hook)
                }
            }
            // Kills land anywhere from start-up to after delivery (a pass takes 0.2–2.5 s here).
            let delay = Double.random(in: 0.005...2.5, using: &rng)
            let run = try ChildRun.run(f.args(["run", "--force", "--alert-on-baseline", "--quiet"]),
                                       limits: .init(killAfter: delay), folder: f.root)
            if run.signal == SIGKILL { killed += 1 }
            XCTAssertTrue(run.signal == nil || run.signal == SIGKILL, "round \(round): died of signal \(run.signal!)")
            if FileManager.default.fileExists(atPath: db) {
                XCTAssertEqual(try sqlite(db, "PRAGMA integrity_check"), "ok", "round \(round): database damaged")
            }
            try assertNoAlertTwice(f, round: round)
        }
        try f.server.setHook("recv")
        try f.server.setHook("each")
        // At least one pass that is not killed (every pass may have died before its first commit,
        // leaving an empty outbox), then more until the outbox is empty.
        _ = try f.pass(["--alert-on-baseline", "--quiet"], limits: .init(killAfter: 900))
        for _ in 0..<5 where !(try f.cli(["outbox"]).stdout.contains("nothing undelivered")) {
            _ = try f.pass(["--alert-on-baseline", "--quiet"], limits: .init(killAfter: 900))
        }
        XCTAssertEqual(try sqlite(db, "PRAGMA integrity_check"), "ok")
        XCTAssertTrue(try f.cli(["outbox"]).stdout.contains("nothing undelivered"))
        for hook in ["recv", "each"] {
            let accepted = try receivedByKey(f, hook, acceptedOnly: true).values.flatMap { $0 }
            let all = try receivedByKey(f, hook).values.flatMap { $0 }
            XCTAssertEqual(Set(accepted), expected, "\(hook): every alert accepted at least once; missing " +
                           "\(expected.subtracting(accepted).sorted()), unexpected \(Set(accepted).subtracting(expected).sorted())")
            XCTAssertEqual(all.count, Set(all).count, "\(hook): no alert under two different keys")
        }
        print("kill harness: \(Self.passes) passes, \(killed) killed by SIGKILL, \(expected.count) alerts, " +
              "\(String(format: "%.0f", Date().timeIntervalSince(started))) s")
    }

    private func assertNoAlertTwice(_ f: HostileFixture, round: Int) throws {
        for hook in ["recv", "each"] {
            let all = try receivedByKey(f, hook).values.flatMap { $0 }
            XCTAssertEqual(all.count, Set(all).count, "round \(round), \(hook): an alert was sent under two keys")
        }
    }

    /// Alert ids (the item guid, last path part of its link) per idempotency key; a resend under the
    /// same key must carry the same alerts.
    private func receivedByKey(_ f: HostileFixture, _ hook: String, acceptedOnly: Bool = false) throws -> [String: [String]] {
        var byKey: [String: [String]] = [:]
        for post in try f.server.posts(hook) where !acceptedOnly || post.answer == 200 {
            guard let key = post.header("X-CivicWatch-Delivery") else { continue }
            let obj = try JSONSerialization.jsonObject(with: Data(post.body.utf8)) as? [String: Any]
            let ids = (obj?["alerts"] as? [[String: Any]] ?? []).compactMap { $0["link"] as? String }
                .map { String($0.split(separator: "/").last ?? "") }
            if let seen = byKey[key] { XCTAssertEqual(seen, ids, "a resend under the same key carries the same alerts") }
            byKey[key] = ids
        }
        return byKey
    }

    /// A disk that fills up mid-pass (RLIMIT_FSIZE on the child, SIGXFSZ ignored: writes fail with
    /// EFBIG) fails the pass with a clear message and leaves the previous state as it was.
    func testFullDiskFailsThePassAndKeepsThePreviousState() throws {
        // ThreadSanitizer's runtime itself dies of SIGBUS in its shadow memory once RLIMIT_FSIZE
        // is reached (before civicwatch sees the error), so the limit cannot stand for a full disk
        // there; the normal and AddressSanitizer suites run this test.
        try XCTSkipIf(Sanitizers.thread, "RLIMIT_FSIZE crashes the ThreadSanitizer runtime")
        let f = try HostileFixture()
        try f.configure("""
        sources:
          - {id: big, url: "BASE/big.xml", max_bytes: 64MB}

        """)
        try f.writeFeed("big.xml", items: (0..<20).map { ("b\($0)", "Story \($0)", "short") })
        let first = try f.pass()
        XCTAssertEqual(first.status, 0, first.stderr)
        let db = f.state.appendingPathComponent(dbName).path
        let before = try sqlite(db, "SELECT count(*) FROM items")
        XCTAssertEqual(before, "20")

        // Many new items with long summaries: far more than the file-size limit allows to be written.
        let filler = String(repeating: "x", count: 4000)
        try f.writeFeed("big.xml", items: (0..<3000).map { ("n\($0)", "New story \($0) \(filler)", filler) })
        let size = (try FileManager.default.attributesOfItem(atPath: db)[.size] as? Int) ?? 0
        let full = try f.pass(limits: .init(killAfter: 900, maxFileBytes: size + 64 * 1024))
        XCTAssertNil(full.signal, "SIGXFSZ must not kill the pass: \(full.stderr)")
        XCTAssertNotEqual(full.status, 0, "a full disk is a failure")
        let text = (full.stderr + full.stdout).lowercased()
        XCTAssertTrue(text.contains("full") || text.contains("too large") || text.contains("disk") || text.contains("space"),
                      "a clear message: \(full.stderr.suffix(1500))")
        XCTAssertEqual(try sqlite(db, "PRAGMA integrity_check"), "ok")
        XCTAssertEqual(try sqlite(db, "SELECT count(*) FROM items"), before, "the previous state is intact")

        // With room again, the next pass catches up.
        let after = try f.pass()
        XCTAssertEqual(after.status, 0, after.stderr)
        XCTAssertEqual(try sqlite(db, "SELECT count(*) FROM items"), "3020")
    }

    /// A WAL cut short by a crash or a copy: SQLite ignores frames whose checksums fail, the state
    /// is consistent and the next pass re-detects whatever the lost frames held.
    func testTruncatedWALKeepsAConsistentState() throws {
        let f = try HostileFixture()
        try f.configure("""
        sources:
          - {id: a, url: "BASE/a.xml"}
        alerts:
          - webhook: {name: recv, url: "BASE/__hook/recv", format: json, timeout: 2s, backoff: 0s}

        """)
        try f.writeFeed("a.xml", items: (0..<10).map { ("a\($0)", "Story \($0)", "s") })
        let killed = try f.pass(["--alert-on-baseline"], environment: ["CIVICWATCH_TEST_KILL_BEFORE_DELIVERY": "1"])
        XCTAssertEqual(killed.signal, SIGKILL)
        let wal = f.state.appendingPathComponent(dbName + "-wal").path
        let walSize = (try FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0
        XCTAssertGreaterThan(walSize, 0, "the killed pass left its commits in the WAL")
        let h = try XCTUnwrap(FileHandle(forWritingAtPath: wal))
        try h.truncate(atOffset: UInt64(walSize / 2 + 17))
        try h.close()

        let run = try f.pass(["--alert-on-baseline"])
        XCTAssertNil(run.signal)
        XCTAssertEqual(try sqlite(f.state.appendingPathComponent(dbName).path, "PRAGMA integrity_check"), "ok")
        let again = try f.pass(["--alert-on-baseline"])
        let ids = try receivedByKey(f, "recv", acceptedOnly: true).values.flatMap { $0 }
        XCTAssertEqual(Set(ids), Set((0..<10).map { "a\($0)" }), "nothing lost with the cut WAL: \(run.stderr) \(again.stderr)")
        XCTAssertEqual(ids.count, 10, "nothing twice")
    }

    /// State files that are not ours, or damaged, are refused with a clear message and never written.
    func testForeignAndDamagedDatabasesAreRefusedAndLeftAlone() throws {
        let f = try HostileFixture()
        try f.configure("""
        sources:
          - {id: a, url: "BASE/a.xml"}

        """)
        try f.writeFeed("a.xml", items: (0..<50).map { ("a\($0)", "Story \($0) " + String(repeating: "y", count: 300), "s") })
        XCTAssertEqual(try f.pass().status, 0)
        let db = f.state.appendingPathComponent(dbName).path
        let good = try Data(contentsOf: URL(fileURLWithPath: db))

        func expectRefused(_ what: String, _ bytes: Data, file: StaticString = #filePath, line: UInt = #line) throws {
            try? FileManager.default.removeItem(atPath: db + "-wal")
            try? FileManager.default.removeItem(atPath: db + "-shm")
            try bytes.write(to: URL(fileURLWithPath: db))
            let run = try f.pass()
            XCTAssertEqual(run.status, 2, "\(what): refused as a usage problem: \(run.stderr)", file: file, line: line)
            XCTAssertTrue(run.stderr.contains(db), "\(what): the message names the file: \(run.stderr)", file: file, line: line)
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: db)), bytes, "\(what): never overwritten", file: file, line: line)
        }
        // Another program's SQLite database (different application_id, same layout otherwise).
        var other = good
        other.replaceSubrange(68..<72, with: [0x12, 0x34, 0x56, 0x78])
        try expectRefused("another application_id", other)
        // Our header, damaged pages.
        var scribbled = good
        let pageSize = 4096
        if scribbled.count > 3 * pageSize {
            for i in (pageSize + 100)..<(3 * pageSize - 100) { scribbled[i] = UInt8(truncatingIfNeeded: i &* 31) }
        }
        try expectRefused("damaged pages", scribbled)
        // Cut in half.
        try expectRefused("truncated", good.prefix(good.count / 2))
        // Not SQLite at all.
        try expectRefused("notes", Data("my notes, not a database\n".utf8))
    }
}
