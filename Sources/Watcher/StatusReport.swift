import Config
import Foundation
import Model
import Snapshots

/// What `civicwatch status` shows: each configured source's health from the state database, and
/// the outbox per sink. Built here so the command only prints it.
public struct StatusReport: Sendable, Encodable {
    public struct Source: Sendable, Encodable {
        public enum Health: String, Sendable, Encodable {
            case ok, failing, selectorBroken = "selector_broken", quiet, neverChecked = "never_checked"
        }
        public var id: String
        public var type: String
        public var health: Health
        public var lastCheck: Date?
        public var lastSuccess: Date?
        public var lastChange: Date?
        public var lastError: String?
        public var consecutiveFailures: Int
        public var items: Int?
        public var nextDue: Date

        enum CodingKeys: String, CodingKey {
            case id, type, health, lastCheck = "last_check", lastSuccess = "last_success", lastChange = "last_change",
                 lastError = "last_error", consecutiveFailures = "consecutive_failures", items, nextDue = "next_due"
        }
    }
    public struct Sink: Sendable, Encodable {
        public var sink: String
        public var pending: Int
        public var parked: Int
        public var delivered: Int
    }

    public var generatedAt: Date
    public var sources: [Source]
    public var outbox: [Sink]
    public var databaseBytes: Int

    enum CodingKeys: String, CodingKey {
        case generatedAt = "generated_at", sources, outbox, databaseBytes = "database_bytes"
    }

    public static func build(configuration: Configuration, store: StateStore, now: Date = Date()) throws -> StatusReport {
        let states = try store.sourceStates()
        let sources = configuration.sources.map { spec -> Source in
            let st = states[spec.id]
            let health: Source.Health
            if st?.lastCheck == nil {
                health = .neverChecked
            } else if let st, st.consecutiveFailures > 0 {
                health = .failing
            } else if st?.selectorBroken == true {
                health = .selectorBroken
            } else if st?.quietAlerted == true {
                health = .quiet
            } else {
                health = .ok
            }
            let due = st?.lastCheck.map { $0.addingTimeInterval(spec.interval - Pass.dueSlack(spec.interval)) } ?? now
            return Source(id: spec.id, type: spec.type.rawValue, health: health, lastCheck: st?.lastCheck,
                          lastSuccess: st?.lastSuccess, lastChange: st?.lastChange, lastError: st?.lastError,
                          consecutiveFailures: st?.consecutiveFailures ?? 0, items: st?.itemsLast, nextDue: max(due, now))
        }
        let outbox = try store.outboxSummary().map { Sink(sink: $0.sink, pending: $0.pending, parked: $0.parked, delivered: $0.delivered) }
        return StatusReport(generatedAt: now, sources: sources, outbox: outbox, databaseBytes: store.sizeOnDisk())
    }
}
