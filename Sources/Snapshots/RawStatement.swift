import Foundation
import GRDB
import GRDBSQLite

/// The statements a pass runs once per source or per item, bound with SQLite's own calls on
/// GRDB's cached statement. Building GRDB's `StatementArguments` (an array of existentials) and
/// binding through them cost more than the statements themselves: 5 % of a baseline pass's
/// instructions for the items, and 7 % of a nothing-changed pass's for the per-source upsert.
///
/// Only plain INSERTs inside the caller's transaction go this way; nothing GRDB tracks changes
/// (transaction and savepoint statements still go through GRDB). Errors come back as GRDB's
/// `DatabaseError`.
struct RawStatement {
    private let handle: OpaquePointer
    private let db: Database
    private let sql: String

    /// Runs `bind` then steps the statement once; the bindings are cleared afterwards.
    static func run(_ sql: String, in db: Database, _ bind: (RawStatement) throws -> Void) throws {
        try prepare(sql, in: db) { statement in try statement.step(bind) }
    }

    /// Gives the cached statement for several `step` calls.
    static func prepare(_ sql: String, in db: Database, _ body: (RawStatement) throws -> Void) throws {
        let statement = RawStatement(handle: try db.cachedStatement(sql: sql).sqliteStatement, db: db, sql: sql)
        defer {
            sqlite3_reset(statement.handle)
            sqlite3_clear_bindings(statement.handle)
        }
        try body(statement)
    }

    /// Binds one row's values and runs the statement.
    func step(_ bind: (RawStatement) throws -> Void) throws {
        sqlite3_reset(handle)
        try bind(self)
        let rc = sqlite3_step(handle)
        if rc != SQLITE_DONE { try check(rc) }
    }

    /// SQLite copies the text (SQLITE_TRANSIENT); an empty string is bound as "", never NULL.
    func text(_ index: Int32, _ value: String?) throws {
        guard var value else { return try check(sqlite3_bind_null(handle, index)) }
        try check(value.withUTF8 { u in
            u.withMemoryRebound(to: CChar.self) { c in
                sqlite3_bind_text(handle, index, c.baseAddress ?? Self.emptyCString, Int32(c.count), Self.transient)
            }
        })
    }

    func double(_ index: Int32, _ value: Double?) throws {
        try check(value.map { sqlite3_bind_double(handle, index, $0) } ?? sqlite3_bind_null(handle, index))
    }

    func date(_ index: Int32, _ value: Date?) throws {
        try double(index, value?.timeIntervalSince1970)
    }

    func int(_ index: Int32, _ value: Int?) throws {
        try check(value.map { sqlite3_bind_int64(handle, index, Int64($0)) } ?? sqlite3_bind_null(handle, index))
    }

    func bool(_ index: Int32, _ value: Bool) throws {
        try int(index, value ? 1 : 0)
    }

    private func check(_ rc: Int32) throws {
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
