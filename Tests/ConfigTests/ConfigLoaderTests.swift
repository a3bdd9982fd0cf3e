import Config
import Model
import XCTest

final class ConfigLoaderTests: XCTestCase {
    let good = """
    defaults: {interval: 1h, timeout: 30s, max_bytes: 10MB, concurrency: 16, per_host: 2}
    sources:
      - id: mca-notices
        title: Ministry of Civil Affairs — notices
        url: https://example.org/notices.xml
        type: feed
        tags: [china, regulation]
      - id: moj-drafts
        type: list
        name: Ministry of Justice — drafts
        url: https://example.org/drafts/index.html
        items: "//ul[@class='list']/li"
        title: "a"
        link: "a/@href"
        date: "span[@class='date']"
        timezone: "+08:00"
        interval: 15m
      - id: cfm-china
        type: page
        url: https://example.org/country/china
        content: "//div[@id='content']"
        ignore: ["//div[@class='visits']"]
    alerts:
      - stdout: {format: json}
    """

    func testDocumentedExampleLoadsWithDefaultsApplied() throws {
        let loaded = try ConfigLoader.parse(yaml: good, file: "feeds.yml")
        XCTAssertEqual(loaded.problems, [])
        let c = loaded.configuration
        XCTAssertEqual(c.sources.map(\.id), ["mca-notices", "moj-drafts", "cfm-china"])
        XCTAssertEqual(c.concurrency, 16)
        XCTAssertEqual(c.perHost, 2)
        let feed = c.sources[0]
        XCTAssertEqual(feed.title, "Ministry of Civil Affairs — notices")
        XCTAssertEqual(feed.type, .feed)
        XCTAssertEqual(feed.tags, ["china", "regulation"])
        XCTAssertEqual(feed.interval, 3600)
        XCTAssertEqual(feed.timeout, 30)
        XCTAssertEqual(feed.maxBytes, 10 * 1024 * 1024)
        XCTAssertEqual(feed.origin, "feeds.yml:3")
        let list = c.sources[1]
        XCTAssertEqual(list.title, "Ministry of Justice — drafts")
        XCTAssertEqual(list.list, ListSelectors(items: "//ul[@class='list']/li", title: "a", link: "a/@href", date: "span[@class='date']"))
        XCTAssertEqual(list.interval, 900)
        XCTAssertEqual(list.timezone.secondsFromGMT(), 8 * 3600)
        let page = c.sources[2]
        XCTAssertEqual(page.content, "//div[@id='content']")
        XCTAssertEqual(page.ignore, ["//div[@class='visits']"])
        XCTAssertEqual(c.sinks, [.stdout(StdoutSink(format: .json))])
    }

    func testBadSourceIsReportedWithLineAndFieldAndTheRestStillLoads() throws {
        let yaml = """
        sources:
          - id: ok-one
            url: https://example.org/a.xml
          - id: bad-interval
            url: https://example.org/b.xml
            interval: 1x
          - id: Bad_ID
            url: https://example.org/c.xml
          - id: no-file
            url: file:///etc/passwd
          - id: typo
            url: https://example.org/d.xml
            intervall: 1h
        """
        let loaded = try ConfigLoader.parse(yaml: yaml, file: "feeds.yml")
        XCTAssertEqual(loaded.configuration.sources.map(\.id), ["ok-one"])
        let messages = loaded.problems.map(\.description)
        XCTAssertEqual(messages.count, 4, "\(messages)")
        XCTAssertTrue(messages[0].hasPrefix("feeds.yml:6:15: sources[1].interval: cannot read \"1x\" as a duration"), messages[0])
        XCTAssertTrue(messages[1].hasPrefix("feeds.yml:7:9: sources[2].id:"), messages[1])
        XCTAssertTrue(messages[2].hasPrefix("feeds.yml:10:10: sources[3].url: `file:///etc/passwd` is not an http:// or https:// URL"), messages[2])
        XCTAssertEqual(messages[3], "feeds.yml:13:5: sources[4].intervall: unknown field (did you mean `interval`?)")
    }

    /// Generated configs sometimes give a list source both a name and the item-title selector
    /// under `title`: the first is the name, the last the selector.
    func testListSourceWithTitleTwiceTakesNameThenSelector() throws {
        let yaml = """
        sources:
          - id: list-1
            title: "List 1"
            url: http://127.0.0.1/lists/1.html
            type: list
            items: "//ul/li"
            title: "a"
        """
        let loaded = try ConfigLoader.parse(yaml: yaml, file: "f.yml")
        XCTAssertEqual(loaded.problems, [])
        XCTAssertEqual(loaded.configuration.sources.first?.title, "List 1")
        XCTAssertEqual(loaded.configuration.sources.first?.list?.title, "a")
    }

    func testYAMLSyntaxErrorNamesLineAndColumn() {
        let yaml = "sources:\n  - id: a\n    url: [unclosed\n"
        XCTAssertThrowsError(try ConfigLoader.parse(yaml: yaml, file: "f.yml")) { error in
            let e = (error as? ConfigFileError)?.errors.first
            XCTAssertEqual(e?.file, "f.yml")
            XCTAssertGreaterThanOrEqual(e?.line ?? 0, 3)
            XCTAssertTrue(e?.message.contains("YAML syntax") ?? false)
        }
    }

    /// feeds.yml is read by our own composer over libyaml's events (`YAMLNode`): what Yams's tree
    /// accepted must still read the same, and every way a file can be unreadable names a place.
    func testAnchorsAliasesAndDocumentErrors() throws {
        let yaml = """
        defaults: {interval: 2h}
        sources:
          - id: a
            url: &shared https://x.org/feed
            tags: &labour [labour, 劳工]
          - id: b
            url: *shared
            tags: *labour
          - id: c
            url: "https://x.org/c"
        """
        let c = try ConfigLoader.parse(yaml: yaml, file: "f.yml").configuration
        XCTAssertEqual(c.sources.map(\.id), ["a", "b", "c"])
        XCTAssertEqual(c.sources[1].url, "https://x.org/feed")
        XCTAssertEqual(c.sources[1].tags, ["labour", "劳工"])
        XCTAssertEqual(c.sources[1].interval, 7200)
        XCTAssertEqual(c.sources[1].origin, "f.yml:6")

        func firstError(_ text: String) -> ConfigError? {
            do { _ = try ConfigLoader.parse(yaml: text, file: "f.yml"); return nil } catch { return (error as? ConfigFileError)?.errors.first }
        }
        let alias = firstError("sources:\n  - id: a\n    url: *nowhere\n")
        XCTAssertEqual(alias.map { "\($0.line):\($0.column)" }, "3:10")
        XCTAssertEqual(alias?.message, "YAML syntax: found undefined alias")
        // libyaml reports a control character as a byte offset; it is turned into line:column
        // (columns count characters, so the Chinese text before it counts once per character).
        let control = firstError("sources:\n  - id: 中文\u{1}\n")
        XCTAssertEqual(control.map { "\($0.line):\($0.column)" }, "2:11")
        XCTAssertEqual(control?.message, "YAML syntax: control characters are not allowed")
        let twoDocuments = firstError("sources: []\n---\nsources: []\n")
        XCTAssertEqual(twoDocuments?.line, 2)
        XCTAssertTrue(twoDocuments?.message.contains("found another document") ?? false)
        XCTAssertEqual(firstError("# nothing but a comment\n")?.message, "is empty")
        XCTAssertEqual(firstError("- a\n- b\n")?.message, "expected a mapping (key: value)")
        // Absurd nesting is an error with a place, not a stack overflow.
        let deep = firstError("sources: " + String(repeating: "[", count: 100_000))
        XCTAssertEqual(deep?.line, 1)
        XCTAssertTrue(deep?.message.contains("nested more than 200 levels") ?? false, deep?.message ?? "no error")
    }

    func testDuplicateIdsAndListWithoutItems() throws {
        let yaml = """
        sources:
          - {id: a, url: "https://x.org/1"}
          - {id: a, url: "https://x.org/2"}
          - {id: l, type: list, url: "https://x.org/3"}
          - {id: p, type: feed, url: "https://x.org/4", content: "//div"}
        """
        let loaded = try ConfigLoader.parse(yaml: yaml, file: "f.yml")
        XCTAssertEqual(loaded.configuration.sources.map(\.id), ["a"])
        let m = loaded.problems.map(\.description)
        XCTAssertTrue(m[0].contains("f.yml:3:5") && m[0].contains("duplicate id `a` (first declared on line 2)"), m[0])
        XCTAssertTrue(m[1].contains("f.yml:4:5") && m[1].contains("needs `items`"), m[1])
        XCTAssertTrue(m[2].contains("sources[3].content: only applies to page sources"), m[2])
    }

    func testUnknownSinkAndBadSelector() throws {
        let yaml = """
        sources:
          - {id: l, type: list, url: "https://x.org/3", items: "//li[@class='a'"}
        alerts:
          - pager: {}
        """
        let loaded = try ConfigLoader.parse(yaml: yaml, file: "f.yml")
        let m = loaded.problems.map(\.description)
        XCTAssertTrue(m[0].contains("sources[0].items: unclosed `[`"), m[0])
        XCTAssertTrue(m[1].contains("f.yml:4:") && m[1].contains("unknown alert sink `pager`"), m[1])
    }

    func testMissingSourcesIsFatal() {
        XCTAssertThrowsError(try ConfigLoader.parse(yaml: "defaults: {interval: 1h}\n", file: "f.yml")) { error in
            XCTAssertTrue("\(error)".contains("no `sources:` list"))
        }
        XCTAssertThrowsError(try ConfigLoader.parse(yaml: "defaults: {interval: soon}\nsources: []\n", file: "f.yml")) { error in
            XCTAssertTrue("\(error)".contains("f.yml:1:22: defaults.interval"), "\(error)")
        }
    }

    func testUnitsAndZones() throws {
        XCTAssertEqual(Units.duration("90s"), 90)
        XCTAssertEqual(Units.duration("2d"), 172800)
        XCTAssertNil(Units.duration("-1h"))
        XCTAssertEqual(Units.bytes("512KB"), 512 * 1024)
        XCTAssertNil(Units.bytes("lots"))
        let yaml = """
        defaults: {timezone: Asia/Shanghai, proxy: "socks5h://127.0.0.1:9050"}
        sources:
          - {id: a, url: "https://x.org/1", timezone: "-05:00", headers: {Accept-Language: zh-CN}}
        """
        let s = try ConfigLoader.parse(yaml: yaml, file: "f.yml").configuration.sources[0]
        XCTAssertEqual(s.timezone.secondsFromGMT(), -5 * 3600)
        XCTAssertEqual(s.proxy, "socks5h://127.0.0.1:9050")
        XCTAssertEqual(s.headers, ["Accept-Language: zh-CN"])
    }

    func testRepositoryFeedsYmlIsValid() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let loaded = try ConfigLoader.load(path: root.appendingPathComponent("feeds.yml").path)
        XCTAssertEqual(loaded.problems, [])
        XCTAssertGreaterThan(loaded.configuration.sources.count, 5)
    }
}

final class DetectionConfigTests: XCTestCase {
    func testDetectionSectionAndSourceKeys() throws {
        let yaml = """
        detection:
          group_window: 48h
          categories:
            regulation:
              terms: [白皮书, {term: white paper, weight: 0.6, group: instrument}]
              negative: [quiz]
              regex: ["第[一二三四五六七八九十]+批"]
              threshold: 1.2
            labour: {terms: [罢工]}
          watchlists:
            ngos:
              - {name: China Labour Bulletin, aliases: [中国劳工通讯, CLB]}
              - 某某基金会
        sources:
          - {id: moj, url: "https://example.org/a.xml", category: regulation, alert_on: categorized}
          - id: cfm
            type: page
            url: https://example.org/p
            ignore_patterns: ["Visitors: \\\\d+"]
            min_change: 20
            only: added
            noise: off
        """
        let c = try ConfigLoader.parse(yaml: yaml, file: "feeds.yml")
        XCTAssertEqual(c.problems, [])
        let d = c.configuration.detection
        XCTAssertEqual(d.groupWindow, 48 * 3600)
        XCTAssertEqual(d.categories.map(\.name), ["regulation", "labour"])
        XCTAssertEqual(d.categories[0].terms, [TermSpec("白皮书"), TermSpec("white paper", 0.6, group: "instrument")])
        XCTAssertEqual(d.categories[0].threshold, 1.2)
        XCTAssertEqual(d.watchlists.first?.entries.map(\.name), ["China Labour Bulletin", "某某基金会"])
        let moj = c.configuration.sources[0], cfm = c.configuration.sources[1]
        XCTAssertEqual(moj.categoryHints, ["regulation"])
        XCTAssertEqual(moj.alertOn, .categorized)
        XCTAssertEqual(cfm.ignorePatterns, ["Visitors: \\d+"])
        XCTAssertEqual(cfm.minChange, 20)
        XCTAssertTrue(cfm.onlyAdded)
        XCTAssertFalse(cfm.builtInNoise)
    }

    func testDetectionErrorsCarryFileLineColumn() {
        let yaml = """
        detection:
          categories:
            regulation:
              regex: ["([unclosed"]
        sources:
          - {id: a, url: "https://example.org/a.xml"}
        """
        XCTAssertThrowsError(try ConfigLoader.parse(yaml: yaml, file: "feeds.yml")) { error in
            XCTAssertTrue("\(error)".hasPrefix("feeds.yml:4:"), "\(error)")
            XCTAssertTrue("\(error)".contains("regular expression"), "\(error)")
        }
        let bad = "sources:\n  - {id: a, url: \"https://example.org/a.xml\", only: added}\n"
        let loaded = try? ConfigLoader.parse(yaml: bad, file: "feeds.yml")
        XCTAssertEqual(loaded?.problems.first?.line, 2, "page-only keys are refused on feeds")
    }
}
