import Foundation
import TestSupport
import XCTest

/// Hostile titles and summaries from a feed, through one real pass, into every sink: what each
/// receiver gets must show the text as text (no markup, mentions, links, headers, template code,
/// terminal escapes or bidi overrides of the source's making).
final class InjectionTests: XCTestCase {
    /// One pass shared by the per-sink tests (a pass with an SMTP server takes a few seconds).
    struct Shared {
        let fixture: HostileFixture
        let smtp: TestSMTPServer
        let run: ChildRun
        let textRun: ChildRun
    }
    nonisolated(unsafe) static var shared: Shared?
    static let lock = NSLock()

    static let hostileTitle = "<script>alert(1)</script><img src=x onerror=alert(2)> **bold** _it_ [click](http://evil.example/) " +
        "<!channel> <@U123> @everyone @here <https://evil.example|login> {{#alerts}}{{{title}}}{{/alerts}} {{secret}} " +
        "\r\nBcc: victim@example.org\r\nX-Injected: yes \u{1B}[2J\u{1B}]0;pwned\u{07} \u{202E}gnp.exe \u{2066}x\u{2069}"
    static let hostileSummary = "Summary <b>bold</b> & ` ``` `code` > quote\n# heading\n" + String(repeating: "长", count: 100_000)

    func shared() throws -> Shared {
        Self.lock.lock(); defer { Self.lock.unlock() }
        if let s = Self.shared { return s }
        let f = try HostileFixture()
        let smtp = try TestSMTPServer(folder: f.root.appendingPathComponent("mail"))
        // CR and LF as character references survive XML's line-end normalisation.
        let title = HostileFixture.xml(Self.hostileTitle).replacingOccurrences(of: "\r", with: "&#13;").replacingOccurrences(of: "\n", with: "&#10;")
            .replacingOccurrences(of: "\u{1B}", with: "&#x1B;").replacingOccurrences(of: "\u{07}", with: "&#7;")
        let xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>T</title>" +
            "<item><guid>h1</guid><title>\(title)</title><link>http://example.org/h1</link>" +
            "<description>\(HostileFixture.xml(Self.hostileSummary))</description></item></channel></rss>"
        try f.write("feed.xml", xml)
        try f.configure("""
        sources:
          - {id: hostile, title: "Hostile {{source}} <b>", url: "BASE/feed.xml"}
        alerts:
          - email: {name: mail, url: "\(smtp.url)", starttls: false, from: cw@example.org, to: team@example.org, backoff: 0s}
          - webhook: {name: slack, url: "BASE/__hook/slack", format: slack, backoff: 0s}
          - webhook: {name: discord, url: "BASE/__hook/discord", format: discord, backoff: 0s}
          - webhook: {name: teams, url: "BASE/__hook/teams", format: teams, backoff: 0s}
          - webhook: {name: json, url: "BASE/__hook/json", format: json, backoff: 0s}
          - webhook:
              name: tmpl
              format: template
              url: "BASE/__hook/tmpl"
              backoff: 0s
              template:
                content_type: application/json
                headers: {Title: "{{title}}"}
                body: '{"text":"{{#alerts}}{{title}} / {{summary}}{{/alerts}}"}'

        """)
        let run = try f.pass(["--alert-on-baseline"])
        // The same alert again on stdout as text (a fresh state so it is new again).
        let textConfig = f.root.appendingPathComponent("text.yml")
        try "sources:\n  - {id: hostile, url: \"\(f.base)/feed.xml\"}\nalerts:\n  - stdout: {format: text}\n"
            .write(to: textConfig, atomically: true, encoding: .utf8)
        let textRun = try ChildRun.run(["run", "--force", "--alert-on-baseline", "--config", textConfig.path,
                                        "--state", f.root.appendingPathComponent("state2").path],
                                       folder: f.root)
        let s = Shared(fixture: f, smtp: smtp, run: run, textRun: textRun)
        Self.shared = s
        return s
    }

    override class func tearDown() {
        shared?.smtp.stop()
        shared = nil
    }

    func post(_ hook: String) throws -> (ReceivedPost, [String: Any]) {
        let s = try shared()
        let post = try XCTUnwrap(try s.fixture.server.posts(hook).first, "\(hook) got nothing: \(s.run.stderr.suffix(1500))")
        let body = try JSONSerialization.jsonObject(with: Data(post.body.utf8)) as? [String: Any] ?? [:]
        return (post, body)
    }

    /// Every string inside a decoded JSON value, one a line.
    func strings(_ v: Any) -> String {
        if let s = v as? String { return s }
        if let a = v as? [Any] { return a.map(strings).joined(separator: "\n") }
        if let d = v as? [String: Any] { return d.keys.sorted().map { strings(d[$0]!) }.joined(separator: "\n") }
        return ""
    }

    /// The strings under the given keys anywhere in a JSON value (the fields a client renders).
    func markdownFields(_ v: Any, keys: Set<String>) -> String {
        if let a = v as? [Any] { return a.map { markdownFields($0, keys: keys) }.joined(separator: "\n") }
        if let d = v as? [String: Any] {
            return d.map { k, x in keys.contains(k) && x is String ? x as! String : markdownFields(x, keys: keys) }.joined(separator: "\n")
        }
        return ""
    }

    /// What no sink may pass on raw: terminal escapes, bell, bidi overrides and isolates.
    func assertNoControls(_ text: String, _ sink: String, file: StaticString = #filePath, line: UInt = #line) {
        for bad in ["\u{1B}", "\u{07}", "\u{202E}", "\u{2066}", "\u{2069}", "\r"] {
            XCTAssertFalse(text.contains(bad), "\(sink) passes U+\(String(bad.unicodeScalars.first!.value, radix: 16)) through", file: file, line: line)
        }
    }

    func testStdoutText() throws {
        let out = try shared().textRun.stdout
        XCTAssertTrue(out.contains("click"), "the alert is shown: \(out.prefix(500))")
        assertNoControls(out, "stdout text")
        XCTAssertFalse(out.split(separator: "\n").contains { $0.hasPrefix("Bcc:") || $0.hasPrefix("X-Injected") },
                       "a title cannot start a line of its own making")
        XCTAssertLessThan(out.utf8.count, 20_000, "a 100,000-character summary is cut")
    }

    func testStdoutJSON() throws {
        let lines = try shared().run.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, "one alert, one line")
        let obj = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        let title = try XCTUnwrap(obj["title"] as? String)
        XCTAssertTrue(title.contains("{{secret}}") && title.contains("[click]"), "JSON carries the text as data: \(title.prefix(300))")
        assertNoControls(String(lines[0]), "stdout json (raw line)")
    }

    func testEmail() throws {
        let s = try shared()
        let mail = try XCTUnwrap(try s.smtp.messages().first, "no mail: \(s.run.stderr.suffix(1500))")
        XCTAssertEqual(mail.rcpt_tos, ["team@example.org"], "no recipient of the title's making")
        XCTAssertNil(mail.header("Bcc"))
        XCTAssertNil(mail.header("X-Injected"))
        let subject = try XCTUnwrap(mail.header("Subject"))
        XCTAssertFalse(subject.contains("\n") || subject.contains("\r"), subject)
        let html = try XCTUnwrap(mail.html)
        XCTAssertFalse(html.contains("<script>") || html.contains("<img") || html.contains("<b>bold"), "HTML part escapes source text")
        XCTAssertTrue(html.contains("{{secret}}"), "the title is there, as text")
        assertNoControls(html, "email html")
        assertNoControls(try XCTUnwrap(mail.plain), "email plain")
        assertNoControls(subject, "email subject")
        XCTAssertLessThan(mail.raw.utf8.count, 200_000, "a 100,000-character summary is cut")
    }

    func testSlack() throws {
        let (_, body) = try post("slack")
        let text = strings(body)
        XCTAssertFalse(text.contains("<!channel>") || text.contains("<@U123>") || text.contains("<https://evil.example|"), text.prefix(600).description)
        XCTAssertTrue(text.contains("&lt;") || !text.contains("<"), "angle brackets of the source's making are escaped")
        assertNoControls(text, "slack")
        XCTAssertLessThan(String(data: try JSONSerialization.data(withJSONObject: body), encoding: .utf8)!.count, 50_000)
    }

    func testDiscord() throws {
        let (_, body) = try post("discord")
        let mentions = try XCTUnwrap(body["allowed_mentions"] as? [String: Any], "mentions must be switched off")
        XCTAssertEqual((mentions["parse"] as? [Any])?.count, 0)
        let text = strings(body)
        let rendered = markdownFields(body, keys: ["content", "description", "value"])
        XCTAssertFalse(rendered.contains("[click](http://evil.example/)"), "no Markdown link of the source's making: \(rendered.prefix(400))")
        XCTAssertFalse(rendered.contains("@everyone") || rendered.contains("@here"), "mentions broken")
        assertNoControls(text, "discord")
    }

    func testTeams() throws {
        let (_, body) = try post("teams")
        let text = strings(body)
        let rendered = markdownFields(body, keys: ["text"])
        XCTAssertFalse(rendered.contains("[click](http://evil.example/)"), "no Markdown link of the source's making: \(rendered.prefix(400))")
        XCTAssertFalse(rendered.contains("**bold**"), "no Markdown emphasis of the source's making")
        assertNoControls(text, "teams")
    }

    func testJSONWebhook() throws {
        let (_, body) = try post("json")
        let alerts = try XCTUnwrap(body["alerts"] as? [[String: Any]])
        let title = try XCTUnwrap(alerts.first?["title"] as? String)
        XCTAssertTrue(title.contains("{{secret}}") && title.contains("{{{title}}}"), "JSON carries text as data, untouched by templates")
        assertNoControls(strings(body), "json")
    }

    func testTemplate() throws {
        let (post, body) = try post("tmpl")
        let text = try XCTUnwrap(body["text"] as? String, "the body stays valid JSON: \(post.body.prefix(300))")
        XCTAssertTrue(text.contains("{{{title}}}") && text.contains("{{secret}}"), "template syntax in a title is text, never evaluated")
        let header = try XCTUnwrap(post.header("Title"))
        XCTAssertFalse(header.contains("\n") || header.contains("\r"))
        XCTAssertNil(post.header("X-Injected"))
        XCTAssertNil(post.header("Bcc"))
        assertNoControls(text + header, "template")
    }
}
