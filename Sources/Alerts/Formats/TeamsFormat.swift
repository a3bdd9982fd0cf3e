import Foundation
import Model

/// Microsoft Teams: an Adaptive Card (1.4) in a message payload, as Teams workflows and incoming
/// webhooks accept. A card stays well under Teams' 28 KB by cutting summaries to 500 characters
/// and carrying at most `maxBatch` alerts; each alert links to its item.
enum TeamsFormat {
    static let maxBatch = 20

    static func body(_ alerts: [Alert]) -> Data {
        var body: [[String: Any]] = [[
            "type": "TextBlock", "size": "Medium", "weight": "Bolder", "wrap": true,
            "text": ChatText.markdown(EmailMessage.subject(alerts, prefix: "CivicWatch:")),
        ]]
        for a in alerts.prefix(maxBatch) {
            var items: [[String: Any]] = [
                ["type": "TextBlock", "wrap": true, "weight": "Bolder",
                 "text": ChatText.markdown("\(AlertText.head(a.kind))\(ChatText.categories(a)) \(a.sourceTitle)")],
            ]
            let title = ChatText.markdown(AlertText.truncate(TextFormatter.clean(a.title), 300))
            if let link = a.link, AlertText.isWebLink(link) {
                items.append(["type": "TextBlock", "wrap": true, "text": "[\(title)](\(link.replacingOccurrences(of: ")", with: "%29")))"])
            } else {
                items.append(["type": "TextBlock", "wrap": true, "text": title])
            }
            if let e = a.error { items.append(["type": "TextBlock", "wrap": true, "text": ChatText.markdown("error: " + e)]) }
            if let s = a.summary, !s.isEmpty, a.kind == .new {
                items.append(["type": "TextBlock", "wrap": true, "isSubtle": true, "text": ChatText.markdown(AlertText.truncate(s, 500))])
            }
            body.append(["type": "Container", "separator": true, "items": items])
        }
        let card: [String: Any] = [
            "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
            "type": "AdaptiveCard", "version": "1.4", "body": body,
        ]
        return ChatText.json(["type": "message", "attachments": [[
            "contentType": "application/vnd.microsoft.card.adaptive", "content": card,
        ]]])
    }
}
