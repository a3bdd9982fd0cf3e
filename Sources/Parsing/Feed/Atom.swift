import Foundation
import CLibXML2
import Model

/// Atom 1.0 and 0.3 entries.
enum AtomReader {
    static func entry(_ node: XMLNode) -> FeedItem {
        var item = FeedItem()
        var alternate: String?
        for child in node.elementChildren {
            let ns = FeedNamespace(child.namespace)
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
            let id = child.textContent.trimmingCharacters(in: .whitespacesAndNewlines)
            if item.id == nil, !id.isEmpty { item.id = id }
        case "title":
            item.title = FeedText.construct(child)
        case "link":
            let rel = (child.attribute("rel") ?? "alternate").trimmingCharacters(in: .whitespaces).lowercased()
            guard rel == "alternate" || rel == "http://www.iana.org/assignments/relation/alternate",
                  let href = child.attribute("href") ?? nonEmpty(child.textContent) else { return }
            let resolved = URLResolver.resolve(href, against: child.baseURI)
            // The first alternate wins: later ones are usually translations or other formats.
            if alternate == nil { alternate = resolved }
        case "published", "issued", "created":
            if item.published == nil || child.localName == "published" {
                item.published = DateParser.parse(child.textContent) ?? item.published
            }
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

    private static func nonEmpty(_ s: String) -> String? {
        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? nil : t
    }
}
