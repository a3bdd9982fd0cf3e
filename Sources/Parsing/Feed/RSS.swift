import Foundation
import CLibXML2
import Model

/// RSS 0.9x/2.0 and RSS 1.0 items, including the Dublin Core, content and Atom extensions
/// publishers mix into them.
enum RSSReader {
    static func item(_ node: XMLNode, rdf: Bool) -> FeedItem {
        var item = FeedItem()
        var guid: String?
        var guidIsPermaLink = true
        var link: String?
        var title: String?
        var alternate: String?
        var sawSummary = false
        for child in node.elementChildren {
            // Read as an item, a channel would otherwise name every one of its items.
            if child.isNamed("item") { continue }
            let name = child.localName
            switch (child.feedNamespace, name) {
            case (.core, "title"), (.dc, "title"):
                if title == nil || child.feedNamespace == .core { title = TextNormalizer.maybeHTML(bytes: child.textBytes) }
            case (.core, "link"):
                let href = TextNormalizer.trim(child.textContent)
                if link == nil, !href.isEmpty { link = URLResolver.resolve(href, at: child) }
            case (.core, "guid"):
                guid = TextNormalizer.trim(child.textContent)
                guidIsPermaLink = child.attribute("isPermaLink")?.lowercased() != "false"
            case (.core, "pubDate"), (.dcterms, "issued"), (.dcterms, "created"):
                if item.published == nil { item.published = DateParser.parse(child.textContent) }
            case (.dc, "date"):
                if item.published == nil { item.published = DateParser.parse(child.textContent) }
            case (.dcterms, "modified"), (.core, "lastBuildDate"):
                item.updated = DateParser.parse(child.textContent)
            case (.core, "description"), (.core, "summary"):
                // Some feeds carry a non-standard <summary> beside <description>: the first of the
                // two is the summary, the second the content (as feedparser reads them), so
                // neither text is lost.
                let text = TextNormalizer.fromHTML(bytes: child.textBytes)
                if !sawSummary { item.summary = text; sawSummary = true }
                else if item.content == nil { item.content = text }
            case (.dc, "description"):
                if item.summary == nil { item.summary = TextNormalizer.fromHTML(child.textContent) }
            case (.content, "encoded"), (.core, "fullitem"):
                item.content = TextNormalizer.fromHTML(bytes: child.textBytes)
            case (.xhtml, "body"), (.xhtml, "div"):
                if item.content == nil { item.content = FeedText.xhtml(child) }
            case (.core, "author"), (.dc, "creator"):
                if item.author == nil {
                    let nameNode = child.elementChildren.first { $0.localName == "name" }
                    item.author = TextNormalizer.plain((nameNode ?? child).textContent)
                }
            case (.atom, _):
                AtomReader.apply(child, to: &item, alternate: &alternate)
            default:
                break
            }
        }
        item.title = title ?? ""
        if rdf, guid == nil, let about = node.attribute("about"), !about.isEmpty { item.id = about }
        if let guid, !guid.isEmpty { item.id = guid }
        if let alternate, link == nil { link = alternate }
        if link == nil, let guid, guidIsPermaLink, guid.contains("://") || guid.hasPrefix("/") {
            link = URLResolver.resolve(guid, at: node)
        }
        item.link = link
        return item
    }
}
