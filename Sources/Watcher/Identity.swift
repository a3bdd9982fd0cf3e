import Crypto
import Foundation
import Model

/// Stable identities for items and alerts, so the same item is recognised on every pass.
enum Identity {
    /// The SHA-256 of the string's UTF-8 bytes in hex, cut to `length` digits (64: all of it).
    static func sha256(_ s: String, length: Int = 64) -> String {
        var s = s
        // Hashes the string's own bytes: a Data copy per item identity showed in profiles.
        return s.withUTF8 { hex(SHA256.hash(data: UnsafeRawBufferPointer($0)), length: length) }
    }

    /// The hash of a body and the fingerprint of what is extracted from it, fed to the hash one
    /// after the other rather than concatenated (a copy of every body).
    static func sha256(_ data: Data, then suffix: Data) -> String {
        var hasher = SHA256()
        hasher.update(data: data)
        hasher.update(data: suffix)
        return hex(hasher.finalize(), length: 64)
    }

    private static func hex(_ digest: SHA256.Digest, length: Int) -> String {
        digest.withUnsafeBytes { Hex.encode($0, limit: length / 2) }
    }

    /// guid/id when the source gives one; else the canonical link; else the normalised title and date.
    /// The summary is deliberately left out: sources edit summaries, and an edit is not a new item.
    static func item(_ item: FeedItem) -> String {
        if let id = item.id?.trimmedWhitespace(), !id.isEmpty {
            return sha256("id:" + id, length: 32)
        }
        if let link = item.link, let canonical = canonicalLink(link) {
            return sha256("link:" + canonical, length: 32)
        }
        return textIdentity(item)
    }

    static func textIdentity(_ item: FeedItem) -> String {
        let title = item.title.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let date = item.published.map { ISO8601.string($0) } ?? ""
        return sha256("text:" + title + "|" + date, length: 32)
    }

    /// Identities for a document's items; two items sharing a link (a list whose every entry points
    /// to "#" or to the same PDF viewer) fall back to their title so neither is lost.
    static func items(_ items: [FeedItem]) -> [String] {
        var seen = Set<String>()
        return items.map { item in
            var id = Self.item(item)
            if seen.contains(id) { id = sha256(id + "|" + textIdentity(item), length: 32) }
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
        sha256(parts.joined(separator: "|"), length: 24)
    }
}
