import Foundation
import Model

/// What happened to one source in a pass, for the summary, the exit status and `civicwatch list`.
public struct SourceOutcome: Sendable {
    public enum Status: Sendable, Equatable {
        /// First successful check: items recorded without alerts.
        case baseline(items: Int)
        /// Checked; `alerts` new items or changes found.
        case checked(items: Int, alerts: Int)
        /// 304, or the same body as last time: nothing parsed.
        case unchanged
        case failed(reason: String)
        /// Not due yet (interval not elapsed).
        case skipped
    }
    public var source: String
    public var status: Status
    public var elapsed: TimeInterval

    public var failed: Bool {
        if case .failed = status { return true }
        return false
    }
}

/// The result of a whole pass.
public struct PassReport: Sendable {
    public var outcomes: [SourceOutcome] = []
    public var configProblems: [String] = []
    public var deliveryFailures: [String] = []
    public var alertsDelivered = 0
    public var elapsed: TimeInterval = 0

    public var failedSources: [SourceOutcome] { outcomes.filter(\.failed) }

    /// 0 when everything worked; 1 when the pass completed but something (a source, a config
    /// entry, a sink) failed. Usage and lock errors are decided before a pass starts.
    public var exitStatus: Int32 {
        failedSources.isEmpty && configProblems.isEmpty && deliveryFailures.isEmpty ? 0 : 1
    }
}
