import Foundation
import GRDB

/// The state database layout. `application_id` marks the file as ours, so a foreign or corrupt
/// database is refused rather than overwritten.
enum Schema {
    static let applicationID: Int32 = 0x4357_5357  // "CWSW"
    static let version = 3

    /// Steps from each older version to the next, applied in order by `StateStore.migrate`.
    static let upgrades: [Int: String] = [
        // 1 → 2: story keys for grouping alerts across sources (detection).
        1: """
        ALTER TABLE alerts ADD COLUMN story TEXT;
        ALTER TABLE alerts ADD COLUMN story_link TEXT;
        CREATE INDEX alerts_story ON alerts(story);
        CREATE INDEX alerts_story_link ON alerts(story_link);
        """,
        // 2 → 3: small facts about the database itself (when it was last pruned).
        2: "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);",
    ]

    static let create = """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
    CREATE TABLE sources (
        id TEXT PRIMARY KEY,
        url TEXT NOT NULL,
        type TEXT NOT NULL,
        etag TEXT,
        last_modified TEXT,
        body_hash TEXT,
        baseline_at REAL,
        last_check REAL,
        last_success REAL,
        last_change REAL,
        last_error TEXT,
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        items_last INTEGER,
        error_alerted INTEGER NOT NULL DEFAULT 0,
        selector_broken INTEGER NOT NULL DEFAULT 0,
        quiet_alerted INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE checks (
        source_id TEXT NOT NULL,
        at REAL NOT NULL,
        outcome TEXT NOT NULL,
        items INTEGER,
        alerts INTEGER NOT NULL DEFAULT 0,
        elapsed REAL,
        error TEXT
    );
    CREATE INDEX checks_source ON checks(source_id, at);
    CREATE TABLE items (
        source_id TEXT NOT NULL,
        identity TEXT NOT NULL,
        title TEXT NOT NULL,
        link TEXT,
        published REAL,
        first_seen REAL NOT NULL,
        PRIMARY KEY (source_id, identity)
    ) WITHOUT ROWID;
    CREATE TABLE page_versions (
        source_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        fetched_at REAL NOT NULL,
        text_hash TEXT NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (source_id, seq)
    );
    CREATE TABLE alerts (
        id TEXT PRIMARY KEY,
        source_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        created_at REAL NOT NULL,
        payload TEXT NOT NULL,
        story TEXT,
        story_link TEXT
    );
    CREATE INDEX alerts_created ON alerts(created_at);
    CREATE INDEX alerts_story ON alerts(story);
    CREATE INDEX alerts_story_link ON alerts(story_link);
    CREATE TABLE deliveries (
        alert_id TEXT NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
        sink TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending',
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        next_attempt REAL,
        delivered_at REAL,
        batch TEXT,
        PRIMARY KEY (alert_id, sink)
    );
    CREATE INDEX deliveries_pending ON deliveries(sink, state);
    """

    /// Columns added after version 1 shipped, added in place to older files (no data changes).
    static let addedColumns: [(table: String, column: String, definition: String)] = [
        ("deliveries", "batch", "TEXT"),
    ]
}
