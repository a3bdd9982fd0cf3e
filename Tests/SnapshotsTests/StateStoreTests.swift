import Foundation
import Snapshots
import TestSupport
import XCTest

final class StateStoreTests: XCTestCase {
    var dir: String!

    override func setUp() {
        dir = NSTemporaryDirectory() + "cw-store-\(UUID().uuidString)"
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: dir)
    }

    func testFolderAndFilePermissionsArePrivate() throws {
        let store = try StateStore(folder: dir + "/nested")
        let fm = FileManager.default
        let folderMode = (try fm.attributesOfItem(atPath: dir + "/nested")[.posixPermissions] as? NSNumber)?.intValue
        let fileMode = (try fm.attributesOfItem(atPath: store.path)[.posixPermissions] as? NSNumber)?.intValue
        XCTAssertEqual(folderMode, 0o700)
        XCTAssertEqual(fileMode.map { $0 & 0o077 }, 0, "database readable by others: \(String(fileMode ?? 0, radix: 8))")
    }

    func testCommitStoresItemsAlertsAndPendingDeliveriesTogether() throws {
        let store = try StateStore(folder: dir)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        var state = SourceState(id: "s1", etag: "\"abc\"", lastCheck: now, lastSuccess: now)
        state.baselineAt = now
        let update = SourceUpdate(state: state, url: "http://x/", type: "feed",
                                  newItems: [StoredItem(identity: "i1", title: "T", link: "http://x/1", published: nil, firstSeen: now)],
                                  alerts: [(id: "a1", kind: "new", payload: Data("{\"id\":\"a1\"}".utf8))])
        try store.commit(update, sinks: ["stdout", "email"], keepVersions: 5)
        XCTAssertEqual(try store.sourceStates()["s1"]?.etag, "\"abc\"")
        XCTAssertEqual(try store.knownIdentities(source: "s1", among: ["i1", "i2"]), ["i1"])
        XCTAssertEqual(try store.knownIdentities(source: "other", among: ["i1"]), [])
        XCTAssertEqual(try store.pendingDeliveries(sink: "stdout").map(\.alertID), ["a1"])
        try store.markDelivered(["a1"], sink: "stdout")
        XCTAssertEqual(try store.pendingDeliveries(sink: "stdout").count, 0)
        XCTAssertEqual(try store.pendingDeliveries(sink: "email").map(\.alertID), ["a1"], "one sink's delivery must not mark another's")
        try store.markFailed(["a1"], sink: "email", error: "refused", retryAt: Date().addingTimeInterval(3600))
        XCTAssertEqual(try store.pendingDeliveries(sink: "email").count, 0, "not retried before its time")
        XCTAssertEqual(try store.pendingDeliveries(sink: "email", now: Date().addingTimeInterval(7200)).count, 1)
    }

    func testPageVersionsAreBounded() throws {
        let store = try StateStore(folder: dir)
        for i in 1...8 {
            let st = SourceState(id: "p", lastCheck: Date())
            try store.commit(SourceUpdate(state: st, url: "http://x/", type: "page", pageVersion: ("h\(i)", "text \(i)")),
                             sinks: [], keepVersions: 3)
        }
        XCTAssertEqual(try store.pageVersions(source: "p").map(\.text), ["text 6", "text 7", "text 8"])
        XCTAssertEqual(try store.latestPageVersion(source: "p")?.seq, 8)
    }

    func testForeignOrCorruptDatabaseIsRefusedAndLeftIntact() throws {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/" + StateStore.fileName
        let junk = Data("this is not a database, it is someone's notes".utf8)
        FileManager.default.createFile(atPath: path, contents: junk)
        XCTAssertThrowsError(try StateStore(folder: dir)) { error in
            XCTAssertTrue("\(error)".contains("not a CivicWatch state database"), "\(error)")
        }
        XCTAssertEqual(FileManager.default.contents(atPath: path), junk)

        // A real SQLite database of another program is refused too.
        try FileManager.default.removeItem(atPath: path)
        try Script.python("import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('create table t(x)'); c.commit()", path)
        let before = FileManager.default.contents(atPath: path)
        XCTAssertThrowsError(try StateStore(folder: dir))
        XCTAssertEqual(FileManager.default.contents(atPath: path), before)
    }

    func testReopeningKeepsState() throws {
        do {
            let store = try StateStore(folder: dir)
            try store.commit(SourceUpdate(state: SourceState(id: "s", consecutiveFailures: 2), url: "u", type: "feed"), sinks: [], keepVersions: 1)
        }
        XCTAssertEqual(try StateStore(folder: dir).sourceStates()["s"]?.consecutiveFailures, 2)
        XCTAssertEqual(try StateStore(folder: dir).integrityCheck(), "ok")
    }
}
