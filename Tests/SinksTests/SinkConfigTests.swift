import Config
import Foundation
import Model
import XCTest

/// feeds.yml sinks and routing: what a user writes, and where an error points.
final class SinkConfigTests: XCTestCase {
    func load(_ yaml: String) throws -> LoadedConfiguration {
        try ConfigLoader.parse(yaml: yaml, file: "feeds.yml")
    }

    let full = """
    sources:
      - {id: mps, url: "https://example.org/a.xml", tags: [china, police]}
      - {id: npc, url: "https://example.org/b.xml", tags: [china, law], sinks: [weekly]}
      - {id: hrw, url: "https://example.org/c.xml", tags: [ngo]}
    alerts:
      - stdout: {format: json, health: false}
      - email:
          name: weekly
          url: smtps://mail.example.org:465
          username: civicwatch
          password_env: CW_SMTP_PASSWORD
          from: CivicWatch <cw@example.org>
          to: [a@example.org, b@example.org]
          mode: digest
          subject_prefix: "[CW]"
      - webhook:
          name: slack-crackdown
          url_env: SLACK_URL
          format: slack
          tags: [police, ngo]
          categories: [crackdown]
          max_attempts: 5
          backoff: 30s
          backoff_max: 1h
      - webhook:
          name: ntfy
          url: https://ntfy.example.org/cw
          format: template
          kinds: [new]
          template: {body: "{{title}}", headers: {Title: "{{source_title}}"}, content_type: text/plain}
    """

    func testEverySinkKindIsRead() throws {
        let loaded = try load(full)
        XCTAssertEqual(loaded.problems.map(\.description), [])
        let sinks = loaded.configuration.sinks
        XCTAssertEqual(sinks.map(\.name), ["stdout", "email:weekly", "webhook:slack-crackdown", "webhook:ntfy"])
        guard case let .email(mail) = sinks[1], case let .webhook(slack) = sinks[2], case let .webhook(ntfy) = sinks[3] else {
            return XCTFail()
        }
        XCTAssertEqual(mail.url, "smtps://mail.example.org:465")
        XCTAssertTrue(mail.requireTLS)
        XCTAssertEqual(mail.password, .environment("CW_SMTP_PASSWORD"))
        XCTAssertEqual(mail.to, ["a@example.org", "b@example.org"])
        XCTAssertEqual(mail.subjectPrefix, "[CW]")
        XCTAssertEqual(mail.retry, RetryPolicy())
        XCTAssertEqual(slack.urlSecret, .environment("SLACK_URL"))
        XCTAssertEqual(slack.routing.categories, ["crackdown"])
        XCTAssertEqual(slack.retry, RetryPolicy(maxAttempts: 5, backoffBase: 30, backoffMax: 3600))
        XCTAssertEqual(ntfy.mode, .each)
        XCTAssertEqual(ntfy.templateHeaders, ["Title": "{{source_title}}"])
        XCTAssertEqual(loaded.configuration.sources[1].sinks, ["weekly"])
    }

    func testRoutingBySourceTagCategoryAndHealth() throws {
        let c = try load(full).configuration
        let mps = c.sources[0], npc = c.sources[1], hrw = c.sources[2]
        func route(_ source: SourceSpec, kind: AlertKind = .new, categories: [String] = []) -> [String] {
            let a = Alert(id: "x", source: source.id, sourceTitle: source.title, kind: kind, title: "t", tags: source.tags,
                          categories: categories.map { CategoryScore(name: $0, score: 1) })
            return SinkRoutes.sinks(for: a, source: source, among: c.sinks)
        }
        XCTAssertEqual(route(mps), ["stdout", "email:weekly", "webhook:ntfy"], "slack wants crackdowns only")
        XCTAssertEqual(route(mps, categories: ["crackdown"]), ["stdout", "email:weekly", "webhook:slack-crackdown", "webhook:ntfy"])
        XCTAssertEqual(route(npc, categories: ["crackdown"]), ["email:weekly"], "a source naming its sinks sends only there")
        XCTAssertEqual(route(hrw, kind: .changed, categories: ["crackdown"]), ["stdout", "email:weekly", "webhook:slack-crackdown"])
        XCTAssertEqual(route(hrw, kind: .sourceError), ["email:weekly", "webhook:slack-crackdown"],
                       "health alerts skip category filters; stdout turned them off, ntfy wants `new` only")
    }

    func testMistakesPointAtTheLine() throws {
        let yaml = """
        sources:
          - {id: a, url: "https://example.org/a.xml", sinks: [nowhere]}
        alerts:
          - email: {url: "smtp://user:pw@mail.example.org", from: a@example.org, to: b@example.org}
          - webhook: {url: "https://x.example/hook", format: slak}
          - webhook: {url: "ftp://x.example/hook", format: json}
          - email: {url: "smtp://mail.example.org", from: "not an address", to: b@example.org}
          - webhook: {url: "https://x.example/hook", format: json, secret_env: S, mode: sometimes}
          - webhook: {url: "https://x.example/hook", format: template}
          - stdout: {}
          - stdout: {format: json}
        """
        let problems = try load(yaml).problems.map(\.description)
        let expected = [
            "feeds.yml:4:", "without credentials",
            "feeds.yml:5:", "`slak` is not one of slack, discord, teams, json, template",
            "feeds.yml:6:", "http:// or https://",
            "feeds.yml:7:", "is not an email address",
            "feeds.yml:8:", "`sometimes` is not one of digest, each",
            "feeds.yml:9:", "needs `template: {body: …}`",
            "feeds.yml:11:", "two sinks are named `stdout`",
            "sources[a].sinks", "no alert sink is named `nowhere`",
        ]
        let all = problems.joined(separator: "\n")
        for e in expected { XCTAssertTrue(all.contains(e), "missing \(e) in:\n\(all)") }
        XCTAssertFalse(all.contains("pw@"), "a password written in a URL is not repeated")
    }

    func testBackoffDoublesUpToItsCap() {
        let p = RetryPolicy(maxAttempts: 10, backoffBase: 60, backoffMax: 600)
        XCTAssertEqual((1...6).map { p.delay(afterAttempts: $0) }, [60, 120, 240, 480, 600, 600])
    }
}
