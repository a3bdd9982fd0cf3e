import Foundation
import CLibXML2
import Model

/// Microsoft's Channel Definition Format (1997), which some old CMSs still serve:
/// `<CHANNEL HREF LASTMOD><TITLE/><ABSTRACT/><ITEM HREF LASTMOD>…</ITEM></CHANNEL>`.
/// Element and attribute names are upper-case by convention; they are matched without case.
enum CDFReader {
    static func isCDF(_ root: XMLNode) -> Bool {
        root.localName == "CHANNEL"
    }

    /// ITEMs of the channel and of nested CHANNELs, in document order.
    static func itemNodes(_ channel: XMLNode) -> [XMLNode] {
        var out = [XMLNode]()
        for child in channel.elementChildren {
            switch child.localName.uppercased() {
            case "ITEM": out.append(child)
            case "CHANNEL": out += itemNodes(child)
            default: break
            }
        }
        return out
    }

    /// An ITEM (or the CHANNEL itself) as an item.
    static func item(_ node: XMLNode) -> FeedItem {
        var item = FeedItem()
        if let href = attribute(node, "HREF"), !href.isEmpty {
            item.link = URLResolver.resolve(href, at: node)
        }
        if let lastmod = attribute(node, "LASTMOD") { item.updated = DateParser.parse(lastmod) }
        for child in node.elementChildren {
            switch child.localName.uppercased() {
            case "TITLE": item.title = TextNormalizer.maybeHTML(child.textContent)
            case "ABSTRACT": item.summary = TextNormalizer.fromHTML(child.textContent)
            default: break
            }
        }
        return item
    }

    private static func attribute(_ node: XMLNode, _ name: String) -> String? {
        (node.attribute(name) ?? node.attribute(name.lowercased()))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
