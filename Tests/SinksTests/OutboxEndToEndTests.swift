import Foundation
import TestSupport
import XCTest

/// Whole passes of the built binary against loopback receivers that refuse, hang and come back,
/// some passes killed with SIGKILL: every alert arrives, and none twice under different keys.
final class OutboxEndToEndTests: XCTestCase {
    var f: SinksFixture!

    override func setUpWithError() throws { f = try SinksFixture() }
    override func tearDown() { f = nil }

    func configureJSONHook(_ hook: String = "recv", extra: String = "", sinkExtra: String = "") throws {
        try f.configure("""
        sources:
          - {id: feed, url: "BASE/feed.xml"\(extra)}
        alerts:
          - webhook: {name: recv, url: "BASE/__hook/\(hook)", format: json, timeout: 1s, backoff: 0s\(sinkExtra)}

        """)
    }

    func testReceiverDownForTwoPassesThenUpGetsEveryAlertExactlyOnce() throws {
        try configureJSONHook()
        try f.writeFeed(0..<5)
        try f.server.setHook("recv", refuse: 2, status: 503)
        let first = try f.pass()
        XCTAssertEqual(first.status, 1, "a refused delivery makes the pass exit 1: \(first.stderr)")
        XCTAssertTrue(first.stderr.contains("HTTP 503"), first.stderr)
        XCTAssertEqual(try f.pass().status, 1)
        let third = try f.pass()
        XCTAssertEqual(third.status, 0, third.stderr)
        XCTAssertEqual(try f.pass().status, 0)

        let posts = try f.server.posts("recv")
        XCTAssertEqual(posts.map(\.answer), [503, 503, 200], "one attempt a pass while down, then one delivery, then nothing")
        XCTAssertEqual(Set(posts.compactMap { $0.header("X-CivicWatch-Delivery") }).count, 1, "every retry carries the same key")
        XCTAssertEqual(try SinksFixture.alertIDs(posts[2].body).sorted(), (0..<5).map { "i\($0)" })
        XCTAssertTrue(try f.cli(["outbox"]).stdout.contains("nothing undelivered"))
    }

    func testPassKilledBetweenSnapshotAndDeliveryDeliversOnTheNextPass() throws {
        try configureJSONHook()
        try f.writeFeed(0..<3)
        let killed = try f.pass(environment: ["CIVICWATCH_TEST_KILL_BEFORE_DELIVERY": "1"])
        XCTAssertEqual(killed.status, SIGKILL, "the hook kills the pass after its commits")
        XCTAssertTrue(try f.server.posts("recv").isEmpty)
        XCTAssertTrue(try f.cli(["outbox"]).stdout.contains("pending"), "the alerts wait in the outbox")
        XCTAssertEqual(try f.pass().status, 0)
        let posts = try f.server.posts("recv")
        XCTAssertEqual(posts.count, 1)
        XCTAssertEqual(try SinksFixture.alertIDs(posts[0].body).sorted(), ["i0", "i1", "i2"])
    }

    func testPassKilledAfterSendingResendsUnderTheSameKey() throws {
        try configureJSONHook()
        try f.writeFeed(0..<3)
        XCTAssertEqual(try f.pass(environment: ["CIVICWATCH_TEST_KILL_AFTER_SEND": "1"]).status, SIGKILL)
        try f.writeFeed(0..<4)
        XCTAssertEqual(try f.pass().status, 0)
        let posts = try f.server.posts("recv")
        XCTAssertEqual(posts.count, 3, "the unconfirmed batch again, then the new alert")
        XCTAssertEqual(posts[0].header("X-CivicWatch-Delivery"), posts[1].header("X-CivicWatch-Delivery"))
        XCTAssertEqual(posts[0].body, posts[1].body)
        let byKey = try f.receivedByKey("recv")
        XCTAssertEqual(byKey.values.flatMap { $0 }.sorted(), ["i0", "i1", "i2", "i3"], "deduplicated by key: each alert once")
    }

    func testRetryAfterIsHonouredAndOutboxRetrySendsAtOnce() throws {
        try configureJSONHook()
        try f.writeFeed(0..<2)
        try f.server.setHook("recv", refuse: 1, status: 429, retryAfter: "3600")
        XCTAssertEqual(try f.pass().status, 1)
        let listed = try f.cli(["outbox"])
        XCTAssertEqual(listed.status, 0)
        XCTAssertTrue(listed.stdout.contains("HTTP 429"), listed.stdout)
        let line = try XCTUnwrap(listed.stdout.split(separator: "\n").first { $0.contains("webhook:recv\tpending") })
        let next = try XCTUnwrap(line.split(separator: "\t").map(String.init).first { $0.hasPrefix("20") })
        let when = try XCTUnwrap(ISO8601DateFormatter().date(from: next))
        XCTAssertGreaterThan(when.timeIntervalSinceNow, 3500, "next attempt follows Retry-After")
        XCTAssertEqual(try f.pass().status, 0)
        XCTAssertEqual(try f.server.posts("recv").count, 1, "nothing sent before Retry-After")
        XCTAssertEqual(try f.cli(["outbox", "retry"]).status, 0)
        XCTAssertEqual(try f.pass().status, 0)
        XCTAssertEqual(try f.server.posts("recv").map(\.answer), [429, 200])
    }

    func testParkedAfterMaxAttemptsThenRetriedOrDropped() throws {
        try configureJSONHook(sinkExtra: ", max_attempts: 2, mode: each")
        try f.writeFeed(0..<2)
        try f.server.setHook("recv", refuse: 100, status: 500)
        _ = try f.pass()
        _ = try f.pass()
        _ = try f.pass()
        _ = try f.pass()
        let listed = try f.cli(["outbox"])
        let parked = listed.stdout.split(separator: "\n").filter { $0.contains("\tparked\t") }
        XCTAssertEqual(parked.count, 2, listed.stdout)
        XCTAssertTrue(parked.allSatisfy { $0.contains("HTTP 500") && $0.contains("\t2\t") }, listed.stdout)
        let postsBefore = try f.server.posts("recv").count
        XCTAssertEqual(postsBefore, 4, "each alert tried twice (one message each), a refusal stops the pass's sending")
        _ = try f.pass()
        XCTAssertEqual(try f.server.posts("recv").count, postsBefore, "parked alerts are not sent again by themselves")

        let ids = parked.map { String($0.split(separator: "\t")[0]) }
        let drop = try f.cli(["outbox", "drop", ids[0]])
        XCTAssertEqual(drop.status, 0, drop.stderr)
        XCTAssertEqual(try f.cli(["outbox", "drop", "no-such-id"]).status, 1)
        try f.server.setHook("recv", refuse: 0)
        XCTAssertEqual(try f.cli(["outbox", "retry", ids[1]]).status, 0)
        XCTAssertEqual(try f.pass().status, 0)
        let accepted = try f.server.posts("recv").filter { $0.answer == 200 }
        XCTAssertEqual(accepted.count, 1)
        XCTAssertFalse(accepted[0].body.contains(ids[0]), "the dropped alert is never sent")
        XCTAssertTrue(try f.cli(["outbox"]).stdout.contains("nothing undelivered"))
    }

    func testRoutingIsDecidedAtCommitBySourceAndCategory() throws {
        try f.configure("""
        sources:
          - {id: police, url: "BASE/feed.xml", category: crackdown}
          - {id: laws, url: "BASE/laws.xml", sinks: [all]}
        alerts:
          - webhook: {name: crack, url: "BASE/__hook/crack", format: json, categories: [crackdown]}
          - webhook: {name: all, url: "BASE/__hook/all", format: json}

        """)
        try f.writeFeed(0..<2)
        try f.writeFeed(10..<12, name: "laws.xml", titlePrefix: "Law")
        let out = try f.pass()
        XCTAssertEqual(out.status, 0, out.stderr)
        let crack = try f.server.posts("crack").flatMap { try SinksFixture.alertIDs($0.body) }
        let all = try f.server.posts("all").flatMap { try SinksFixture.alertIDs($0.body) }
        XCTAssertEqual(crack.sorted(), ["i0", "i1"])
        XCTAssertEqual(all.sorted(), ["i0", "i1", "i10", "i11"])
    }

    func testDigestEveryWeekWaitsInTheOutbox() throws {
        try configureJSONHook(sinkExtra: ", every: 7d")
        try f.writeFeed(0..<2)
        XCTAssertEqual(try f.pass().status, 0)
        try f.writeFeed(0..<4)
        XCTAssertEqual(try f.pass().status, 0)
        let posts = try f.server.posts("recv")
        XCTAssertEqual(posts.count, 1, "the second digest is not due for a week")
        XCTAssertEqual(try SinksFixture.alertIDs(posts[0].body).sorted(), ["i0", "i1"])
        XCTAssertEqual(try f.cli(["outbox"]).stdout.components(separatedBy: "\tpending\t").count - 1, 2)
    }

    func testTestAlertSaysWhatTheServerAnswered() throws {
        try configureJSONHook()
        try f.writeFeed(0..<1)
        let ok = try f.cli(["test-alert", "recv"])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertTrue(ok.stdout.contains("webhook:recv: accepted: HTTP 200"), ok.stdout)
        try f.server.setHook("recv", refuse: 1, status: 500)
        let refused = try f.cli(["test-alert", "webhook:recv"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stdout.contains("refused") && refused.stdout.contains("HTTP 500"), refused.stdout)
        XCTAssertEqual(try f.cli(["test-alert", "nope"]).status, 2)
        XCTAssertTrue(try f.cli(["outbox"]).stdout.contains("SINK"), "test-alert stores nothing")
    }

    /// The check the issue names: receivers that refuse, time out and come back, across passes
    /// killed at random moments.
    func testRandomKillsWithFlakyReceiversLoseNothingAndRepeatNothing() throws {
        let mailFolder = f.root.appendingPathComponent("mail")
        let smtp = try TestSMTPServer(folder: mailFolder)
        defer { smtp.stop() }
        try f.configure("""
        sources:
          - {id: feed, url: "BASE/feed.xml"}
        alerts:
          - webhook: {name: recv, url: "BASE/__hook/recv", format: json, timeout: 1s, backoff: 0s, max_attempts: 100}
          - webhook: {name: each, url: "BASE/__hook/each", format: json, mode: each, timeout: 1s, backoff: 0s, max_attempts: 100}
          - email: {name: team, url: "\(smtp.url)", starttls: false, from: cw@example.org, to: team@example.org, backoff: 0s, max_attempts: 100}

        """)
        var rng = SystemRandomNumberGenerator()
        var total = 0
        let rounds = Int(ProcessInfo.processInfo.environment["CIVICWATCH_TEST_KILL_ROUNDS"] ?? "") ?? 14
        for round in 0..<rounds {
            total += Int.random(in: 0...3, using: &rng)
            try f.writeFeed(0..<total)
            for hook in ["recv", "each"] {
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: try f.server.setHook(hook, refuse: 1, status: 503)
                case 1: try f.server.setHook(hook, hang: 1, hangSeconds: 3)
                default: try f.server.setHook(hook)
                }
            }
            try smtp.refuse(Int.random(in: 0...1, using: &rng))
            let delay = Double.random(in: 0.02...1.2, using: &rng)
            let status = try f.killedPass(after: delay)
            print("round \(round): \(total) items, killed after \(String(format: "%.2f", delay)) s, status \(status)")
        }
        try f.server.setHook("recv")
        try f.server.setHook("each")
        try smtp.refuse(0)
        // One clean pass picks up what the last killed pass never committed; more only while
        // something is still owed (a batch that was in flight when killed goes again).
        _ = try f.pass()
        for _ in 0..<3 where !(try f.cli(["outbox"]).stdout.contains("nothing undelivered")) {
            _ = try f.pass()
        }
        XCTAssertTrue(try f.cli(["outbox"]).stdout.contains("nothing undelivered"))
        let expected = (0..<total).map { "i\($0)" }.sorted()

        for hook in ["recv", "each"] {
            let byKey = try f.receivedByKey(hook)
            let accepted = try f.receivedByKey(hook, acceptedOnly: true)
            let all = byKey.values.flatMap { $0 }
            XCTAssertEqual(Set(accepted.values.flatMap { $0 }), Set(expected), "\(hook): every alert accepted once at least")
            XCTAssertEqual(all.sorted(), expected, "\(hook): deduplicated by key, no alert arrives twice")
            let posts = try f.server.posts(hook)
            let resent = posts.count - Set(posts.compactMap { $0.header("X-CivicWatch-Delivery") }).count
            print("\(hook): \(total) alerts, \(posts.count) POSTs, \(resent) resends under an earlier key, \(byKey.count) keys")
        }
        var byMessageID: [String: [String]] = [:]
        for mail in try smtp.messages() {
            let items = mail.plain?.components(separatedBy: "http://example.org/").dropFirst().map { String($0.prefix { !$0.isWhitespace }) } ?? []
            byMessageID[mail.header("Message-ID") ?? UUID().uuidString] = items
        }
        XCTAssertEqual(byMessageID.values.flatMap { $0 }.sorted(), expected, "email: every alert, once per Message-ID")
        print("email: \(total) alerts, \(try smtp.messages().count) messages, \(byMessageID.count) Message-IDs")
    }
}
