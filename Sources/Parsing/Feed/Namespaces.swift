import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// The namespaces feed elements come in, grouped by meaning.
enum FeedNamespace {
    case core, dc, dcterms, content, atom, xhtml, rdf, other

    init(_ uri: String) {
        switch uri {
        case "", "http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/",
             "http://backend.userland.com/rss2", "http://backend.userland.com/rss", "http://purl.org/net/rss1.1#":
            self = .core
        case "http://purl.org/dc/elements/1.1/", "http://purl.org/dc/elements/1.0/": self = .dc
        case "http://purl.org/dc/terms/": self = .dcterms
        case "http://purl.org/rss/1.0/modules/content/": self = .content
        case "http://www.w3.org/2005/Atom", "http://purl.org/atom/ns#": self = .atom
        case "http://www.w3.org/1999/xhtml": self = .xhtml
        case "http://www.w3.org/1999/02/22-rdf-syntax-ns#": self = .rdf
        default:
            // Userland's versioned RSS namespaces (rss091, rss092, rss093…) mean plain RSS.
            self = uri.hasPrefix("http://backend.userland.com/rss") ? .core : .other
        }
    }
}

extension FeedNamespace {
    /// From libxml2's namespace URI without building a Swift string for the common URIs:
    /// this runs for every element of every item.
    init(href: UnsafePointer<xmlChar>?) {
        guard let href else { self = .core; return }
        let p = UnsafeRawPointer(href).assumingMemoryBound(to: CChar.self)
        for (uri, ns) in FeedNamespace.common where strcmp(p, uri) == 0 { self = ns; return }
        self.init(String(cString: p))
    }

    private static let common: [(String, FeedNamespace)] = [
        ("http://purl.org/dc/elements/1.1/", .dc), ("http://purl.org/rss/1.0/modules/content/", .content),
        ("http://www.w3.org/2005/Atom", .atom), ("http://purl.org/rss/1.0/", .core), ("http://purl.org/dc/terms/", .dcterms),
    ]
}

extension UnsafeMutablePointer where Pointee == xmlNode {
    var feedNamespace: FeedNamespace { FeedNamespace(href: pointee.ns?.pointee.href) }
}
