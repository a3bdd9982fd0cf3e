import Foundation
import GRDB

extension StateStore {
    public func itemCount(source: String) throws -> Int {
        try wrap { try db.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM items WHERE source_id = ?", arguments: [source]) ?? 0 } }
    }
}
