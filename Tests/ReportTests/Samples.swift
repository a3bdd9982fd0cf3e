import Foundation
import Model

/// Alerts as the pipeline stores them, for report tests.
enum Samples {
    static let now = ISO8601.date("2026-03-20T12:00:00Z")!
    static func at(_ s: String) -> Date { ISO8601.date(s)! }

    static let draft = Alert(
        id: "a1draft", source: "moj-drafts", sourceTitle: "Ministry of Justice — drafts for comment", kind: .new,
        title: "社会组织登记管理条例（修订草案征求意见稿）", link: "https://www.moj.gov.cn/lfyjzj/t20260305_1.html",
        published: at("2026-03-04T16:00:00Z"), summary: "司法部起草了修订草案，现向社会公开征求意见。意见反馈截止时间为2026年4月5日。其他内容。",
        tags: ["china", "regulation"], categories: [CategoryScore(name: "regulation", score: 2.5)],
        detectedAt: at("2026-03-05T09:00:00Z"))

    static let detention = Alert(
        id: "b2detain", source: "clb", sourceTitle: "China Labour Bulletin", kind: .new,
        title: "Four labour activists detained in Shenzhen", link: "https://clb.org.hk/news/shenzhen-four",
        published: at("2026-03-12T08:00:00Z"),
        summary: "Police took four staff of a workers' centre into criminal detention. Families were not told where. The centre had helped workers.",
        tags: ["china", "labour"], categories: [CategoryScore(name: "crackdown", score: 2.1), CategoryScore(name: "regulation", score: 1.0)],
        watchlist: [WatchHit(list: "ngos", name: "Dawn Workers' Centre", alias: "dawn workers' centre")],
        alsoReportedBy: ["cdt", "hrw-china"], alsoReportedLinks: ["cdt": "https://chinadigitaltimes.net/2026/03/four"],
        detectedAt: at("2026-03-12T10:00:00Z"))

    static let other = Alert(
        id: "c3other", source: "cdb", sourceTitle: "China Development Brief", kind: .new,
        title: "Workshop on NGO fundraising", link: "https://chinadevelopmentbrief.org/workshop",
        published: nil, summary: nil, tags: ["china"], categories: [], detectedAt: at("2026-03-15T10:00:00Z"))

    static let pageChange = Alert(
        id: "d4page", source: "charity-law-text", sourceTitle: "Charity Law — text", kind: .changed,
        title: "慈善法: 1 line added, 1 removed", link: "https://www.npc.gov.cn/charity.html",
        tags: ["china", "regulation"], categories: [CategoryScore(name: "regulation", score: 1.2)],
        diff: [DiffLine(.context, "第一条 总则"), DiffLine(.removed, "第十条 旧规定"), DiffLine(.added, "第十条 新规定，自2026年9月1日起施行")],
        detectedAt: at("2026-03-18T10:00:00Z"))

    static let health = Alert(
        id: "e5err", source: "mps", sourceTitle: "MPS", kind: .sourceError, title: "MPS failing",
        error: "HTTP 503", detectedAt: at("2026-03-16T10:00:00Z"))

    static let old = Alert(
        id: "f6old", source: "moj-drafts", sourceTitle: "Ministry of Justice — drafts for comment", kind: .new,
        title: "慈善法实施条例（草案）", tags: ["china"], categories: [CategoryScore(name: "regulation", score: 2)],
        detectedAt: at("2025-12-01T10:00:00Z"))

    static var all: [Alert] { [old, draft, detention, other, pageChange, health] }

    static let names = ["cdt": "China Digital Times", "hrw-china": "Human Rights Watch — China"]
}
