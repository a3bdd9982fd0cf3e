import Foundation

/// One term, regular expression or negative term of a category, as written in feeds.yml or shipped.
public struct TermSpec: Sendable, Equatable {
    public var text: String
    public var weight: Double
    /// Terms of one group do not add up: a group scores its best term only (so "arrested and
    /// detained" is one enforcement action, not two). nil: the term is its own group.
    public var group: String?
    public init(_ text: String, _ weight: Double = 1.0, group: String? = nil) {
        self.text = text
        self.weight = weight
        self.group = group
    }
}

/// A category as configured under `detection.categories` (extending or replacing a built-in one,
/// or a new user category).
public struct CategorySpec: Sendable, Equatable {
    public var name: String
    public var terms: [TermSpec] = []
    public var regexes: [TermSpec] = []
    public var negative: [TermSpec] = []
    public var threshold: Double?
    /// Drop the shipped vocabulary of a built-in category and use only these terms.
    public var replaceBuiltIn = false
    public var enabled = true
    public init(name: String) { self.name = name }
}

/// A named watch-list: people or organisations, each with aliases in any script.
public struct WatchListSpec: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var aliases: [String]
        public init(name: String, aliases: [String]) {
            self.name = name
            self.aliases = aliases
        }
    }
    public var name: String
    public var entries: [Entry]
    public init(name: String, entries: [Entry]) {
        self.name = name
        self.entries = entries
    }
}

/// The `detection:` section of feeds.yml.
public struct DetectionSpec: Sendable, Equatable {
    public var categories: [CategorySpec] = []
    public var watchlists: [WatchListSpec] = []
    /// Alerts for the same story within this window are grouped into one.
    public var groupWindow: TimeInterval = 72 * 3600
    public var grouping = true
    public init() {}
}

/// Which new items and page changes become alerts.
public enum AlertPolicy: String, Sendable, Equatable, CaseIterable {
    /// Every new item and every (non-noise) page change, with whatever categories it got.
    case all
    /// Only those that matched at least one category or watch-list entry.
    case categorized
}
