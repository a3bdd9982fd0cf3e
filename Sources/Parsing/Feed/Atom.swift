import Foundation
import CLibXML2
import Model

/// Atom 1.0 and 0.3 entries.
enum AtomReader {
    static func entry(_ node: XMLNode) -> FeedItem {
        var item = FeedItem()
        var alternate: String?
        for child in node.elementChildren {
            let ns = child.feedNamespace
            if ns == .atom || ns == .core {
                apply(child, to: &item, alternate: &alternate)
            } else if ns == .dc, child.localName == "creator", item.author == nil {
                item.author = TextNormalizer.plain(child.textContent)
            } else if ns == .dc, child.localName == "date", item.published == nil {
                item.published = DateParser.parse(child.textContent)
            } else if ns == .dcterms, child.localName == "modified", item.updated == nil {
                item.updated = DateParser.parse(child.textContent)
            }
        }
        item.link = alternate
        return item
    }

    /// One Atom element of an entry (also used for atom:* elements inside RSS items).
    static func apply(_ child: XMLNode, to item: inout FeedItem, alternate: inout String?) {
        switch child.localName {
        case "id":
            let id = TextNormalizer.trim(child.textContent)
            if item.id == nil, !id.isEmpty { item.id = absoluteID(id, at: child) }
        case "title":
            item.title = FeedText.construct(child)
        case "link":
            let rel = (child.attribute("rel") ?? "alternate").trimmedWhitespace().lowercased()
            guard rel == "alternate" || rel == "http://www.iana.org/assignments/relation/alternate",
                  let href = child.attribute("href") ?? nonEmpty(child.textContent) else { return }
            let resolved = URLResolver.resolve(href, at: child)
            // The first alternate wins: later ones are usually translations or other formats.
            if alternate == nil { alternate = resolved }
        case "published":
            item.published = DateParser.parse(child.textContent) ?? item.published
        case "issued", "created":
            // Atom 0.3's issued/created stand in for published; when repeated the last one wins
            // (as for every repeated element), but a real <published> beats them.
            let hasPublished = child.pointee.parent.map { p in XMLNode(p).elementChildren.contains { $0.localName == "published" } } ?? false
            if !hasPublished { item.published = DateParser.parse(child.textContent) ?? item.published }
        case "updated", "modified":
            item.updated = DateParser.parse(child.textContent) ?? item.updated
        case "summary":
            item.summary = FeedText.construct(child)
        case "content":
            if child.attribute("src") == nil { item.content = FeedText.construct(child) }
        case "author":
            if item.author == nil {
                let name = child.elementChildren.first { $0.localName == "name" }
                let text = TextNormalizer.plain((name ?? child).textContent)
                if !text.isEmpty { item.author = text }
            }
        default:
            break
        }
    }

    /// Atom ids are IRIs. One written as an absolute path ("/relative/link", "./a", "../a") names
    /// a resource on the feed's site and is resolved against xml:base or the document URL, as
    /// feedparser does; anything else (tag:, urn:, http:, or an opaque "t3_glvkc5") is kept
    /// exactly as given, so identities stay stable.
    static func absoluteID(_ id: String, at node: XMLNode) -> String {
        guard id.hasPrefix("/") || id.hasPrefix("./") || id.hasPrefix("../"), !id.hasPrefix("//") else { return id }
        return URLResolver.resolve(id, at: node)
    }

    private static func nonEmpty(_ s: String) -> String? {
        let t = TextNormalizer.trim(s)
        return t.isEmpty ? nil : t
    }
}
