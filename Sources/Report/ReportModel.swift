import Detection
import Foundation
import Model

/// The three groups of a "Recent developments" update, in the order a country page lists them.
public enum ReportSection: String, Sendable, CaseIterable, Codable {
    case regulation
    case crackdown
    case other

    public var heading: String {
        switch self {
        case .regulation: return "New laws and regulations"
        case .crackdown: return "Crackdowns and enforcement"
        case .other: return "Other developments"
        }
    }

    /// The HTML anchor and the file suffix of the section's pre-rendered page.
    public var slug: String {
        switch self {
        case .regulation: return "laws"
        case .crackdown: return "crackdowns"
        case .other: return "other"
        }
    }
}

/// One source that reported an entry: its configured name and the item's own link (nil when the
/// link is unknown or not http/https — then the name is shown without a link).
public struct ReportSource: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    public var link: String?
}

/// One development, as it goes on the page: date, headline, a sentence or two, its sources.
public struct ReportEntry: Sendable, Equatable, Codable {
    /// The alert id (stable across passes), used for Atom ids and HTML anchors.
    public var id: String
    public var section: ReportSection
    /// The item's publication date when the source gave one, else when CivicWatch found it.
    public var date: Date
    public var detectedAt: Date
    public var kind: AlertKind
    public var headline: String
    /// One or two sentences from the item (or what changed on a page); may be empty.
    public var text: String
    public var stage: RegulationStage?
    /// The first is the source whose alert this is; the rest reported the same story.
    public var sources: [ReportSource]
    /// Watch-list entries named ("Name (list)").
    public var watchNames: [String]
    public var categories: [String]
    public var tags: [String]
    /// Page diffs only: the changed lines with a little context.
    public var diff: [DiffLine]?
}

/// Alerts per week and section, for the HTML timeline.
public struct TimelineWeek: Sendable, Equatable {
    /// Monday 00:00 of the week in the report's time zone.
    public var start: Date
    public var counts: [ReportSection: Int]
}

/// What a report covers and how it prints dates.
public struct ReportOptions: Sendable, Equatable {
    public var since: Date
    public var until: Date?
    /// Keep alerts of sources carrying any of these tags (all when empty).
    public var tags: [String]
    /// Keep alerts carrying any of these categories (all when empty).
    public var categories: [String]
    /// Dates on the page are printed in this zone (Atom timestamps are always UTC).
    public var timeZone: TimeZone
    public var title: String
    /// The Atom feed's own id (a URN; stable for as long as the feed is published at one place).
    public var feedID: String

    public init(since: Date, until: Date? = nil, tags: [String] = [], categories: [String] = [],
                timeZone: TimeZone = TimeZone(identifier: "UTC")!, title: String = "CivicWatch — recent developments",
                feedID: String = "urn:civicwatch:feed:alerts") {
        self.since = since
        self.until = until
        self.tags = tags
        self.categories = categories
        self.timeZone = timeZone
        self.title = title
        self.feedID = feedID
    }
}

/// A built report: what every renderer prints.
public struct Report: Sendable {
    public var options: ReportOptions
    public var generatedAt: Date
    /// Newest first.
    public var entries: [ReportEntry]
    /// Oldest week first, every week of the period (empty weeks included).
    public var timeline: [TimelineWeek]

    public func entries(in section: ReportSection) -> [ReportEntry] { entries.filter { $0.section == section } }

    /// The latest alert's date, or the generation time when there is none: the "Last updated" line.
    public var lastUpdated: Date { entries.map(\.detectedAt).max() ?? generatedAt }
}
