import Foundation
import Model

public struct PassOptions: Sendable {
    /// Check only these source ids (all when empty).
    public var only: [String] = []
    /// Check every source, due or not.
    public var force = false
    /// Alert on every item of a source's first pass instead of recording a silent baseline.
    public var alertOnBaseline = false
    /// Overrides the format of every stdout sink (`--json`).
    public var stdoutFormat: StdoutSink.Format?
    /// Wait for another pass to finish instead of exiting with status 3.
    public var waitForLock = false
    /// The clock, for tests that replay passes.
    public var now: Date?
    /// Called after each due source is done (from worker threads), for the terminal progress line.
    public var progress: (@Sendable (PassProgress) -> Void)?
    public init() {}
}

/// How far a pass has got, for the progress line.
public struct PassProgress: Sendable, Equatable {
    public var done: Int
    public var total: Int
    public var failed: Int
}
