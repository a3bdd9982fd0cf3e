import Foundation
import GRDB

/// One check of a source, as `civicwatch history` shows it.
public struct CheckRecord: Sendable, Equatable {
    public var at: Date
    public var outcome: String
    public var items: Int?
    public var alerts: Int
    public var elapsed: Double?
    public var error: String?
}

/// Per-sink delivery counts for `civicwatch status` and `civicwatch outbox`.
public struct OutboxSummary: Sendable, Equatable {
    public var sink: String
    public var pending: Int
    public var parked: Int
    public var delivered: Int
}

/// One alert's delivery to one sink, for `civicwatch outbox`.
public struct OutboxEntry: Sendable, Equatable {
    public var alertID: String
    public var sink: String
    public var state: String
    public var attempts: Int
    public var lastError: String?
    public var nextAttempt: Date?
    public var createdAt: Date
    public var source: String
    public var kind: String
    public var payload: Data
}

extension StateStore {
    public func checks(source: String, limit: Int = 50) throws -> [CheckRecord] {
        try wrap {
            try db.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM checks WHERE source_id = ? ORDER BY at DESC LIMIT ?",
                                 arguments: [source, limit]).map {
                    CheckRecord(at: Date(timeIntervalSince1970: $0["at"]), outcome: $0["outcome"], items: $0["items"],
                                alerts: $0["alerts"], elapsed: $0["elapsed"], error: $0["error"])
                }
            }
        }
    }

    public func outboxSummary() throws -> [OutboxSummary] {
        try wrap {
            try db.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT sink, sum(state = 'pending') AS pending, sum(state = 'parked') AS parked,
                           sum(state = 'delivered') AS delivered
                    FROM deliveries GROUP BY sink ORDER BY sink
                    """).map { OutboxSummary(sink: $0["sink"], pending: $0["pending"], parked: $0["parked"], delivered: $0["delivered"]) }
            }
        }
    }

    /// Deliveries not yet accepted (pending and parked), oldest first.
    public func undelivered() throws -> [OutboxEntry] {
        try wrap {
            try db.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT d.*, a.created_at, a.source_id, a.kind, a.payload FROM deliveries d JOIN alerts a ON a.id = d.alert_id
                    WHERE d.state IN ('pending', 'parked') ORDER BY a.created_at, a.rowid, d.sink
                    """).map {
                    OutboxEntry(alertID: $0["alert_id"], sink: $0["sink"], state: $0["state"], attempts: $0["attempts"],
                                lastError: $0["last_error"], nextAttempt: Self.date($0["next_attempt"]),
                                createdAt: Date(timeIntervalSince1970: $0["created_at"]), source: $0["source_id"],
                                kind: $0["kind"], payload: Data(($0["payload"] as String).utf8))
                }
            }
        }
    }

    /// Makes parked (or backing-off) deliveries due now; all of them when `ids` is empty.
    /// Returns how many were affected.
    @discardableResult
    public func retry(_ ids: [String]) throws -> Int {
        try wrap {
            try db.write { db in
                // A parked delivery starts a fresh series of attempts; its batch (and so its idempotency
                // key) is kept, so a receiver that did get it can still drop the repeat.
                let base = "UPDATE deliveries SET attempts = CASE WHEN state = 'parked' THEN 0 ELSE attempts END, state = 'pending', next_attempt = NULL WHERE state IN ('pending', 'parked')"
                if ids.isEmpty {
                    try db.execute(sql: base)
                } else {
                    for chunk in stride(from: 0, to: ids.count, by: 500) {
                        let part = Array(ids[chunk..<min(chunk + 500, ids.count)])
                        try db.execute(sql: base + " AND alert_id IN (\(part.map { _ in "?" }.joined(separator: ",")))",
                                       arguments: StatementArguments(part))
                    }
                }
                return db.changesCount
            }
        }
    }

    /// Gives up on alerts: they are never delivered and no longer listed. Returns how many were affected.
    @discardableResult
    public func drop(_ ids: [String]) throws -> Int {
        try wrap {
            try db.write { db in
                var n = 0
                for id in ids {
                    try db.execute(sql: "UPDATE deliveries SET state = 'dropped' WHERE alert_id = ? AND state IN ('pending', 'parked')",
                                   arguments: [id])
                    n += db.changesCount
                }
                return n
            }
        }
    }

    /// Stored alerts created in [since, until], oldest first (for reports).
    public func alerts(since: Date, until: Date = .distantFuture) throws -> [Data] {
        try wrap {
            try db.read { db in
                try String.fetchAll(db, sql: "SELECT payload FROM alerts WHERE created_at >= ? AND created_at <= ? ORDER BY created_at, rowid",
                                    arguments: [since.timeIntervalSince1970, min(until.timeIntervalSince1970, 1e12)]).map { Data($0.utf8) }
            }
        }
    }
}
