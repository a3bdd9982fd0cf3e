import Foundation
import Model

/// feeds.yml, decoded and validated, with defaults applied to every source.
public struct Configuration: Sendable {
    /// The file it was read from (for messages and relative paths).
    public var file: String
    /// `state.dir`, relative to the config file's folder when not absolute.
    public var stateDir: String?
    /// Page versions kept per `page` source.
    public var keepVersions: Int
    /// Items, alerts, check history and page versions older than this many days are pruned at the
    /// end of a pass (the newest items of each source are always kept, see RetentionPolicy).
    public var keepDays: Int
    public var concurrency: Int
    public var perHost: Int
    public var sources: [SourceSpec]
    public var sinks: [SinkSpec]
    /// The `detection:` section (categories, watch-lists, grouping window).
    public var detection = DetectionSpec()

    public init(file: String, stateDir: String? = nil, keepVersions: Int = 50, keepDays: Int = 365, concurrency: Int = 128,
                perHost: Int = 8, sources: [SourceSpec] = [], sinks: [SinkSpec] = []) {
        self.file = file
        self.stateDir = stateDir
        self.keepVersions = keepVersions
        self.keepDays = keepDays
        self.concurrency = concurrency
        self.perHost = perHost
        self.sources = sources
        self.sinks = sinks
    }
}

/// The result of loading: what is usable, and every problem found (a bad source is reported and
/// left out; the rest still run).
public struct LoadedConfiguration: Sendable {
    public var configuration: Configuration
    public var problems: [ConfigError]
}
