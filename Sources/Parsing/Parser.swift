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
