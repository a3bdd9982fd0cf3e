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
