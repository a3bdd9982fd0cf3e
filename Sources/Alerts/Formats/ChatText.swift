import Foundation
import Model

/// Escaping for the markup languages of chat tools. Source text is escaped so it is shown, never
/// interpreted: no mention, no link, no formatting comes from a source.
public enum ChatText {
    /// Slack mrkdwn (also Mattermost, Rocket.Chat): `&`, `<` and `>` are the only control
    /// characters of its link and mention syntax (`<!channel>`, `<https://x|y>`).
    public static func slack(_ s: String) -> String {
        TextFormatter.cleanKeepingLines(s)
            .replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// A URL inside `<url|text>`: characters that would end or split the link are percent-encoded.
    public static func slackURL(_ url: String) -> String {
        var out = ""
        for ch in url {
            switch ch {
            case "<": out += "%3C"
            case ">": out += "%3E"
            case "|": out += "%7C"
            case " ": out += "%20"
            case "&": out += "&amp;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// Discord and Teams markdown: a backslash before every character with a meaning, and mentions
    /// broken with a zero-width space (Discord also gets `allowed_mentions: {parse: []}`).
    public static func markdown(_ s: String) -> String {
        var out = ""
        for ch in TextFormatter.cleanKeepingLines(s) {
            if "\\*_~`|>[]()#<-!+.=".contains(ch) { out.append("\\") }
            out.append(ch)
            if ch == "@" { out.append("\u{200B}") }
        }
        return out
    }

    /// "[crackdown, law]" or "".
    static func categories(_ a: Alert) -> String {
        a.categories.isEmpty ? "" : " [" + a.categories.map(\.name).joined(separator: ", ") + "]"
    }

    /// JSON bytes with sorted keys and unescaped slashes (Foundation's serializer keeps UTF-8 as is).
    static func json(_ object: Any) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
    }
}
