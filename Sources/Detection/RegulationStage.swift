import Foundation
import Model

/// Where a regulation stands, as a monitor's country page says it: "draft for comment", "adopted",
/// "promulgated", "in force", "repealed".
public enum RegulationStage: String, Sendable, CaseIterable, Codable {
    case draftForComment = "draft for comment"
    case adopted
    case promulgated
    case inForce = "in force"
    case repealed
}

/// Derives the stage of a `regulation` alert from its title and summary (and the added text of a
/// page diff). Reading order matters: a repeal or a draft is what the item is about even when it
/// also mentions adoption or an effective date; an item that has already taken effect outranks its
/// promulgation; "adopted" alone (通过, "passed") is the earliest final stage. Nil when no stage word
/// is present (the editor decides).
public enum RegulationStageDetector {
    static let repealed = ["废止", "予以废止", "决定废止", "repeal", "abolish", "rescind", "revoked"]
    static let draft = ["征求意见", "意见征集", "草案", "审议稿", "送审稿", "二审稿", "三审稿", "draft", "for comment",
                        "public comment", "comment period", "soliciting", "seeks comment", "seeking comment"]
    /// Past tense only: "自…起施行" in a promulgation notice announces a future date.
    static let tookEffect = ["正式施行", "正式实施", "已施行", "开始施行", "今起施行", "今日起施行", "took effect",
                             "came into force", "entered into force", "now in force", "comes into force today",
                             "takes effect today", "in effect since"]
    static let promulgated = ["公布", "印发", "颁布", "发布", "主席令", "国务院令", "令第", "promulgat", "issued", "issues",
                              "published", "publishes", "released", "signed into law"]
    static let adopted = ["审议通过", "表决通过", "通过", "adopted", "adopts", "passed", "approved", "approves", "enacted"]
    static let takesEffect = ["起施行", "起实施", "施行", "生效", "take effect", "takes effect", "come into force",
                              "comes into force", "enter into force", "enters into force", "in force from"]

    public static func stage(of alert: Alert) -> RegulationStage? {
        var parts = [alert.title, alert.summary ?? ""]
        if let diff = alert.diff { parts += diff.filter { $0.op == .added }.map(\.text) }
        return stage(text: parts.joined(separator: "\n"))
    }

    public static func stage(text: String) -> RegulationStage? {
        // A byte search on UTF-8: Foundation's `contains` is a locale-aware search and dominated
        // the time of a 10,000-alert report.
        let t = Array(text.lowercased().utf8)
        func any(_ words: [String]) -> Bool { words.contains { contains(t, Array($0.utf8)) } }
        if any(repealed) { return .repealed }
        if any(draft) { return .draftForComment }
        if any(tookEffect) { return .inForce }
        if any(promulgated) { return .promulgated }
        if any(adopted) { return .adopted }
        if any(takesEffect) { return .inForce }
        return nil
    }

    static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, hay.count >= needle.count else { return needle.isEmpty }
        let last = hay.count - needle.count
        var i = 0
        while i <= last {
            if hay[i] == first {
                var j = 1
                while j < needle.count && hay[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}
