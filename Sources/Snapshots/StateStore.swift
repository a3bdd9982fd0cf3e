import Foundation
import GRDB
import GRDBSQLite

/// The SQLite state of one state folder: sources, items, page versions and the alert outbox.
public final class StateStore: @unchecked Sendable {
    public let path: String
    let db: DatabaseQueue

    public static let fileName = "civicwatch.sqlite"

    /// SQLite page cache per connection (`PRAGMA cache_size`), in KiB.
    static let pageCacheKiB = 512

    /// Opens (or creates) `folder/civicwatch.sqlite`. The folder is created 0700 and the file 0600:
    /// it holds what the user watches, which can itself be sensitive.
    public init(folder: String) throws {
        try Self.prepareFolder(folder)
        path = (folder as NSString).appendingPathComponent(Self.fileName)
        var checkedIntegrity = false
        if let file = CleanClose.current(path), file.size > 0 {
            checkedIntegrity = try Self.checkOwnership(path, size: Int(file.size),
                                                       unchangedSinceClose: CleanClose.unchangedSinceClose(path, now: file))
        }
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            // A pass touches each source's rows once, and the OS keeps the file cached anyway: SQLite's
            // default 2 MB page cache was 1.5 MB of a pass's peak memory; a quarter of it costs about
            // 15 % more WAL page writes on a baseline pass and no measurable CPU.
            try db.execute(sql: "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -\(Self.pageCacheKiB)")
            try Self.keepWALFile(db)
        }
        do {
            let oldMask = umask(0o077)
            defer { umask(oldMask) }
            db = try DatabaseQueue(path: path, configuration: config)
            try migrate()
            if checkedIntegrity {
                try db.write { db in try Self.stamp("last_quick_check", at: Date(), in: db) }
            }
        } catch let e as StoreError {
            throw e
        } catch {
            throw StoreError.database(path: path, reason: "\(error)")
        }
    }

    /// Keeps the `-wal` and `-shm` files between passes (emptied at a clean close) instead of
    /// deleting them at every close and creating them at every open: ext4 looks for a free inode
    /// past every recently deleted one, and the two files (with the marker's replacement, see
    /// `CleanClose.record`) cost 2 % of a nothing-changed pass.
    /// An empty WAL is what `CleanClose` takes for "closed cleanly"; a crash leaves a full one.
    private static func keepWALFile(_ db: Database) throws {
        // Truncated to zero bytes at close only when a size limit is set (SQLite's rule); the
        // limit also trims the file after checkpoints during a pass.
        try db.execute(sql: "PRAGMA journal_size_limit = \(8 << 20)")
        var persist: Int32 = 1
        let rc = sqlite3_file_control(db.sqliteConnection, "main", SQLITE_FCNTL_PERSIST_WAL, &persist)
        if rc != SQLITE_OK { throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: "cannot keep the WAL file") }
    }

    static func fileSize(_ path: String) -> Int? {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : nil
    }

    /// Creates the state folder 0700: it holds what the user watches, which can itself be sensitive.
    public static func prepareFolder(_ folder: String) throws {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if !fm.fileExists(atPath: folder, isDirectory: &isDir) {
            do {
                try fm.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                       attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError.cannotCreateFolder(path: folder, reason: error.localizedDescription)
            }
        } else if !isDir.boolValue {
            throw StoreError.cannotCreateFolder(path: folder, reason: "a file of that name exists")
        }
    }

    /// Refuses files that are not SQLite, or SQLite files that belong to something else, before
    /// anything could write to them. The application id is read through SQLite (read-only), since
    /// in WAL mode the file's own header can lag behind the last commit.
    /// Returns whether the integrity check ran (see `integrityCheckDue`).
    @discardableResult
    private static func checkOwnership(_ path: String, size: Int, unchangedSinceClose: Bool) throws -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.database(path: path, reason: "cannot be read")
        }
        let magic = handle.readData(ofLength: 16)
        try? handle.close()
        guard magic == Data("SQLite format 3\u{0}".utf8) else { throw StoreError.foreignDatabase(path: path) }
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(10)
        let appID: Int32
        let check: String
        var ranCheck = false
        do {
            let q = try DatabaseQueue(path: path, configuration: config)
            appID = try q.read { db in
                let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                // An SQLite file with no tables at all (created, then every commit lost with a cut
                // WAL) holds nothing to protect: treat it as ours and fresh.
                let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                return id == 0 && tables == 0 ? Schema.applicationID : id
            }
            // A damaged file (cut short, scribbled over) must be refused before a pass writes into
            // it and makes the damage worse; quick_check reads every page once (milliseconds for a
            // state of a few MB).
            ranCheck = try appID == Schema.applicationID && q.read { db in
                try integrityCheckDue(db, size: size, unchangedSinceClose: unchangedSinceClose)
            }
            check = ranCheck
                ? try q.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check(3)").joined(separator: "; ") } : "ok"
            try q.close()
        } catch {
            throw StoreError.foreignDatabase(path: path)
        }
        if appID != Schema.applicationID { throw StoreError.foreignDatabase(path: path) }
        if check != "ok" { throw StoreError.damagedDatabase(path: path, detail: String(check.prefix(300))) }
        return ranCheck
    }

    /// quick_check reads every page: milliseconds for a state of a few MB, but a third of a second
    /// for years of history, on every pass. So it runs on every open while the file is small and
    /// something other than a pass's clean close wrote it last (`CleanClose`), and otherwise once
    /// a day; SQLite still reports a damaged page whenever a pass reads one.
    private static func integrityCheckDue(_ db: Database, size: Int, unchangedSinceClose: Bool) throws -> Bool {
        if size <= 32 << 20 && !unchangedSinceClose { return true }
        let hasMeta = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'") ?? 0
        guard hasMeta > 0, let last = try Double.fetchOne(db, sql: "SELECT CAST(value AS REAL) FROM meta WHERE key = 'last_quick_check'")
        else { return true }
        let age = Date().timeIntervalSince1970 - last
        return age < 0 || age > 86400
    }

    private func migrate() throws {
        try db.write { db in
            let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            if version > Schema.version { throw StoreError.newerSchema(path: path, version: version) }
            if version == 0 {
                let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                if tables > 0 { throw StoreError.foreignDatabase(path: path) }
                try db.execute(sql: Schema.create)
                try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID)")
                try db.execute(sql: "PRAGMA user_version = \(Schema.version)")
                // A state created now holds nothing old enough to prune: the first pruning is due
                // six hours from now, not at the end of the first pass (4 % of a baseline pass).
                try Self.stamp("last_prune", at: Date(), in: db)
                // Nor anything to check yet: a fresh file closed cleanly is first read page by page
                // a day from now (`integrityCheckDue`).
                try Self.stamp("last_quick_check", at: Date(), in: db)
            } else {
                for v in version..<Schema.version {
                    if let step = Schema.upgrades[v] { try db.execute(sql: step) }
                }
                if version < Schema.version { try db.execute(sql: "PRAGMA user_version = \(Schema.version)") }
            }
            for (table, column, definition) in Schema.addedColumns {
                let existing = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").map { $0["name"] as String }
                if !existing.contains(column) {
                    try db.execute(sql: "ALTER TABLE \(table) ADD COLUMN \(column) \(definition)")
                }
            }
        }
    }

    /// Closes the database and records that it was closed cleanly, so the next open can skip
    /// reading every page to check it (`CleanClose`). The store cannot be used afterwards.
    public func close() throws {
        try wrap { try db.close() }
        try CleanClose.record(path)
    }

    /// Records in `meta` when something last ran (`last_prune`, `last_quick_check`).
    static func stamp(_ key: String, at date: Date, in db: Database) throws {
        try db.execute(sql: "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                       arguments: [key, String(date.timeIntervalSince1970)])
    }

    func wrap<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as StoreError { throw e } catch {
            throw StoreError.database(path: path, reason: "\(error)")
        }
    }
}
