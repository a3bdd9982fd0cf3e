import Alerts
import Crypto
import Foundation
import Model
import TestSupport
import XCTest

/// Each webhook format POSTed to a real loopback receiver, checked the way the service would read it.
final class WebhookFormatTests: XCTestCase {
    var fixture: SinksFixture!

    override func setUpWithError() throws { fixture = try SinksFixture() }
    override func tearDown() { fixture = nil }

    func sink(_ format: WebhookSink.Format, hook: String, configure: (inout WebhookSink) -> Void = { _ in },
              environment: [String: String] = [:]) throws -> WebhookDelivery {
        var spec = WebhookSink(name: "webhook:\(hook)", url: fixture.server.hookURL(hook), format: format, timeout: 5)
        configure(&spec)
        return try WebhookDelivery(spec: spec, environment: environment)
    }

    func json(_ post: ReceivedPost) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(post.body.utf8)) as? [String: Any])
    }

    func testSlackEscapesMentionsAndLinksFromSources() throws {
        let s = try sink(.slack, hook: "slack")
        let hostile = sampleAlert(1, title: "<!channel> arrested & <https://evil.example|click>", summary: "<@U123> see <https://evil|here>")
        let result = s.deliver([hostile, sampleAlert(2)], idempotencyKey: "k1")
        XCTAssertEqual(result, .accepted("HTTP 200 ok"))
        let post = try XCTUnwrap(fixture.server.posts("slack").first)
        XCTAssertEqual(post.header("X-CivicWatch-Delivery"), "k1")
        XCTAssertTrue(post.header("Content-Type")?.hasPrefix("application/json") ?? false)
        let body = try json(post)
        let blocks = try XCTUnwrap(body["blocks"] as? [[String: Any]])
        XCTAssertEqual(blocks.count, 2)
        let text = try XCTUnwrap((blocks[0]["text"] as? [String: Any])?["text"] as? String)
        XCTAssertTrue(text.contains("&lt;!channel&gt; arrested &amp; &lt;https://evil.example|click&gt;"), text)
        XCTAssertTrue(text.contains("&lt;@U123&gt;"), text)
        XCTAssertFalse(text.contains("<!channel>"))
        XCTAssertFalse(text.contains("<https://evil"))
        // The only real link is the item's own.
        XCTAssertTrue(text.contains("<https://example.org/items/1|"), text)
        XCTAssertTrue(text.contains("Source &amp; Co &lt;b&gt;"), text)
    }

    func testSlackCutsLongTextWithALinkInsteadOfFailing() throws {
        let s = try sink(.slack, hook: "slack")
        let long = String(repeating: "长文本 & <tag> ", count: 2000)
        XCTAssertTrue(s.deliver([sampleAlert(1, summary: long)], idempotencyKey: "k").isAccepted)
        let body = try json(try XCTUnwrap(fixture.server.posts("slack").first))
        let text = try XCTUnwrap(((body["blocks"] as? [[String: Any]])?[0]["text"] as? [String: Any])?["text"] as? String)
        XCTAssertLessThanOrEqual(text.count, 3000)
        XCTAssertTrue(text.hasSuffix("… <https://example.org/items/1|more…>"), String(text.suffix(80)))
        XCTAssertNil(text.range(of: "&[a-z]{0,3}…", options: .regularExpression), "no half-cut entity")
        XCTAssertEqual(s.maxBatch, 20)
    }

    func testDiscordStaysWithinItsLimitsAndDisablesMentions() throws {
        let s = try sink(.discord, hook: "discord")
        let alerts = (1...10).map { sampleAlert($0, title: "@everyone " + String(repeating: "标题", count: 200),
                                                summary: String(repeating: "**bold** [x](https://evil) ", count: 400)) }
        XCTAssertTrue(s.deliver(alerts, idempotencyKey: "k").isAccepted)
        let body = try json(try XCTUnwrap(fixture.server.posts("discord").first))
        let embeds = try XCTUnwrap(body["embeds"] as? [[String: Any]])
        XCTAssertEqual(embeds.count, 10)
        var total = 0
        for e in embeds {
            let title = try XCTUnwrap(e["title"] as? String), description = try XCTUnwrap(e["description"] as? String)
            XCTAssertLessThanOrEqual(title.count, 256)
            XCTAssertLessThanOrEqual(description.count, 4096)
            XCTAssertFalse(description.contains("[x](https://evil)"), "markdown links from sources are escaped")
            total += title.count + description.count + ((e["footer"] as? [String: Any])?["text"] as? String ?? "").count
            XCTAssertEqual(e["url"] as? String, "https://example.org/items/\(embeds.firstIndex { ($0["url"] as? String) == e["url"] as? String }! + 1)")
        }
        XCTAssertLessThanOrEqual(total, 6000)
        XCTAssertEqual((body["allowed_mentions"] as? [String: Any])?["parse"] as? [String], [])
        XCTAssertEqual(s.maxBatch, 10)
    }

    func testTeamsSendsAnAdaptiveCardInAMessage() throws {
        let s = try sink(.teams, hook: "teams")
        XCTAssertTrue(s.deliver([sampleAlert(1, categories: ["crackdown"])], idempotencyKey: "k").isAccepted)
        let body = try json(try XCTUnwrap(fixture.server.posts("teams").first))
        XCTAssertEqual(body["type"] as? String, "message")
        let attachment = try XCTUnwrap((body["attachments"] as? [[String: Any]])?.first)
        XCTAssertEqual(attachment["contentType"] as? String, "application/vnd.microsoft.card.adaptive")
        let card = try XCTUnwrap(attachment["content"] as? [String: Any])
        XCTAssertEqual(card["type"] as? String, "AdaptiveCard")
        let text = String(decoding: try JSONSerialization.data(withJSONObject: card), as: UTF8.self)
        XCTAssertTrue(text.contains("crackdown"), text)
        XCTAssertTrue(text.contains("(https:\\/\\/example.org\\/items\\/1)") || text.contains("(https://example.org/items/1)"), text)
    }

    func testJSONIsSignedWithHMACAndCarriesTheDeliveryKey() throws {
        let s = try sink(.json, hook: "json", configure: { $0.secret = .environment("CW_SECRET") }, environment: ["CW_SECRET": "s3cret"])
        let alerts = [sampleAlert(1, title: "社会组织登记管理条例"), sampleAlert(2)]
        XCTAssertTrue(s.deliver(alerts, idempotencyKey: "abc123").isAccepted)
        let post = try XCTUnwrap(fixture.server.posts("json").first)
        XCTAssertEqual(post.header("X-CivicWatch-Delivery"), "abc123")
        // What a receiver does (docs/alerts.md): HMAC-SHA256 of the raw body with the shared secret.
        let mac = HMAC<SHA256>.authenticationCode(for: Data(post.body.utf8), using: SymmetricKey(data: Data("s3cret".utf8)))
        XCTAssertEqual(post.header("X-CivicWatch-Signature"), "sha256=" + mac.map { String(format: "%02x", $0) }.joined())
        let body = try json(post)
        XCTAssertEqual(body["count"] as? Int, 2)
        XCTAssertEqual(body["delivery"] as? String, "abc123")
        XCTAssertEqual(body["sink"] as? String, "webhook:json")
        let first = try XCTUnwrap((body["alerts"] as? [[String: Any]])?.first)
        XCTAssertEqual(first["title"] as? String, "社会组织登记管理条例")
        XCTAssertEqual(first["id"] as? String, "alert-1")
        XCTAssertThrowsError(try self.sink(.json, hook: "json", configure: { $0.secret = .environment("CW_SECRET") }, environment: [:]),
                             "a configured secret that is missing stops the sink instead of sending unsigned")
    }

    func testTemplateEscapesForJSONBodies() throws {
        let s = try sink(.template, hook: "ntfy", configure: {
            $0.templateBody = #"{"topic":"cw","title":"{{title}}","message":"{{count}} alert(s): {{#alerts}}{{source}}: {{title}}; {{/alerts}}"}"#
            $0.templateHeaders = ["Title": "{{head}} {{title}}", "Priority": "high"]
            $0.contentType = "application/json"
        })
        let tricky = sampleAlert(1, title: "quote \" backslash \\ newline\nend")
        XCTAssertTrue(s.deliver([tricky], idempotencyKey: "k").isAccepted)
        let post = try XCTUnwrap(fixture.server.posts("ntfy").first)
        let body = try json(post)
        XCTAssertEqual(body["title"] as? String, "quote \" backslash \\ newline\nend")
        XCTAssertEqual(post.header("Priority"), "high")
        XCTAssertEqual(post.header("Title"), "NEW quote \" backslash \\ newline end", "no line break reaches a header")
        XCTAssertThrowsError(try self.sink(.template, hook: "x", configure: { $0.templateBody = "{{#alerts}}" }))
    }

    func testRefusalsTimeoutsAndRetryAfterAreReported() throws {
        let s = try sink(.json, hook: "flaky", configure: { $0.timeout = 1 })
        try fixture.server.setHook("flaky", refuse: 1, status: 429, retryAfter: "120")
        guard case let .refused(reason, retryAfter) = s.deliver([sampleAlert(1)], idempotencyKey: "k") else { return XCTFail() }
        XCTAssertEqual(retryAfter, 120)
        XCTAssertTrue(reason.contains("HTTP 429"), reason)
        XCTAssertFalse(reason.contains("/__hook/flaky"), "webhook URLs are secrets: only scheme, host and port are shown")
        try fixture.server.setHook("flaky", hang: 1, hangSeconds: 5)
        let t0 = Date()
        guard case let .refused(timeout, _) = s.deliver([sampleAlert(1)], idempotencyKey: "k") else { return XCTFail() }
        XCTAssertLessThan(Date().timeIntervalSince(t0), 4)
        XCTAssertTrue(timeout.lowercased().contains("timeout") || timeout.lowercased().contains("timed out"), timeout)
        XCTAssertTrue(s.deliver([sampleAlert(1)], idempotencyKey: "k").isAccepted)
    }

    func testTLSCertificatesAreVerified() throws {
        let tls = try TestHTTPServer(root: fixture.web, tls: true)
        defer { tls.stop() }
        let s = try WebhookDelivery(spec: WebhookSink(name: "webhook:tls", url: tls.hookURL("tls"), format: .json, timeout: 5), environment: [:])
        guard case let .refused(reason, _) = s.deliver([sampleAlert(1)], idempotencyKey: "k") else {
            return XCTFail("a self-signed certificate was accepted")
        }
        XCTAssertTrue(reason.lowercased().contains("certificate") || reason.contains("SSL"), reason)
    }

    func testOnlyHTTPWebhooksAndNoRedirects() throws {
        XCTAssertThrowsError(try WebhookDelivery(spec: WebhookSink(name: "webhook:x", url: "file:///etc/passwd", format: .json), environment: [:]))
        let s = try WebhookDelivery(spec: WebhookSink(name: "webhook:r", url: fixture.base + "/__redirect?code=307&to=/__hook/r", format: .json),
                                    environment: [:])
        guard case let .refused(reason, _) = s.deliver([sampleAlert(1)], idempotencyKey: "k") else { return XCTFail() }
        XCTAssertTrue(reason.contains("redirect"), reason)
        XCTAssertTrue(try fixture.server.posts("r").isEmpty)
    }
}
