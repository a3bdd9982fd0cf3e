import Foundation
import CLibXML2
import Model

/// HTML list pages: items by XPath (or `css:` selector), fields relative to each item.
public enum ListExtractor {
    public static func extract(_ input: ParseInput, selectors: ListSelectors, timezone: TimeZone) throws -> ParsedDocument {
        // Every selector is checked before the page is looked at: a typo must fail loudly even
        // on a page that happens to have no items today.
        let itemsExpr = try Selector.compiled(selectors.items)
        let titleExpr = try Selector.compiled(selectors.title)
        let linkExpr = try Selector.compiled(selectors.link)
        let dateExpr = try selectors.date.map(Selector.compiled)
        let summaryExpr = try selectors.summary.map(Selector.compiled)

        let body = DecodedBody(input)
        guard let doc = body.withUTF8({ XMLDocument.html($0, url: input.url) }) else {
            throw ParseError.unparsable(url: input.url, reason: "the HTML parser built no tree")
        }
        let meta = HTMLMeta.Scan(doc)
        let base = HTMLMeta.baseURL(meta, pageURL: input.url)
        var items = [FeedItem]()
        for node in try doc.nodes(itemsExpr) {
            let title = try text(doc.evaluate(titleExpr, at: node)) ?? ""
            var link: String?
            if let raw = try linkValue(doc.evaluate(linkExpr, at: node)), !raw.isEmpty {
                link = URLResolver.resolve(raw, against: base)
            }
            if title.isEmpty && link == nil { continue }
            var item = FeedItem(title: title, link: link)
            if let dateExpr, let d = try text(doc.evaluate(dateExpr, at: node)) {
                item.published = DateParser.parse(d, defaultZone: timezone)
            }
            if let summaryExpr { item.summary = try text(doc.evaluate(summaryExpr, at: node)) }
            items.append(item)
        }
        return ParsedDocument(format: .html, wellFormed: body.errors == 0, encoding: body.charset.name,
                              title: HTMLMeta.title(meta), items: items,
                              feedLinks: HTMLMeta.feedLinks(meta, base: base))
    }

    /// The normalised text of the first selected node (or of a string result).
    static func text(_ value: XMLDocument.Value) -> String? {
        switch value {
        case .text(let s):
            let t = TextNormalizer.plain(s)
            return t.isEmpty ? nil : t
        case .nodes(let nodes):
            guard let n = nodes.first else { return nil }
            let t = TextNormalizer.plain(n.pointee.type == XML_ELEMENT_NODE
                                         ? HTMLText.render(n).newlinesAsSpaces : n.textContent)
            return t.isEmpty ? nil : t
        }
    }

    /// An attribute's value; for a selected element, its href (a selector like `.//a` is meant
    /// as the link), else its text.
    static func linkValue(_ value: XMLDocument.Value) -> String? {
        switch value {
        case .text(let s): return s.trimmedForParsing
        case .nodes(let nodes):
            guard let n = nodes.first else { return nil }
            if n.pointee.type == XML_ELEMENT_NODE, let href = n.attribute("href") {
                return href.trimmedForParsing
            }
            return n.textContent.trimmedForParsing
        }
    }
}

/// Selector expressions from feeds.yml: XPath, or CSS when prefixed with `css:`.
enum Selector {
    /// The expression compiled (a CSS selector translated first); an invalid one throws.
    static func compiled(_ expression: String) throws -> XPath {
        let trimmed = expression.trimmedWhitespace()
        return try XPath(trimmed.hasPrefix("css:") ? try CSSToXPath.translate(String(trimmed.dropFirst(4))) : trimmed)
    }
}
