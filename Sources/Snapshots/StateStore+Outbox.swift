import Foundation
import GRDB

/// An alert waiting for one sink.
public struct PendingDelivery: Sendable {
    public var alertID: String
    public var payload: Data
    public var attempts: Int
}

extension StateStore {
    /// Alerts not yet accepted by `sink`, oldest first.
    public func pendingDeliveries(sink: String, now: Date = Date()) throws -> [PendingDelivery] {
        try wrap {
            try db.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT a.id, a.payload, d.attempts FROM deliveries d JOIN alerts a ON a.id = d.alert_id
                    WHERE d.sink = ? AND d.state = 'pending' AND (d.next_attempt IS NULL OR d.next_attempt <= ?)
                    ORDER BY a.created_at, a.rowid
                    """, arguments: [sink, now.timeIntervalSince1970]).map {
                    PendingDelivery(alertID: $0["id"], payload: Data(($0["payload"] as String).utf8), attempts: $0["attempts"])
                }
            }
        }
    }

    public func markDelivered(_ alertIDs: [String], sink: String, at date: Date = Date()) throws {
        try wrap {
            try db.write { db in
                for id in alertIDs {
                    try db.execute(sql: """
                        UPDATE deliveries SET state = 'delivered', delivered_at = ?, attempts = attempts + 1, last_error = NULL
                        WHERE alert_id = ? AND sink = ?
                        """, arguments: [date.timeIntervalSince1970, id, sink])
                }
            }
        }
    }

    /// Records a refused delivery; it is retried after `retryAt`.
    public func markFailed(_ alertIDs: [String], sink: String, error: String, retryAt: Date) throws {
        try wrap {
            try db.write { db in
                for id in alertIDs {
                    try db.execute(sql: """
                        UPDATE deliveries SET attempts = attempts + 1, last_error = ?, next_attempt = ?
                        WHERE alert_id = ? AND sink = ?
                        """, arguments: [error, retryAt.timeIntervalSince1970, id, sink])
                }
            }
        }
    }

    public func integrityCheck() throws -> String {
        try wrap { try db.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" } }
    }
}

/// An undelivered alert with the batch it was last sent in (nil: never sent).
public struct OutboxRow: Sendable {
    public var alertID: String
    public var payload: Data
    public var attempts: Int
    public var batch: String?
}

extension StateStore {
    /// Alerts due for `sink` (pending, next attempt reached), oldest first, with their batch.
    public func dueDeliveries(sink: String, now: Date = Date()) throws -> [OutboxRow] {
        try wrap {
            try db.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT a.id, a.payload, d.attempts, d.batch FROM deliveries d JOIN alerts a ON a.id = d.alert_id
                    WHERE d.sink = ? AND d.state = 'pending' AND (d.next_attempt IS NULL OR d.next_attempt <= ?)
                    ORDER BY a.created_at, a.rowid
                    """, arguments: [sink, now.timeIntervalSince1970]).map {
                    OutboxRow(alertID: $0["id"], payload: Data(($0["payload"] as String).utf8), attempts: $0["attempts"],
                              batch: $0["batch"])
                }
            }
        }
    }

    /// Records an attempt before it is made: the batch (whose key the message carries) and the
    /// attempt count are durable, so a pass killed after sending resends the same batch under the
    /// same key, and a receiver that keeps keys drops the repeat.
    public func claim(_ alertIDs: [String], sink: String, batch: String) throws {
        try wrap {
            try db.write { db in
                let update = try db.cachedStatement(sql: "UPDATE deliveries SET batch = ?, attempts = attempts + 1 WHERE alert_id = ? AND sink = ? AND state = 'pending'")
                for id in alertIDs { try update.execute(arguments: [batch, id, sink]) }
            }
        }
    }

    /// When `sink` last accepted something (for sinks that deliver at most every so often).
    public func lastDelivery(sink: String) throws -> Date? {
        try wrap {
            try db.read { db in
                try Double.fetchOne(db, sql: "SELECT max(delivered_at) FROM deliveries WHERE sink = ?", arguments: [sink])
                    .map { Date(timeIntervalSince1970: $0) }
            }
        }
    }

    /// The sink accepted a claimed batch.
    public func markAccepted(_ alertIDs: [String], sink: String, at date: Date = Date()) throws {
        try wrap {
            try db.write { db in
                let update = try db.cachedStatement(sql: """
                    UPDATE deliveries SET state = 'delivered', delivered_at = ?, last_error = NULL, next_attempt = NULL
                    WHERE alert_id = ? AND sink = ? AND state = 'pending'
                    """)
                for id in alertIDs { try update.execute(arguments: [date.timeIntervalSince1970, id, sink]) }
            }
        }
    }

    /// The sink refused a claimed batch: try again after `retryAt`, or park it (listed by
    /// `civicwatch outbox`, sent again only by `outbox retry`).
    public func markRefused(_ alertIDs: [String], sink: String, error: String, retryAt: Date?, park: Bool) throws {
        try wrap {
            try db.write { db in
                let update = try db.cachedStatement(sql: """
                    UPDATE deliveries SET state = ?, last_error = ?, next_attempt = ? WHERE alert_id = ? AND sink = ? AND state = 'pending'
                    """)
                for id in alertIDs {
                    try update.execute(arguments: [park ? "parked" : "pending", error, park ? nil : retryAt?.timeIntervalSince1970, id, sink])
                }
            }
        }
    }
}
