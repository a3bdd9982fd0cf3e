import Crypto
import Foundation
import Model

/// Stable identities for items and alerts, so the same item is recognised on every pass.
enum Identity {
    static func sha256(_ s: String) -> String {
        var s = s
        // Hashes the string's own bytes: a Data copy per item identity showed in profiles.
        return s.withUTF8 { Hex.encode(SHA256.hash(data: UnsafeRawBufferPointer($0))) }
    }

    static func sha256(_ data: Data) -> String {
        Hex.encode(SHA256.hash(data: data))
    }

    /// guid/id when the source gives one; else the canonical link; else the normalised title and date.
    /// The summary is deliberately left out: sources edit summaries, and an edit is not a new item.
    static func item(_ item: FeedItem) -> String {
        if let id = item.id?.trimmedWhitespace(), !id.isEmpty {
            return String(sha256("id:" + id).prefix(32))
        }
        if let link = item.link, let canonical = canonicalLink(link) {
            return String(sha256("link:" + canonical).prefix(32))
        }
        return textIdentity(item)
    }

    static func textIdentity(_ item: FeedItem) -> String {
        let title = item.title.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let date = item.published.map { ISO8601.string($0) } ?? ""
        return String(sha256("text:" + title + "|" + date).prefix(32))
    }

    /// Identities for a document's items; two items sharing a link (a list whose every entry points
    /// to "#" or to the same PDF viewer) fall back to their title so neither is lost.
    static func items(_ items: [FeedItem]) -> [String] {
        var seen = Set<String>()
        return items.map { item in
            var id = Self.item(item)
            if seen.contains(id) { id = String(sha256(id + "|" + textIdentity(item)).prefix(32)) }
            seen.insert(id)
            return id
        }
    }

    /// Lower-cased scheme and host, no default port, no fragment, no tracking parameters.
    static func canonicalLink(_ link: String) -> String? {
        let trimmed = link.trimmedWhitespace()
        if let fast = CanonicalLink.simple(trimmed) { return fast }
        return canonicalLinkThroughFoundation(trimmed)
    }

    /// The reference definition; `CanonicalLink.simple` must give the same answer where it answers.
    static func canonicalLinkThroughFoundation(_ link: String) -> String? {
        guard var c = URLComponents(string: link), let host = c.host, !host.isEmpty else {
            return nil
        }
        c.scheme = c.scheme?.lowercased()
        c.host = host.lowercased()
        if (c.scheme == "http" && c.port == 80) || (c.scheme == "https" && c.port == 443) { c.port = nil }
        c.fragment = nil
        if let items = c.queryItems {
            let kept = items.filter { !$0.name.lowercased().hasPrefix("utm_") && $0.name != "spm" }
            c.queryItems = kept.isEmpty ? nil : kept
        }
        if c.path.isEmpty { c.path = "/" }
        return c.string
    }

    static func alertID(_ parts: String...) -> String {
        String(sha256(parts.joined(separator: "|")).prefix(24))
    }
}
