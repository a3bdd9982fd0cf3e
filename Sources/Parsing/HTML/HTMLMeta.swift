import Foundation
import CLibXML2
import Model

/// Document-level facts of an HTML page: base URL, title, advertised feeds.
///
/// All three come from one walk over the tree (`Scan`): as three XPath queries (`//base`,
/// `//title`, `//link`), each compiled per page and each walking the whole document, they were
/// a tenth of extracting a page.
enum HTMLMeta {
    /// The elements the facts are read from, found in document order.
    struct Scan {
        /// The first `<base>` that has an href (`//base[@href][1]`).
        var base: XMLNode?
        /// The first `<title>` (`//title[1]`).
        var title: XMLNode?
        /// Every `<link>` with an href (`//link[@href]`).
        var links: [XMLNode] = []

        init(_ doc: XMLDocument) {
            // The HTML parser lower-cases element names, so byte comparison is enough.
            var node = doc.doc.pointee.children
            while let n = node {
                if n.pointee.type == XML_ELEMENT_NODE, let name = n.pointee.name {
                    if base == nil, Self.named(name, "base"), xmlHasProp(n, "href") != nil { base = n }
                    else if title == nil, Self.named(name, "title") { title = n }
                    else if Self.named(name, "link"), xmlHasProp(n, "href") != nil { links.append(n) }
                }
                node = Self.next(after: n)
            }
        }

        private static func named(_ name: UnsafePointer<xmlChar>, _ wanted: StaticString) -> Bool {
            strcmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self),
                   UnsafeRawPointer(wanted.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
        }

        /// Pre-order: into an element's children, else to the next sibling of the node or of the
        /// nearest ancestor that has one. Entity references are not entered (their children are
        /// the entity's shared content, which XPath does not walk either).
        private static func next(after n: XMLNode) -> XMLNode? {
            if n.pointee.type == XML_ELEMENT_NODE, let child = n.pointee.children { return child }
            var cur: XMLNode? = n
            while let c = cur {
                if let sibling = c.pointee.next { return sibling }
                guard let parent = c.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
                cur = parent
            }
            return nil
        }
    }

    /// `<base href>` resolved against the page URL (libxml2 would return it unresolved).
    static func baseURL(_ scan: Scan, pageURL: String) -> String {
        if let href = scan.base?.attribute("href"), !href.trimmedWhitespace().isEmpty {
            return URLResolver.resolve(href, against: pageURL)
        }
        return pageURL
    }

    static func title(_ scan: Scan) -> String? {
        guard let t = scan.title else { return nil }
        let s = TextNormalizer.plain(t.textContent)
        return s.isEmpty ? nil : s
    }

    private static let feedTypes: Set<String> = ["application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json"]

    /// Feed autodiscovery: `<link rel="alternate" type="application/rss+xml|atom+xml" href>`, in
    /// document order, absolute, without duplicates. Tag and attribute case does not matter to the
    /// HTML parser; rel is a space-separated token list.
    static func feedLinks(_ scan: Scan, base: String) -> [String] {
        var out = [String]()
        for link in scan.links {
            let rel = (link.attribute("rel") ?? "").lowercased().split(whereSeparator: { $0.isWhitespace })
            let type = (link.attribute("type") ?? "").lowercased().trimmedWhitespace()
            guard rel.contains("alternate"), feedTypes.contains(type), let href = link.attribute("href") else { continue }
            let url = URLResolver.resolve(href, against: base)
            if !url.isEmpty, !out.contains(url) { out.append(url) }
        }
        return out
    }
}
