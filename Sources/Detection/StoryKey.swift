import Foundation
import Model

/// What identifies a story across sources, for grouping alerts: the canonical link, and the title
/// normalised so that the same headline copied by another site (other punctuation, full-width
/// characters, Traditional script, a "| Site name" suffix, a 【tag】 prefix) gives the same key.
/// Near-duplicate titles are compared with `StorySimilarity.sameStory`.
public struct StoryKey: Sendable, Equatable {
    public var title: String?
    public var link: String?

    public init(title: String?, link: String?) {
        self.title = title
        self.link = link
    }

    public static func make(title: String, link: String?) -> StoryKey {
        StoryKey(title: titleKey(title), link: link.flatMap(linkKey))
    }

    /// Folded title without site-name suffixes, bracketed tags or punctuation; nil when too short to
    /// be specific ("通知", "News").
    public static func titleKey(_ title: String) -> String? {
        var t = TextNormalizer.fold(title)
        // 【视频】, [Update], (图) prefixes.
        while let first = t.first, let close = ["【": "】", "[": "]", "(": ")"][first],
              let end = t.firstIndex(of: Character(close)), t.distance(from: t.startIndex, to: end) <= 12 {
            t = String(t[t.index(after: end)...]).trimmingCharacters(in: .whitespaces)
        }
        // "Headline | Site", "Headline - Site", "标题_中国人大网": keep the longest part.
        for sep in [" | ", " - ", " – ", " — ", "_", "|"] where t.contains(sep) {
            let parts = t.components(separatedBy: sep)
            if let longest = parts.max(by: { $0.count < $1.count }), longest.count >= 8 { t = longest }
        }
        // Letters and digits only; one space between two Latin words (so words can be compared),
        // none between Chinese characters (whose spacing varies from site to site).
        var key = String.UnicodeScalarView()
        var separated = false
        for u in t.unicodeScalars {
            if u.properties.isAlphabetic || u.properties.numericType != nil {
                if separated, let last = key.last, last.value < 0x2E80, u.value < 0x2E80 { key.append(" ") }
                key.append(u)
                separated = false
            } else {
                separated = true
            }
        }
        let letters = key.filter { $0 != " " }.count
        return letters >= 6 ? String(key) : nil
    }

    /// Host without `www.`, path without a trailing slash, query without tracking parameters; nil
    /// for a site's front page (not a story).
    public static func linkKey(_ link: String) -> String? {
        guard let c = URLComponents(string: link.trimmingCharacters(in: .whitespaces)), let rawHost = c.host,
              !rawHost.isEmpty else { return nil }
        var host = rawHost.lowercased()
        if host.hasPrefix("www.") { host.removeFirst(4) }
        if host.hasPrefix("m.") { host.removeFirst(2) }
        var path = c.percentEncodedPath
        while path.hasSuffix("/") { path.removeLast() }
        for index in ["/index.html", "/index.htm", "/index.shtml"] where path.hasSuffix(index) {
            path.removeLast(index.count)
        }
        let tracking: Set<String> = ["spm", "from", "source", "ref", "share", "fbclid", "gclid", "s", "cmpid"]
        let query = (c.queryItems ?? []).filter { !$0.name.lowercased().hasPrefix("utm_") && !tracking.contains($0.name.lowercased()) }
            .map { "\($0.name)=\($0.value ?? "")" }.sorted().joined(separator: "&")
        if path.isEmpty && query.isEmpty { return nil }
        return host + path + (query.isEmpty ? "" : "?" + query)
    }
}
