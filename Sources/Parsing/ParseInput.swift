import Foundation
import Model

/// A fetched body with what is known about it, before decoding.
public struct ParseInput: Sendable {
    public var data: Data
    /// The document's URL (after redirects): base for relative links.
    public var url: String
    /// The HTTP Content-Type header, whose charset wins over the document's own declaration.
    public var contentType: String?
    /// A charset forced by the user in feeds.yml; wins over everything.
    public var encodingOverride: String?

    public init(data: Data, url: String, contentType: String? = nil, encodingOverride: String? = nil) {
        self.data = data
        self.url = url
        self.contentType = contentType
        self.encodingOverride = encodingOverride
    }
}

/// Why a body could not be turned into items or text; carries the URL it came from.
public enum ParseError: Error, Equatable, CustomStringConvertible {
    /// The body is not RSS, RDF or Atom (e.g. an HTML error page served instead of the feed).
    case notAFeed(url: String, root: String)
    /// libxml2 could not build any tree from the body.
    case unparsable(url: String, reason: String)
    /// A selector from feeds.yml is not a valid XPath (or CSS) expression.
    case invalidSelector(expression: String, reason: String)

    public var description: String {
        // A saved file parsed without --url has no URL to name.
        func at(_ url: String) -> String { url.isEmpty ? "" : url + ": " }
        switch self {
        case let .notAFeed(url, root): return "\(at(url))not an RSS, RDF, Atom or CDF feed (root element <\(root)>)"
        case let .unparsable(url, reason): return "\(at(url))cannot be parsed: \(reason)"
        case let .invalidSelector(expr, reason): return "invalid selector \"\(expr)\": \(reason)"
        }
    }
}
