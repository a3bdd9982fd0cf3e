import Foundation
@testable import Parsing
import Model

/// Compares entries with feed-rs's expected serde JSON: title, first link, id (unless feed-rs
/// generated it), published/updated instants and summary text.
enum FeedRSExpect {
    static func check(_ data: Data, path: String, expectedFile: String) -> Outcome {
        // feed-rs parses its fixtures without a document URL, so relative links stay relative.
        let result = try? FeedParser.parse(ParseInput(data: data, url: ""))
        guard expectedFile.hasSuffix(".json"), let json = Corpus.data("feed-rs", expectedFile) else {
            // rss_2.0_invalid_1.xml: no expectation, must fail.
            if let doc = result { return doc.wellFormed ? .fail("parsed as a well-formed feed") : .pass }
            return .pass
        }
        guard let doc = result else { return path.hasSuffix(".json") ? .notApplicable("JSON Feed is not supported") : .fail("no parse") }
        guard let obj = try? JSONSerialization.jsonObject(with: json) as? [String: Any],
              let entries = obj["entries"] as? [[String: Any]] else { return .fail("bad expectation file") }
        if entries.count != doc.items.count { return .fail("\(doc.items.count) items, expected \(entries.count)") }
        let iso = ISO8601DateFormatter()
        for (i, (e, item)) in zip(entries, doc.items).enumerated() {
            if let t = (e["title"] as? [String: Any])?["content"] as? String {
                let want = TextNormalizer.fromHTML(t), plain = TextNormalizer.plain(t)
                if item.title != want && item.title != plain { return .fail("entry \(i) title \(item.title.debugDescription) ≠ \(plain.debugDescription)") }
            }
            if let href = (e["links"] as? [[String: Any]])?.first(where: { ($0["rel"] as? String).map { $0 == "alternate" } ?? true })?["href"] as? String,
               item.link != href {
                return .fail("entry \(i) link \(item.link ?? "nil") ≠ \(href)")
            }
            if let id = e["id"] as? String, !looksGenerated(id), item.id != id, item.link != id {
                return .fail("entry \(i) id \(item.id ?? "nil") ≠ \(id)")
            }
            if let p = e["published"] as? String, let want = iso.date(from: p), item.published != want {
                return .fail("entry \(i) published \(String(describing: item.published)) ≠ \(p)")
            }
            if let u = e["updated"] as? String, let want = iso.date(from: u), (item.updated ?? item.published) != want {
                return .fail("entry \(i) updated \(String(describing: item.updated ?? item.published)) ≠ \(u)")
            }
            if let s = (e["summary"] as? [String: Any])?["content"] as? String {
                let want = TextNormalizer.fromHTML(s)
                if (item.summary ?? item.content ?? "") != want && (item.summary ?? "") != TextNormalizer.plain(s) {
                    return .fail("entry \(i) summary differs: \(String((item.summary ?? "nil").prefix(60)).debugDescription) vs \(String(want.prefix(60)).debugDescription)")
                }
            }
        }
        return .pass
    }

    /// feed-rs invents ids (UUID, md5 hex) for entries without one.
    static func looksGenerated(_ id: String) -> Bool {
        let hex = id.replacingOccurrences(of: "-", with: "")
        // An MD5 printed without its leading zeros can be 31 digits.
        return (30...32).contains(hex.count) && hex.allSatisfy { $0.isHexDigit }
    }
}
