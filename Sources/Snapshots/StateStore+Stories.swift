import Foundation
import GRDB
import Model

/// The keys that identify an alert's story across sources (see Detection's `StoryKey`).
public struct StoryKeys: Sendable, Equatable {
    public var title: String?
    public var link: String?
    public init(title: String?, link: String?) {
        self.title = title
        self.link = link
    }
}

/// Grouping across sources: when another source already stored an alert for the same story within
/// the window, the new alert is not stored. If the earlier alert still waits for delivery, this
/// source is added to its `also_reported_by` (and its categories and watch-list hits merged in);
/// if it was already delivered, the story was already told and the new alert is dropped.
extension StateStore {
    /// Called inside `commit`'s transaction before an alert is inserted; true when the alert was
    /// grouped into an earlier one and must not be stored.
    static func groupIntoStory(_ db: Database, update: SourceUpdate, alertID: String, payload: Data,
                               created: Double) throws -> Bool {
        guard let window = update.groupWindow, let keys = update.stories[alertID] else { return false }
        // The same alert again (a pass repeated after a crash) is left to INSERT OR IGNORE.
        if try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM alerts WHERE id = ?"), arguments: [alertID]) == true { return false }
        guard let earlier = try findStory(db, keys: keys, source: update.state.id, since: created - window) else {
            return false
        }
        let pending = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM deliveries WHERE alert_id = ? AND state = 'pending'"),
                                       arguments: [earlier.id]) ?? 0
        guard pending > 0 else { return true }
        var merged = earlier.alert
        let mine = try? AlertJSON.decode(payload)
        if !merged.alsoReportedBy.contains(update.state.id) && merged.source != update.state.id {
            merged.alsoReportedBy.append(update.state.id)
        }
        if let mine {
            if let link = mine.link, merged.source != update.state.id {
                merged.alsoReportedLinks = (merged.alsoReportedLinks ?? [:]).merging([update.state.id: link]) { old, _ in old }
            }
            for c in mine.categories {
                if let i = merged.categories.firstIndex(where: { $0.name == c.name }) {
                    merged.categories[i].score = max(merged.categories[i].score, c.score)
                } else {
                    merged.categories.append(c)
                    merged.matches += mine.matches.filter { $0.category == c.name }
                }
            }
            merged.categories.sort { $0.score > $1.score }
            for w in mine.watchlist where !merged.watchlist.contains(where: { $0.list == w.list && $0.name == w.name }) {
                merged.watchlist.append(w)
            }
        }
        try db.execute(sql: "UPDATE alerts SET payload = ? WHERE id = ?",
                       arguments: [String(decoding: AlertJSON.encode(merged), as: UTF8.self), earlier.id])
        return true
    }

    /// Called after an alert was inserted: remembers its story keys for later alerts to find.
    static func recordStory(_ db: Database, update: SourceUpdate, alertID: String) throws {
        guard update.groupWindow != nil, let keys = update.stories[alertID] else { return }
        try db.cachedStatement(sql: "UPDATE alerts SET story = ?, story_link = ? WHERE id = ? AND story IS NULL AND story_link IS NULL")
            .execute(arguments: [keys.title, keys.link, alertID])
    }

    private static func findStory(_ db: Database, keys: StoryKeys, source: String, since: Double) throws -> (id: String, alert: Alert)? {
        // Exact keys first (indexed), then near-duplicate titles among recent alerts.
        // Every statement here runs once per new alert: cached, as compiling them cost more than
        // running them.
        var rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, payload FROM alerts
            WHERE created_at >= ? AND source_id != ? AND ((story_link IS NOT NULL AND story_link = ?) OR (story IS NOT NULL AND story = ?))
            ORDER BY created_at, rowid LIMIT 1
            """), arguments: [since, source, keys.link, keys.title])
        if rows.isEmpty, let title = keys.title, title.unicodeScalars.count >= 12 {
            let n = title.count
            let candidates = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT id, story FROM alerts
                WHERE created_at >= ? AND source_id != ? AND story IS NOT NULL AND length(story) BETWEEN ? AND ?
                ORDER BY created_at DESC LIMIT 5000
                """), arguments: [since, source, n * 3 / 4, n * 4 / 3 + 1])
            let mine = StorySimilarity.Title(title)
            if let hit = candidates.first(where: { StorySimilarity.sameStory(mine, PreparedTitles.shared.title($0["story"])) }) {
                rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT id, payload FROM alerts WHERE id = ?"), arguments: [hit["id"] as String])
            }
        }
        guard let row = rows.first else { return nil }
        let id: String = row["id"]
        let payload: String = row["payload"]
        guard let alert = try? AlertJSON.decode(Data(payload.utf8)) else { return nil }
        return (id, alert)
    }
}

/// Prepared story titles of stored alerts, kept for the process: each new alert is compared with
/// the same recent alerts, which would otherwise be prepared again for every comparison.
final class PreparedTitles: @unchecked Sendable {
    static let shared = PreparedTitles()
    private var titles: [String: StorySimilarity.Title] = [:]
    private let lock = NSLock()

    func title(_ text: String) -> StorySimilarity.Title {
        lock.lock()
        defer { lock.unlock() }
        if let t = titles[text] { return t }
        if titles.count >= 50_000 { titles.removeAll(keepingCapacity: true) }
        let t = StorySimilarity.Title(text)
        titles[text] = t
        return t
    }
}
