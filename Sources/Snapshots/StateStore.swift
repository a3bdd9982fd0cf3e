import Foundation
import GRDB

/// The SQLite state of one state folder: sources, items, page versions and the alert outbox.
public final class StateStore: @unchecked Sendable {
    public let path: String
    let db: DatabaseQueue

    public static let fileName = "civicwatch.sqlite"

    /// Opens (or creates) `folder/civicwatch.sqlite`. The folder is created 0700 and the file 0600:
    /// it holds what the user watches, which can itself be sensitive.
    public init(folder: String) throws {
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
        path = (folder as NSString).appendingPathComponent(Self.fileName)
        let existed = fm.fileExists(atPath: path)
        if existed, let size = (try? fm.attributesOfItem(atPath: path))?[.size] as? Int, size > 0 {
            try Self.checkHeader(path)
        }
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON")
        }
        do {
            let oldMask = umask(0o077)
            defer { umask(oldMask) }
            db = try DatabaseQueue(path: path, configuration: config)
            try migrate()
        } catch let e as StoreError {
            throw e
        } catch {
            throw StoreError.database(path: path, reason: "\(error)")
        }
    }

    /// Refuses files that are not SQLite, or SQLite files that belong to something else,
    /// before SQLite or a migration could write to them.
    private static func checkHeader(_ path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.database(path: path, reason: "cannot be read")
        }
        defer { try? handle.close() }
        let header = handle.readData(ofLength: 100)
        guard header.count == 100, header.prefix(16) == Data("SQLite format 3\u{0}".utf8) else {
            throw StoreError.foreignDatabase(path: path)
        }
        let appID = header[68..<72].reduce(Int32(0)) { ($0 << 8) | Int32($1) }
        if appID != Schema.applicationID { throw StoreError.foreignDatabase(path: path) }
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
            }
        }
    }

    func wrap<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as StoreError { throw e } catch {
            throw StoreError.database(path: path, reason: "\(error)")
        }
    }
}
