import Foundation
import CLibXML2
import Model

/// Document-level facts of an HTML page: base URL, title, advertised feeds.
enum HTMLMeta {
    /// `<base href>` resolved against the page URL (libxml2 would return it unresolved).
    static func baseURL(_ doc: XMLDocument, pageURL: String) -> String {
        if case .nodes(let n)? = try? doc.evaluate("//base[@href][1]/@href"), let href = n.first?.textContent,
           !href.trimmedWhitespace().isEmpty {
            return URLResolver.resolve(href, against: pageURL)
        }
        return pageURL
    }

    static func title(_ doc: XMLDocument) -> String? {
        guard case .nodes(let n)? = try? doc.evaluate("//title[1]"), let t = n.first else { return nil }
        let s = TextNormalizer.plain(t.textContent)
        return s.isEmpty ? nil : s
    }

    private static let feedTypes: Set<String> = ["application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json"]

    /// Feed autodiscovery: `<link rel="alternate" type="application/rss+xml|atom+xml" href>`, in
    /// document order, absolute, without duplicates. Tag and attribute case does not matter to the
    /// HTML parser; rel is a space-separated token list.
    static func feedLinks(_ doc: XMLDocument, base: String) -> [String] {
        guard case .nodes(let links)? = try? doc.evaluate("//link[@href]") else { return [] }
        var out = [String]()
        for link in links {
            let rel = (link.attribute("rel") ?? "").lowercased().split(whereSeparator: { $0.isWhitespace })
            let type = (link.attribute("type") ?? "").lowercased().trimmedWhitespace()
            guard rel.contains("alternate"), feedTypes.contains(type), let href = link.attribute("href") else { continue }
            let url = URLResolver.resolve(href, against: base)
            if !url.isEmpty, !out.contains(url) { out.append(url) }
        }
        return out
    }
}
