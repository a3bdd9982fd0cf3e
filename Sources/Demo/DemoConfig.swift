/// The feeds.yml the demo writes beside its state: the same keys a real configuration uses.
enum DemoConfig {
    static func yaml(base: String) -> String {
        """
        # Written by `civicwatch demo`: the bundled sample sources, served on \(base).
        defaults:
          interval: 1h
          timeout: 10s
          alert_after_failures: 1

        state:
          dir: state

        detection:
          watchlists:
            ngos:
              - {name: "Dawn Workers' Centre", aliases: ["Dawn Workers' Centre", 晨曦工友中心]}
            people:
              - {name: Chen Guang, aliases: [Chen Guang, 陈光]}

        sources:
          # A ministry notice list in GBK, labelled gb2312 (as older ministry sites are).
          - id: moj-drafts
            type: list
            name: Ministry of Justice — calls for comment (sample)
            url: \(base)/moj/lfyjzj/index.html
            items: "//ul[contains(@class,'newsMsgList_zzy')]/li"
            title: "a"
            link: "a/@href"
            date: "div[@class='rightData']"
            tags: [china, regulation]

          # An NGO's news feed (RSS 2.0).
          - id: labour-voices
            type: feed
            name: Labour Voices (sample NGO feed)
            url: \(base)/labour-voices/feed.xml
            tags: [china, labour]

          # A rights group's China page as an Atom feed.
          - id: rights-network
            type: feed
            name: Rights Defenders Network — China (sample)
            url: \(base)/rdn/china.atom
            tags: [china, rights]

          # A workers' news site (RSS 2.0).
          - id: workers-watch
            type: feed
            name: Workers' Watch (sample)
            url: \(base)/workers-watch/rss
            tags: [china, labour]

          # The full text of the draft regulation: a page whose changes are shown as a diff.
          - id: draft-text
            type: page
            name: Draft regulation on social organisations — full text (sample)
            url: \(base)/moj/draft/shzz-tiaoli.html
            content: "//div[@class='TRS_Editor']"
            tags: [china, regulation]

        alerts:
          - stdout: {format: text}
          - report: {dir: report, formats: [md, html, atom, json], since: 90d, timezone: Asia/Shanghai, title: "China — recent developments (CivicWatch demo)"}

        """
    }
}
