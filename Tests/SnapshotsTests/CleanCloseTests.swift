import Foundation
import Snapshots
import TestSupport
import XCTest

/// A pass that closes the state cleanly lets the next open skip reading every page to check it,
/// but only while nothing else has written to the file.
final class CleanCloseTests: XCTestCase {
    var dir: String!
    var path: String { dir + "/" + StateStore.fileName }
    var marker: String { path + "-closed" }

    override func setUp() {
        dir = NSTemporaryDirectory() + "cw-clean-\(UUID().uuidString)"
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: dir)
    }

    /// When the state was last checked page by page (read without touching the file).
    private func lastCheck() throws -> String {
        try Script.python("""
            import sqlite3, sys
            c = sqlite3.connect('file:' + sys.argv[1] + '?immutable=1', uri=True)
            print(c.execute("SELECT value FROM meta WHERE key = 'last_quick_check'").fetchone()[0])
            """, path).text
    }

    private func fill(_ store: StateStore) throws {
        let text = String(repeating: "a page of text ", count: 2000)
        try store.commit(SourceUpdate(state: SourceState(id: "p", lastCheck: Date()), url: "http://x/", type: "page",
                                      pageVersion: ("h", text)), sinks: [], keepVersions: 3)
    }

    func testCheckIsSkippedOnlyWhileTheFileIsAsClosed() throws {
        let store = try StateStore(folder: dir)
        try fill(store)
        try store.close()
        XCTAssertTrue(FileManager.default.fileExists(atPath: marker))
        let created = try lastCheck()

        // Untouched since the clean close: not checked again (the stamp a check leaves is unchanged).
        Thread.sleep(forTimeInterval: 0.01)
        try StateStore(folder: dir).close()
        XCTAssertEqual(try lastCheck(), created)

        // Without the marker (a pass that did not finish), the file is checked.
        try FileManager.default.removeItem(atPath: marker)
        try StateStore(folder: dir).close()
        let checked = try lastCheck()
        XCTAssertNotEqual(checked, created)

        // Written by something else after the clean close, same size: checked, and refused.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertGreaterThan(bytes.count, 4 * 4096)
        for i in (4096 + 100)..<(3 * 4096 - 100) { bytes[i] = UInt8(truncatingIfNeeded: i &* 31) }
        let h = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        try h.write(contentsOf: bytes)
        try h.close()
        XCTAssertThrowsError(try StateStore(folder: dir)) { error in
            XCTAssertTrue("\(error)".contains("damaged"), "\(error)")
        }
    }

    /// The WAL and its index stay between passes, empty after a clean close: no file is created
    /// or deleted per pass.
    func testWALIsKeptEmptyBetweenPasses() throws {
        let store = try StateStore(folder: dir)
        try fill(store)
        try store.close()
        let wal = path + "-wal"
        let attributes = try FileManager.default.attributesOfItem(atPath: wal)
        XCTAssertEqual(attributes[.size] as? Int, 0, "emptied at the clean close")
        let inode = attributes[.systemFileNumber] as? Int
        try StateStore(folder: dir).close()
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: wal)[.systemFileNumber] as? Int, inode,
                       "the same file, not deleted and created again")
    }

    /// A store dropped without `close()` (a pass that failed midway) leaves no marker behind.
    func testOnlyAnExplicitCloseLeavesTheMarker() throws {
        do { try fill(try StateStore(folder: dir)) }
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker))
    }
}
