import Foundation

/// The bundled sample sources, written as they look in the wild (names of groups and people are
/// invented). Each function returns the body a source serves at one step of the scenario.
enum DemoSamples {
    static func day(_ d: Date, _ format: String = "yyyy-MM-dd", zone: String = "Asia/Shanghai") -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: zone)
        f.dateFormat = format
        return f.string(from: d)
    }

    static func rfc822(_ d: Date) -> String { day(d, "EEE, dd MMM yyyy HH:mm:ss Z", zone: "UTC") }
    static func iso(_ d: Date) -> String { day(d, "yyyy-MM-dd'T'HH:mm:ss'Z'", zone: "UTC") }

    // MARK: Ministry of Justice: calls for comment on draft rules, a GBK page labelled gb2312.

    struct Notice { var title: String; var path: String; var date: Date }

    static func ministryList(_ notices: [Notice]) -> String {
        var rows = ""
        for n in notices {
            rows += "  <li><a href=\"\(n.path)\" target=\"_blank\">\(n.title)</a><div class=\"rightData\">\(day(n.date))</div></li>\n"
        }
        // gb2312 label, GBK content (镕 is GBK-only): what older ministry pages really serve.
        return """
        <!DOCTYPE html>
        <html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
        <title>立法意见征集_中华人民共和国司法部（示例）</title></head>
        <body><div class="header">中华人民共和国司法部 · 示例站点 · 镕</div>
        <div class="list"><ul class="newsMsgList_zzy">
        \(rows)</ul></div>
        <div class="footer">版权所有（示例）</div></body></html>
        """
    }

    // MARK: An NGO news feed (RSS 2.0) and a workers' news feed.

    struct Story { var title: String; var link: String; var date: Date; var summary: String }

    static func rss(title: String, site: String, _ stories: [Story]) -> String {
        var items = ""
        for s in stories {
            items += """
              <item><title>\(xml(s.title))</title><link>\(xml(s.link))</link><guid>\(xml(s.link))</guid>
                <pubDate>\(rfc822(s.date))</pubDate><description>\(xml(s.summary))</description></item>

            """
        }
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>\(xml(title))</title><link>\(xml(site))</link>
        <description>\(xml(title)) (sample)</description>
        \(items)</channel></rss>
        """
    }

    // MARK: A rights group's Atom feed.

    static func atom(title: String, site: String, _ stories: [Story]) -> String {
        var entries = ""
        for s in stories {
            entries += """
              <entry><id>\(xml(s.link))</id><title type="text">\(xml(s.title))</title>
                <link rel="alternate" href="\(xml(s.link))"/><updated>\(iso(s.date))</updated>
                <summary type="text">\(xml(s.summary))</summary></entry>

            """
        }
        return """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><id>\(xml(site))/</id><title>\(xml(title))</title>
        <updated>\(iso(stories.map(\.date).max() ?? Date()))</updated><link href="\(xml(site))/"/>
        <author><name>\(xml(title))</name></author>
        \(entries)</feed>
        """
    }

    // MARK: The text of a draft regulation, later amended.

    static func regulationText(amended: Bool) -> String {
        let article12 = amended
            ? "第十二条 社会组织接受境外捐赠或者资助的，应当在接受前三十日内向登记管理机关报告，并说明资金用途。"
            : "第十二条 社会组织接受境外捐赠或者资助的，应当向登记管理机关备案。"
        let article30 = amended
            ? "<p>第三十条 未经登记，擅自以社会组织名义开展活动的，由登记管理机关予以取缔，没收非法财产；对直接责任人员处以罚款。</p>\n"
            : ""
        return """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8">
        <title>社会组织登记管理条例（修订草案征求意见稿）全文</title></head>
        <body><div class="nav">首页 &gt; 立法意见征集</div>
        <div class="TRS_Editor">
        <h1>社会组织登记管理条例（修订草案征求意见稿）</h1>
        <p>第一条 为了规范社会组织登记管理，保障社会组织合法权益，制定本条例。</p>
        <p>第八条 成立社会组织，应当经其业务主管单位审查同意，并依照本条例的规定进行登记。</p>
        <p>\(article12)</p>
        <p>第二十条 社会组织应当于每年5月31日前向登记管理机关报送上一年度工作报告。</p>
        \(article30)<p>第四十条 本条例自公布之日起施行。</p>
        </div>
        <div class="footer">司法部（示例站点）</div></body></html>
        """
    }

    static func xml(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
