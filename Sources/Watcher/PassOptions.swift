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
    public init() {}
}
