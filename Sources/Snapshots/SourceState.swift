import Foundation

/// What the database remembers about one source between passes.
public struct SourceState: Sendable, Equatable {
    public var id: String
    public var etag: String?
    public var lastModified: String?
    /// Hash of the last body parsed: an identical body is not parsed again.
    public var bodyHash: String?
    /// When the first successful pass recorded the baseline; nil until then.
    public var baselineAt: Date?
    public var lastCheck: Date?
    public var lastSuccess: Date?
    public var lastChange: Date?
    public var lastError: String?
    public var consecutiveFailures: Int
    public var itemsLast: Int?
    /// A source_error alert was raised for the current failure streak.
    public var errorAlerted: Bool = false
    /// A selector_broken alert was raised and the selectors have not yielded since.
    public var selectorBroken: Bool = false
    /// A source_quiet alert was raised and nothing new has appeared since.
    public var quietAlerted: Bool = false

    public init(id: String, etag: String? = nil, lastModified: String? = nil, bodyHash: String? = nil,
                baselineAt: Date? = nil, lastCheck: Date? = nil, lastSuccess: Date? = nil, lastChange: Date? = nil,
                lastError: String? = nil, consecutiveFailures: Int = 0, itemsLast: Int? = nil) {
        self.id = id
        self.etag = etag
        self.lastModified = lastModified
        self.bodyHash = bodyHash
        self.baselineAt = baselineAt
        self.lastCheck = lastCheck
        self.lastSuccess = lastSuccess
        self.lastChange = lastChange
        self.lastError = lastError
        self.consecutiveFailures = consecutiveFailures
        self.itemsLast = itemsLast
    }
}

/// An item as remembered, keyed by its stable identity within the source.
public struct StoredItem: Sendable, Equatable {
    public var identity: String
    public var title: String
    public var link: String?
    public var published: Date?
    public var firstSeen: Date

    public init(identity: String, title: String, link: String?, published: Date?, firstSeen: Date) {
        self.identity = identity
        self.title = title
        self.link = link
        self.published = published
        self.firstSeen = firstSeen
    }
}

public struct PageVersion: Sendable, Equatable {
    public var seq: Int
    public var fetchedAt: Date
    public var textHash: String
    public var text: String
}

/// Everything one source's check changes, written in a single transaction so that a pass killed
/// at any moment leaves that source either fully updated (with its alerts in the outbox) or untouched.
public struct SourceUpdate: Sendable {
    /// One line of the source's check history.
    public struct Check: Sendable {
        public var outcome: String
        public var items: Int?
        public var alerts: Int
        public var elapsed: TimeInterval
        public var error: String?
        public init(outcome: String, items: Int? = nil, alerts: Int = 0, elapsed: TimeInterval = 0, error: String? = nil) {
            self.outcome = outcome
            self.items = items
            self.alerts = alerts
            self.elapsed = elapsed
            self.error = error
        }
    }
    public var state: SourceState
    public var check: Check? = nil
    public var url: String
    public var type: String
    public var newItems: [StoredItem]
    public var pageVersion: (hash: String, text: String)?
    public var alerts: [(id: String, kind: String, payload: Data)]
    /// Story keys of the alerts that may be grouped with other sources' alerts, by alert id.
    public var stories: [String: StoryKeys] = [:]
    /// Group with alerts stored within this many seconds (nil: never group).
    public var groupWindow: TimeInterval?

    public init(state: SourceState, url: String, type: String, newItems: [StoredItem] = [],
                pageVersion: (hash: String, text: String)? = nil, alerts: [(id: String, kind: String, payload: Data)] = []) {
        self.state = state
        self.url = url
        self.type = type
        self.newItems = newItems
        self.pageVersion = pageVersion
        self.alerts = alerts
    }
}
