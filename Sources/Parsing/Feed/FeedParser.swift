import Foundation
import CLibXML2
import Model

/// RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 0.3/1.0 into `FeedItem`s.
public enum FeedParser {
    public static func parse(_ input: ParseInput) throws -> ParsedDocument {
        try parseWithChannel(input).document
    }

    /// Also returns the feed-level element read like an item (its link, dates, id), which the
    /// contract has no place for but conformance tests and feed discovery use.
    static func parseWithChannel(_ input: ParseInput) throws -> (document: ParsedDocument, channel: FeedItem) {
        let body = DecodedBody(input)
        guard var xml = body.withUTF8({ XMLDocument.xml($0, url: input.url) }), let root = xml.root else {
            throw ParseError.unparsable(url: input.url, reason: "no XML element found")
        }
        let wellFormed = xml.wellFormed && body.errors == 0 && !body.guessed
        var bytes = body.utf8
        if !xml.wellFormed {
            // libxml2's recovery drops undeclared entities (&nbsp;) and can lose items after a
            // bare '&'. A repaired copy usually parses cleanly; keep it if it loses nothing.
            let repaired = XMLRepair.repair(body.utf8)
            if repaired != body.utf8, let second = XMLDocument.xml(repaired, url: input.url), let r2 = second.root,
               feedKind(r2) != nil, itemNodes(r2).count >= itemNodes(root).count {
                xml = second
                bytes = repaired
            }
        }
        guard let root = xml.root, let kind = feedKind(root) else {
            throw ParseError.notAFeed(url: input.url, root: xml.root?.localName ?? "")
        }
        var nodes = itemNodes(root)
        if !xml.wellFormed, let last = nodes.last, XMLRepair.isUnclosed(last, in: bytes, count: nodes.count) {
            // A truncated body: the last item's end tag never came, so its fields may be cut short.
            nodes.removeLast()
        }
        var items: [FeedItem] = []
        items.reserveCapacity(nodes.count)
        for node in nodes { items.append(item(node, kind: kind)) }
        let doc = ParsedDocument(format: kind, wellFormed: wellFormed, encoding: body.charset.name,
                                 title: feedTitle(root, kind: kind), items: items)
        let channelNode = kind == .atom || kind == .cdf ? root : (root.elementChildren.first { $0.isNamed("channel") } ?? root)
        return (doc, item(channelNode, kind: kind))
    }

    private static func item(_ node: XMLNode, kind: DocumentFormat) -> FeedItem {
        switch kind {
        case .atom: return AtomReader.entry(node)
        case .cdf: return CDFReader.item(node)
        default: return RSSReader.item(node, rdf: kind == .rdf)
        }
    }

    static func feedKind(_ root: XMLNode) -> DocumentFormat? {
        if CDFReader.isCDF(root) { return .cdf }
        switch root.localName.lowercased() {
        case "rss": return .rss
        case "rdf": return .rdf
        case "feed": return .atom
        case "entry": return root.feedNamespace == .atom ? .atom : nil
        case "channel": return .rss
        default: return nil
        }
    }

    /// Items of RSS/RDF (under channel, or beside it in RSS 0.90/1.0, or in RSS 1.1's `items`),
    /// entries of Atom.
    static func itemNodes(_ root: XMLNode) -> [XMLNode] {
        if CDFReader.isCDF(root) { return CDFReader.itemNodes(root) }
        // An Atom entry document (RFC 4287 §4.1.2) is one entry.
        if root.localName == "entry" { return [root] }
        let wanted = feedKind(root) == .atom ? "entry" : "item"
        var out = [XMLNode]()
        for child in root.elementChildren {
            if child.isNamed(wanted) { out.append(child) }
            else if child.isNamed("channel") || child.isNamed("items") {
                for sub in child.elementChildren {
                    if sub.isNamed(wanted) { out.append(sub) }
                    else if sub.isNamed("items") { out += sub.elementChildren.filter { $0.isNamed(wanted) } }
                }
            }
        }
        return out
    }

    static func feedTitle(_ root: XMLNode, kind: DocumentFormat) -> String? {
        if kind == .cdf { return CDFReader.item(root).title.isEmpty ? nil : CDFReader.item(root).title }
        let holder = kind == .atom ? root : (root.elementChildren.first { $0.isNamed("channel") } ?? root)
        guard let t = holder.elementChildren.first(where: { $0.isNamed("title") }) else { return nil }
        let s = kind == .atom ? FeedText.construct(t) : TextNormalizer.maybeHTML(t.textContent)
        return s.isEmpty ? nil : s
    }
}
