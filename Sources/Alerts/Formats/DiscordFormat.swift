import Foundation
import Model

/// Discord webhook JSON with embeds, within Discord's limits: 10 embeds a message, title 256,
/// description 4096, 6000 characters over all embeds. Longer text is cut and the embed links to
/// the item. Mentions are disabled (`allowed_mentions`), and markdown from sources is escaped.
enum DiscordFormat {
    static let maxBatch = 10
    static let totalLimit = 6000

    static func body(_ alerts: [Alert]) -> Data {
        let batch = Array(alerts.prefix(maxBatch))
        let perEmbed = totalLimit / max(1, batch.count) - 40
        var embeds: [[String: Any]] = []
        for a in batch {
            let title = AlertText.truncate(TextFormatter.clean(a.title), min(256, perEmbed / 3))
            var lines = ["**\(AlertText.head(a.kind))**\(ChatText.markdown(ChatText.categories(a))) \(ChatText.markdown(a.sourceTitle))"]
            if let e = a.error { lines.append(ChatText.markdown("error: " + e)) }
            if let s = a.summary, !s.isEmpty, a.kind == .new { lines.append(ChatText.markdown(s)) }
            if let diff = a.diff { lines.append(ChatText.markdown(diff.prefix(40).map { "\($0.op.rawValue) \($0.text)" }.joined(separator: "\n"))) }
            var description = lines.joined(separator: "\n")
            let room = min(4096, perEmbed - title.count)
            if description.count > room {
                var cut = String(description.prefix(max(0, room - 2)))
                if cut.hasSuffix("\\") { cut.removeLast() }
                description = cut + "…"
            }
            var e: [String: Any] = ["title": title, "description": description,
                                    "footer": ["text": AlertText.truncate(a.source, 100)],
                                    "timestamp": ISO8601.string(a.published ?? a.detectedAt)]
            if let link = a.link, AlertText.isWebLink(link), link.count <= 2000 { e["url"] = link }
            embeds.append(e)
        }
        let content = AlertText.truncate(EmailMessage.subject(alerts, prefix: "CivicWatch:"), 2000)
        return ChatText.json(["content": ChatText.markdown(content), "embeds": embeds,
                              "allowed_mentions": ["parse": [String]()]])
    }
}
