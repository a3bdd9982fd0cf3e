import Foundation
import Model

/// An Atom feed (RFC 4287) with one entry per alert, so a feed reader can follow what CivicWatch
/// found. Entry ids are `urn:civicwatch:alert:<alert id>`: the alert id is stable across passes, so
/// an entry keeps its id when the feed is regenerated and readers never show it twice.
public struct AtomRenderer {
    /// The feed's own address when it is published (rel="self"); optional.
    public var selfURL: String?

    public init(selfURL: String? = nil) {
        self.selfURL = selfURL
    }

    public static func entryID(_ alertID: String) -> String {
        // URN NSS characters only; alert ids are hex, anything else is percent-encoded.
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._")
        return "urn:civicwatch:alert:" + (alertID.addingPercentEncoding(withAllowedCharacters: allowed) ?? "invalid")
    }

    public func render(_ report: Report) -> String {
        let dates = DateText(zone: report.options.timeZone)
        var x = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        x += "  <id>\(Escape.xml(report.options.feedID))</id>\n"
        x += "  <title type=\"text\">\(Escape.xml(report.options.title))</title>\n"
        x += "  <subtitle type=\"text\">New laws and regulations, crackdowns and other developments found by CivicWatch</subtitle>\n"
        x += "  <updated>\(ISO8601.string(report.lastUpdated))</updated>\n"
        x += "  <author><name>CivicWatch</name></author>\n"
        x += "  <generator>CivicWatch</generator>\n"
        if let s = SourceText.safeLink(selfURL) { x += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(Escape.xml(s))\"/>\n" }
        for e in report.entries { x += entry(e, dates) }
        return x + "</feed>\n"
    }

    private func entry(_ e: ReportEntry, _ dates: DateText) -> String {
        var x = "  <entry>\n"
        x += "    <id>\(Self.entryID(e.id))</id>\n"
        var title = e.headline
        if let stage = e.stage { title += " (\(stage.rawValue))" }
        x += "    <title type=\"text\">\(Escape.xml(title))</title>\n"
        // `updated` is when CivicWatch found it (or merged another source into it): stable per alert.
        x += "    <updated>\(ISO8601.string(e.detectedAt))</updated>\n"
        if e.date != e.detectedAt { x += "    <published>\(ISO8601.string(e.date))</published>\n" }
        if let link = e.sources.first?.link { x += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(Escape.xml(link))\"/>\n" }
        for s in e.sources.dropFirst() {
            if let link = s.link { x += "    <link rel=\"related\" href=\"\(Escape.xml(link))\" title=\"\(Escape.xml(s.name))\"/>\n" }
        }
        x += "    <category term=\"\(e.section.slug)\" label=\"\(Escape.xml(e.section.heading))\"/>\n"
        for c in e.categories where c != e.section.rawValue {
            x += "    <category term=\"\(Escape.xml(c))\"/>\n"
        }
        if !e.text.isEmpty { x += "    <summary type=\"text\">\(Escape.xml(e.text))</summary>\n" }
        // The content is HTML, escaped once for XML: a reader shows it as markup, never runs it.
        x += "    <content type=\"html\">\(Escape.xml(contentHTML(e, dates)))</content>\n"
        return x + "  </entry>\n"
    }

    private func contentHTML(_ e: ReportEntry, _ dates: DateText) -> String {
        var h = "<p><strong>\(Escape.html(dates.long(e.date)))</strong> — \(Escape.html(e.section.heading))"
        if let stage = e.stage { h += " (\(Escape.html(stage.rawValue)))" }
        h += "</p>"
        if !e.text.isEmpty { h += "<p>\(Escape.html(e.text))</p>" }
        h += "<p>Sources: " + e.sources.map(HTMLRenderer.sourceLink).joined(separator: "; ") + "</p>"
        if !e.watchNames.isEmpty { h += "<p>Watch list: \(Escape.html(e.watchNames.joined(separator: ", ")))</p>" }
        if let diff = e.diff, !diff.isEmpty { h += HTMLRenderer.diffHTML(diff) }
        return h
    }
}
