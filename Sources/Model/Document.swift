import Foundation

/// One entry of a feed or of an HTML list page, after decoding and normalisation.
public struct FeedItem: Sendable, Equatable, Codable {
    /// The guid / Atom id exactly as the source gave it, if any.
    public var id: String?
    public var title: String
    /// Absolute URL (relative links are resolved against xml:base or the page URL).
    public var link: String?
    public var published: Date?
    public var updated: Date?
    public var summary: String?
    public var content: String?
    public var author: String?

    public init(id: String? = nil, title: String = "", link: String? = nil, published: Date? = nil,
                updated: Date? = nil, summary: String? = nil, content: String? = nil, author: String? = nil) {
        self.id = id
        self.title = title
        self.link = link
        self.published = published
        self.updated = updated
        self.summary = summary
        self.content = content
        self.author = author
    }
}

public enum DocumentFormat: String, Sendable, Codable {
    /// `cdf`: Microsoft's Channel Definition Format (CHANNEL/ITEM), still served by old CMSs.
    case rss, rdf, atom, cdf, html, unknown
}

/// What the parser made of one fetched body.
public struct ParsedDocument: Sendable, Equatable, Codable {
    public var format: DocumentFormat
    /// False when libxml2 had to recover (truncated, undeclared entities, bare `&`…): items may be odd.
    public var wellFormed: Bool
    /// The character set the bytes were decoded from (WHATWG name, e.g. "gb18030").
    public var encoding: String
    public var title: String?
    public var items: [FeedItem]
    /// `page` sources: the normalised text, one block per line.
    public var text: String?
    /// `page` sources: false when the content XPath matched nothing.
    public var contentMatched: Bool
    /// Feeds the document links with `<link rel="alternate">` (feed discovery).
    public var feedLinks: [String]

    public init(format: DocumentFormat, wellFormed: Bool = true, encoding: String = "utf-8",
                title: String? = nil, items: [FeedItem] = [], text: String? = nil,
                contentMatched: Bool = true, feedLinks: [String] = []) {
        self.format = format
        self.wellFormed = wellFormed
        self.encoding = encoding
        self.title = title
        self.items = items
        self.text = text
        self.contentMatched = contentMatched
        self.feedLinks = feedLinks
    }
}
