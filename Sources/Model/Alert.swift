import Foundation

public enum AlertKind: String, Sendable, Codable, CaseIterable {
    /// An item never seen before on a feed or list source.
    case new
    /// A page source's watched text changed.
    case changed
    /// A source has failed `alert_after_failures` passes in a row.
    case sourceError = "source_error"
    /// A source that had raised `source_error` works again.
    case sourceRecovered = "source_recovered"
    /// A list source that used to yield items yields none, or a page's content XPath matches nothing:
    /// the site changed its markup and the selectors need fixing.
    case selectorBroken = "selector_broken"
    /// A source with `expect_update_within` has shown nothing new for longer than that.
    case sourceQuiet = "source_quiet"
}

/// One line of a page diff.
public struct DiffLine: Sendable, Equatable, Codable {
    enum CodingKeys: String, CodingKey { case op, text }
    public enum Op: String, Sendable, Codable { case added = "+", removed = "-", context = " " }
    public var op: Op
    public var text: String
    public init(_ op: Op, _ text: String) {
        self.op = op
        self.text = text
    }
}

/// A category a detector assigned, with why.
public struct CategoryScore: Sendable, Equatable, Codable {
    public var name: String
    public var score: Double
    public init(name: String, score: Double) {
        self.name = name
        self.score = score
    }
}

/// One rule that fired: which term, in which field, for which category (so an alert explains itself).
public struct RuleMatch: Sendable, Equatable, Codable {
    public var category: String
    public var term: String
    /// title, summary, content or added (the added text of a page diff).
    public var field: String
    public var weight: Double
    public init(category: String, term: String, field: String, weight: Double) {
        self.category = category
        self.term = term
        self.field = field
        self.weight = weight
    }
}

/// A watch-list entry (a person or organisation) named by an item.
public struct WatchHit: Sendable, Equatable, Codable {
    public var list: String
    public var name: String
    /// The alias that was found in the text.
    public var alias: String
    public init(list: String, name: String, alias: String) {
        self.list = list
        self.name = name
        self.alias = alias
    }
}

/// What one pass found worth telling the user. Stored in the outbox until every sink took it.
public struct Alert: Sendable, Equatable, Codable {
    /// Stable across passes: the same item or change always has the same id.
    public var id: String
    public var source: String
    public var sourceTitle: String
    public var kind: AlertKind
    public var title: String
    public var link: String?
    public var published: Date?
    public var summary: String?
    public var tags: [String]
    public var categories: [CategoryScore]
    /// Why each category was assigned.
    public var matches: [RuleMatch]
    public var watchlist: [WatchHit]
    /// Other sources that reported the same story in the grouping window.
    public var alsoReportedBy: [String]
    /// The item link each of `alsoReportedBy` had (source id → link), so reports can cite every source.
    public var alsoReportedLinks: [String: String]?
    public var diff: [DiffLine]?
    public var error: String?
    public var detectedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, source, sourceTitle = "source_title", kind, title, link, published, summary, tags, categories, matches,
             watchlist, alsoReportedBy = "also_reported_by", alsoReportedLinks = "also_reported_links", diff,
             error, detectedAt = "detected_at"
    }

    public init(id: String, source: String, sourceTitle: String, kind: AlertKind, title: String,
                link: String? = nil, published: Date? = nil, summary: String? = nil, tags: [String] = [],
                categories: [CategoryScore] = [], matches: [RuleMatch] = [], watchlist: [WatchHit] = [],
                alsoReportedBy: [String] = [], alsoReportedLinks: [String: String]? = nil, diff: [DiffLine]? = nil, error: String? = nil,
                detectedAt: Date = Date()) {
        self.id = id
        self.source = source
        self.sourceTitle = sourceTitle
        self.kind = kind
        self.title = title
        self.link = link
        self.published = published
        self.summary = summary
        self.tags = tags
        self.categories = categories
        self.matches = matches
        self.watchlist = watchlist
        self.alsoReportedBy = alsoReportedBy
        self.alsoReportedLinks = alsoReportedLinks
        self.diff = diff
        self.error = error
        self.detectedAt = detectedAt
    }
}
