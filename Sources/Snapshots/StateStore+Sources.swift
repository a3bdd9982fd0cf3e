import Foundation
import GRDB

extension StateStore {
    public func sourceStates() throws -> [String: SourceState] {
        try wrap {
            try db.read { db in
                var result: [String: SourceState] = [:]
                let rows = try Row.fetchCursor(db, sql: "SELECT \(Self.stateColumns) FROM sources")
                while let row = try rows.next() {
                    let s = Self.state(row)
                    result[s.id] = s
                }
                return result
            }
        }
    }

    /// Read by position: a row fetched into memory finds a column by name by lower-casing every
    /// column name, which for 900 sources was 4 % of a nothing-changed pass.
    static let stateColumns = """
        id, etag, last_modified, body_hash, baseline_at, last_check, last_success, last_change, last_error,
        consecutive_failures, items_last, error_alerted, selector_broken, quiet_alerted
        """

    static func state(_ row: Row) -> SourceState {
        var st = SourceState(id: row[0], etag: row[1], lastModified: row[2], bodyHash: row[3],
                             baselineAt: date(row[4]), lastCheck: date(row[5]),
                             lastSuccess: date(row[6]), lastChange: date(row[7]),
                             lastError: row[8], consecutiveFailures: row[9],
                             itemsLast: row[10])
        st.errorAlerted = (row[11] as Int? ?? 0) != 0
        st.selectorBroken = (row[12] as Int? ?? 0) != 0
        st.quietAlerted = (row[13] as Int? ?? 0) != 0
        return st
    }

    static func date(_ v: Double?) -> Date? { v.map { Date(timeIntervalSince1970: $0) } }

    /// The identities among `candidates` already stored for the source. Only the candidates are
    /// looked up, so the cost does not grow with the source's history.
    ///
    /// This and `latestPageVersion` run once per processed source, as single statements outside a
    /// transaction: GRDB's `read` wraps each in query_only pragmas and a savepoint, four extra
    /// statements that cost more than the lookup (4 % of a baseline pass).
    public func knownIdentities(source: String, among candidates: [String]) throws -> Set<String> {
        guard !candidates.isEmpty else { return [] }
        return try wrap {
            try db.inDatabase { db in
                var known = Set<String>()
                for chunk in stride(from: 0, to: candidates.count, by: 500) {
                    let part = Array(candidates[chunk..<min(chunk + 500, candidates.count)])
                    let marks = Array(repeating: "?", count: part.count).joined(separator: ",")
                    let args = StatementArguments([source] + part)
                    let select = try db.cachedStatement(sql: "SELECT identity FROM items WHERE source_id = ? AND identity IN (\(marks))")
                    known.formUnion(try String.fetchAll(select, arguments: args))
                }
                return known
            }
        }
    }

    public func latestPageVersion(source: String) throws -> PageVersion? {
        try wrap {
            try db.inDatabase { db in
                try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM page_versions WHERE source_id = ? ORDER BY seq DESC LIMIT 1"),
                                 arguments: [source]).map(Self.version)
            }
        }
    }

    public func pageVersions(source: String) throws -> [PageVersion] {
        try wrap {
            try db.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM page_versions WHERE source_id = ? ORDER BY seq", arguments: [source]).map(Self.version)
            }
        }
    }

    static func version(_ row: Row) -> PageVersion {
        PageVersion(seq: row["seq"], fetchedAt: Date(timeIntervalSince1970: row["fetched_at"]),
                    textHash: row["text_hash"], text: row["text"])
    }

    public func items(source: String, limit: Int = 100) throws -> [StoredItem] {
        try wrap {
            try db.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM items WHERE source_id = ? ORDER BY first_seen DESC, identity LIMIT ?",
                                 arguments: [source, limit]).map {
                    StoredItem(identity: $0["identity"], title: $0["title"], link: $0["link"],
                               published: Self.date($0["published"]), firstSeen: Date(timeIntervalSince1970: $0["first_seen"]))
                }
            }
        }
    }

    /// Writes one source's outcome, its new items, page version and alerts (with a pending delivery
    /// per sink) in one transaction; every sink gets every alert.
    public func commit(_ update: SourceUpdate, sinks: [String], keepVersions: Int) throws {
        try commit(update, route: { _ in sinks }, keepVersions: keepVersions)
    }

    /// Writes one source's outcome, its new items, page version and alerts in one transaction.
    /// `route` names, for an alert id, the sinks that owe it (decided now, so the outbox rows say who
    /// still has to receive each alert whatever later happens to the config).
    public func commit(_ update: SourceUpdate, route: (String) -> [String], keepVersions: Int) throws {
        try wrap {
            try db.write { db in try Self.write(update, route: route, keepVersions: keepVersions, in: db) }
        }
    }

    /// Writes several sources' outcomes in one transaction, each inside its own savepoint: a source
    /// whose writes fail is rolled back alone and gets its error back; the others are kept. If the
    /// transaction itself cannot commit (a full disk), every source gets that error.
    ///
    /// One transaction per source cost a tenth of a pass in commits and WAL writes; a source's
    /// update is still all-or-nothing, and an update lost to a crash before the commit is simply
    /// fetched and found again on the next pass (nothing of it was delivered).
    public func commit(batch: [(update: SourceUpdate, route: (String) -> [String])], keepVersions: Int) -> [Error?] {
        guard !batch.isEmpty else { return [] }
        var errors = [Error?](repeating: nil, count: batch.count)
        do {
            try db.write { db in
                for (i, entry) in batch.enumerated() {
                    do {
                        try Self.inSourceSavepoint(db) {
                            try Self.write(entry.update, route: entry.route, keepVersions: keepVersions, in: db)
                        }
                    } catch {
                        // SQLite ends the whole transaction on some errors (a full disk): then
                        // nothing of the batch is stored, and the rest must not go on in autocommit.
                        if !db.isInsideTransaction { throw error }
                        errors[i] = StoreError.database(path: path, reason: "\(error)")
                    }
                }
            }
        } catch {
            let e = StoreError.database(path: path, reason: "\(error)")
            return errors.map { $0 ?? e }
        }
        return errors
    }

    /// A savepoint around one source's writes inside the batch transaction. GRDB's `inSavepoint`
    /// compiles its SAVEPOINT and RELEASE statements on every call (with its authorizer running on
    /// each); these are compiled once per connection.
    static func inSourceSavepoint(_ db: Database, _ body: () throws -> Void) throws {
        try db.cachedStatement(sql: "SAVEPOINT source").execute()
        do {
            try body()
        } catch {
            // After errors that end the whole transaction (a full disk) there is nothing to roll back.
            if db.isInsideTransaction {
                try? db.cachedStatement(sql: "ROLLBACK TO SAVEPOINT source").execute()
                try? db.cachedStatement(sql: "RELEASE SAVEPOINT source").execute()
            }
            throw error
        }
        try db.cachedStatement(sql: "RELEASE SAVEPOINT source").execute()
    }

    static let upsertSource = """
        INSERT INTO sources (id, url, type, etag, last_modified, body_hash, baseline_at, last_check,
            last_success, last_change, last_error, consecutive_failures, items_last, error_alerted,
            selector_broken, quiet_alerted)
        VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
        ON CONFLICT(id) DO UPDATE SET url=excluded.url, type=excluded.type, etag=excluded.etag,
            last_modified=excluded.last_modified, body_hash=excluded.body_hash, baseline_at=excluded.baseline_at,
            last_check=excluded.last_check, last_success=excluded.last_success, last_change=excluded.last_change,
            last_error=excluded.last_error, consecutive_failures=excluded.consecutive_failures,
            items_last=excluded.items_last, error_alerted=excluded.error_alerted,
            selector_broken=excluded.selector_broken, quiet_alerted=excluded.quiet_alerted
        """
    static let insertCheck = "INSERT INTO checks (source_id, at, outcome, items, alerts, elapsed, error) VALUES (?,?,?,?,?,?,?)"
    static let insertItem = "INSERT OR IGNORE INTO items (source_id, identity, title, link, published, first_seen) VALUES (?,?,?,?,?,?)"

    /// Statements are cached: compiling them (and GRDB's authorizer callbacks while compiling) cost
    /// more than running them. The per-source and per-item ones are bound directly (`RawStatement`).
    static func write(_ update: SourceUpdate, route: (String) -> [String], keepVersions: Int, in db: Database) throws {
        let s = update.state
        try RawStatement.run(upsertSource, in: db) { b in
            try b.text(1, s.id); try b.text(2, update.url); try b.text(3, update.type)
            try b.text(4, s.etag); try b.text(5, s.lastModified); try b.text(6, s.bodyHash)
            try b.date(7, s.baselineAt); try b.date(8, s.lastCheck); try b.date(9, s.lastSuccess)
            try b.date(10, s.lastChange); try b.text(11, s.lastError); try b.int(12, s.consecutiveFailures)
            try b.int(13, s.itemsLast); try b.bool(14, s.errorAlerted); try b.bool(15, s.selectorBroken)
            try b.bool(16, s.quietAlerted)
        }
        if let c = update.check {
            try RawStatement.run(insertCheck, in: db) { b in
                try b.text(1, s.id); try b.date(2, s.lastCheck ?? Date()); try b.text(3, c.outcome)
                try b.int(4, c.items); try b.int(5, c.alerts); try b.double(6, c.elapsed); try b.text(7, c.error)
            }
        }
        if !update.newItems.isEmpty {
            try RawStatement.prepare(insertItem, in: db) { statement in
                for item in update.newItems {
                    try statement.step { b in
                        try b.text(1, s.id); try b.text(2, item.identity); try b.text(3, item.title)
                        try b.text(4, item.link); try b.date(5, item.published); try b.date(6, item.firstSeen)
                    }
                }
            }
        }
        if let page = update.pageVersion {
            let next = (try Int.fetchOne(db.cachedStatement(sql: "SELECT max(seq) FROM page_versions WHERE source_id = ?"), arguments: [s.id]) ?? 0) + 1
            try db.cachedStatement(sql: "INSERT INTO page_versions (source_id, seq, fetched_at, text_hash, text) VALUES (?,?,?,?,?)")
                .execute(arguments: [s.id, next, (s.lastCheck ?? Date()).timeIntervalSince1970, page.hash, page.text])
            try db.cachedStatement(sql: "DELETE FROM page_versions WHERE source_id = ? AND seq <= ?")
                .execute(arguments: [s.id, next - keepVersions])
        }
        let created = (s.lastCheck ?? Date()).timeIntervalSince1970
        for alert in update.alerts {
            if try groupIntoStory(db, update: update, alertID: alert.id, payload: alert.payload, created: created) { continue }
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO alerts (id, source_id, kind, created_at, payload) VALUES (?,?,?,?,?)")
                .execute(arguments: [alert.id, s.id, alert.kind, created, String(decoding: alert.payload, as: UTF8.self)])
            for sink in route(alert.id) {
                try db.cachedStatement(sql: "INSERT OR IGNORE INTO deliveries (alert_id, sink) VALUES (?, ?)")
                    .execute(arguments: [alert.id, sink])
            }
            try recordStory(db, update: update, alertID: alert.id)
        }
    }

    /// The next page version number, so an alert id can name the version it reports.
    public func nextPageSeq(source: String) throws -> Int {
        try wrap {
            try db.read { db in
                (try Int.fetchOne(db, sql: "SELECT max(seq) FROM page_versions WHERE source_id = ?", arguments: [source]) ?? 0) + 1
            }
        }
    }
}
