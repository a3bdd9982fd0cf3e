import Foundation
import GRDB

/// What to keep, so the database stays small after years of hourly passes.
public struct RetentionPolicy: Sendable, Equatable {
    /// Page versions kept per page source (the newest; the latest is always kept).
    public var keepVersions: Int
    /// Items, alerts and page versions older than this are pruned (check history: at most `checkDays`).
    public var keepDays: Int
    /// Days of per-pass check history kept (less when `keepDays` is smaller).
    public static let checkDays = 30
    public init(keepVersions: Int = 50, keepDays: Int = 365) {
        self.keepVersions = keepVersions
        self.keepDays = keepDays
    }
}

public struct PruneReport: Sendable, Equatable {
    public var items = 0
    public var versions = 0
    public var alerts = 0
    public var checks = 0
}

extension StateStore {
    /// Removes what the policy no longer keeps. Items are the delicate part: forgetting an item that
    /// is still on its page would alert on it again, so the newest items of each source (twice what
    /// its page showed last time, at least 200) are always kept, whatever their age. Alerts are
    /// only pruned once no sink still waits for them.
    ///
    /// Pruning scans every item, so it runs at most every `every` seconds (default 6 hours), not on
    /// every pass: a pass's cost must not grow with the history it keeps.
    @discardableResult
    public func prune(_ policy: RetentionPolicy, now: Date = Date(), every: TimeInterval = 6 * 3600) throws -> PruneReport {
        let cutoff = now.addingTimeInterval(-Double(policy.keepDays) * 86400).timeIntervalSince1970
        return try wrap {
            try db.write { db in
                var r = PruneReport()
                let last = try Double.fetchOne(db, sql: "SELECT CAST(value AS REAL) FROM meta WHERE key = 'last_prune'")
                // Within `every` either way: a new state records its creation (a moment after the
                // pass's own clock started) as its last pruning; a clock set back further prunes.
                if let last, abs(now.timeIntervalSince1970 - last) < every { return r }
                try Self.stamp("last_prune", at: now, in: db)
                try db.execute(sql: """
                    DELETE FROM items WHERE (source_id, identity) IN (
                        SELECT source_id, identity FROM (
                            SELECT i.source_id, i.identity, i.first_seen,
                                   row_number() OVER (PARTITION BY i.source_id ORDER BY i.first_seen DESC) AS newer,
                                   max(200, 2 * coalesce(s.items_last, 0)) AS keep
                            FROM items i LEFT JOIN sources s ON s.id = i.source_id)
                        WHERE newer > keep AND first_seen < ?)
                    """, arguments: [cutoff])
                r.items = db.changesCount
                try db.execute(sql: """
                    DELETE FROM page_versions WHERE rowid IN (
                        SELECT v.rowid FROM page_versions v
                        WHERE v.seq < (SELECT max(seq) FROM page_versions w WHERE w.source_id = v.source_id)
                          AND (v.fetched_at < ? OR v.seq <= (SELECT max(seq) FROM page_versions w WHERE w.source_id = v.source_id) - ?))
                    """, arguments: [cutoff, policy.keepVersions])
                r.versions = db.changesCount
                try db.execute(sql: """
                    DELETE FROM alerts WHERE created_at < ? AND NOT EXISTS (
                        SELECT 1 FROM deliveries d WHERE d.alert_id = alerts.id AND d.state IN ('pending', 'parked'))
                    """, arguments: [cutoff])
                r.alerts = db.changesCount
                // Check history is for diagnosing a source (status, history): a month is plenty, and at one
                // row per source per pass it would otherwise dominate the file.
                let checksCutoff = now.addingTimeInterval(-Double(min(policy.keepDays, RetentionPolicy.checkDays)) * 86400)
                try db.execute(sql: "DELETE FROM checks WHERE at < ?", arguments: [checksCutoff.timeIntervalSince1970])
                r.checks = db.changesCount
                return r
            }
        }
    }

    /// Size of the database file and its WAL, in bytes.
    public func sizeOnDisk() -> Int {
        [path, path + "-wal"].compactMap(Self.fileSize).reduce(0, +)
    }
}
