import Foundation
import Model

/// The entry point of the Parsing stage: one body in, one `ParsedDocument` out.
public enum Parser {
    /// Parses `input` the way `spec` says (feed, list or page).
    public static func parse(_ input: ParseInput, as type: SourceType, list: ListSelectors? = nil,
                             content: String? = nil, ignore: [String] = [],
                             timezone: TimeZone = TimeZone(secondsFromGMT: 8 * 3600)!) throws -> ParsedDocument {
        switch type {
        case .feed:
            return try FeedParser.parse(input)
        case .list:
            guard let list else { throw ParseError.invalidSelector(expression: "", reason: "a list source needs `items`") }
            return try ListExtractor.extract(input, selectors: list, timezone: timezone)
        case .page:
            return try PageExtractor.extract(input, content: content, ignore: ignore)
        }
    }
}

/// RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 0.3/1.0 into `FeedItem`s.
public enum FeedParser {
    public static func parse(_ input: ParseInput) throws -> ParsedDocument {
        throw ParseError.unparsable(url: input.url, reason: "not implemented")
    }
}

/// HTML list pages: items by XPath, fields relative to each item.
public enum ListExtractor {
    public static func extract(_ input: ParseInput, selectors: ListSelectors, timezone: TimeZone) throws -> ParsedDocument {
        throw ParseError.unparsable(url: input.url, reason: "not implemented")
    }
}

/// HTML (or XML) documents watched as text: the content XPath minus ignored parts, one block per line.
public enum PageExtractor {
    public static func extract(_ input: ParseInput, content: String?, ignore: [String]) throws -> ParsedDocument {
        throw ParseError.unparsable(url: input.url, reason: "not implemented")
    }
}

/// Dates as feeds and Chinese government pages write them.
public enum DateParser {
    /// Returns nil when the text cannot be read: never a guess, never "now".
    /// `defaultZone` applies to dates that carry no zone.
    public static func parse(_ text: String, defaultZone: TimeZone? = nil) -> Date? { nil }
}
