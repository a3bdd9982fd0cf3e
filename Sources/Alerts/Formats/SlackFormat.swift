import Foundation
import Model

/// Slack incoming-webhook JSON with Block Kit sections (accepted by Mattermost and Rocket.Chat).
/// Limits: 50 blocks a message, 3000 characters a section; longer text is cut and ends with the
/// item's link, and a larger batch is split by `maxBatch`.
enum SlackFormat {
    static let maxBatch = 20
    static let sectionLimit = 3000

    static func body(_ alerts: [Alert]) -> Data {
        var blocks: [[String: Any]] = []
        for a in alerts.prefix(maxBatch) {
            blocks.append(["type": "section", "text": ["type": "mrkdwn", "text": section(a)]])
        }
        let fallback = EmailMessage.subject(alerts, prefix: "CivicWatch:")
        return ChatText.json(["text": ChatText.slack(fallback), "blocks": blocks, "unfurl_links": false])
    }

    static func section(_ a: Alert) -> String {
        var head = "*\(AlertText.head(a.kind))*\(ChatText.slack(ChatText.categories(a))) \(ChatText.slack(a.sourceTitle))"
        head = AlertText.truncate(head, 300)
        var title = ChatText.slack(AlertText.truncate(TextFormatter.clean(a.title), 500))
        var more = ""
        if let link = a.link, AlertText.isWebLink(link) {
            let url = ChatText.slackURL(link)
            title = "<\(url)|\(title)>"
            more = " <\(url)|more…>"
        }
        var text = head + "\n" + title
        if let e = a.error { text += "\n" + ChatText.slack("error: " + e) }
        var detail = ""
        if let s = a.summary, !s.isEmpty, a.kind == .new { detail = s }
        if let diff = a.diff { detail = diff.prefix(40).map { "\($0.op.rawValue) \($0.text)" }.joined(separator: "\n") }
        if !detail.isEmpty {
            let room = sectionLimit - text.count - more.count - 10
            let escaped = ChatText.slack(detail)
            if escaped.count <= room {
                text += "\n" + escaped
            } else if room > 0 {
                // Cut on the escaped text, then drop a half-cut entity so `&lt;` never turns into `&l`.
                var cut = String(escaped.prefix(room))
                if let amp = cut.lastIndex(of: "&"), !cut[amp...].contains(";") { cut = String(cut[..<amp]) }
                text += "\n" + cut + "…" + more
            }
        }
        return String(text.prefix(sectionLimit))
    }
}
