import Foundation
import GRDB
import GRDBSQLite

/// The one statement a baseline pass runs thousands of times (every item of every source), bound
/// with SQLite's own calls on GRDB's cached statement: building GRDB's `StatementArguments` and
/// binding through them cost more than the insert itself (5 % of a baseline pass's instructions).
/// Nothing GRDB tracks changes: it is a plain INSERT inside the caller's transaction, and errors
/// come back as GRDB's `DatabaseError`.
enum ItemInsert {
    static let sql = "INSERT OR IGNORE INTO items (source_id, identity, title, link, published, first_seen) VALUES (?,?,?,?,?,?)"

    static func run(_ items: [StoredItem], source: String, in db: Database) throws {
        let statement = try db.cachedStatement(sql: sql)
        let h = statement.sqliteStatement
        defer {
            sqlite3_reset(h)
            sqlite3_clear_bindings(h)
        }
        for item in items {
            sqlite3_reset(h)
            try check(bind(h, 1, source), db)
            try check(bind(h, 2, item.identity), db)
            try check(bind(h, 3, item.title), db)
            try check(item.link.map { bind(h, 4, $0) } ?? sqlite3_bind_null(h, 4), db)
            try check(item.published.map { sqlite3_bind_double(h, 5, $0.timeIntervalSince1970) } ?? sqlite3_bind_null(h, 5), db)
            try check(sqlite3_bind_double(h, 6, item.firstSeen.timeIntervalSince1970), db)
            let rc = sqlite3_step(h)
            if rc != SQLITE_DONE { try check(rc, db) }
        }
    }

    /// SQLite copies the text (SQLITE_TRANSIENT); an empty string is bound as "", never NULL.
    private static func bind(_ h: OpaquePointer, _ index: Int32, _ text: String) -> Int32 {
        var text = text
        return text.withUTF8 { u in
            u.withMemoryRebound(to: CChar.self) { c in
                sqlite3_bind_text(h, index, c.baseAddress ?? emptyCString, Int32(c.count), transient)
            }
        }
    }

    private static func check(_ rc: Int32, _ db: Database) throws {
        guard rc != SQLITE_OK && rc != SQLITE_DONE else { return }
        throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                            sql: sql)
    }

    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
    private static let emptyCString: UnsafePointer<CChar> = {
        let p = UnsafeMutablePointer<CChar>.allocate(capacity: 1)
        p.pointee = 0
        return UnsafePointer(p)
    }()
}
