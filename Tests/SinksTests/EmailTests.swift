import Alerts
import Foundation
import Model
import TestSupport
import XCTest

/// Email through libcurl's SMTP to a real aiosmtpd on loopback.
final class EmailTests: XCTestCase {
    var smtp: TestSMTPServer!
    var folder: URL!

    override func setUpWithError() throws {
        folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("cw-smtp-\(UUID().uuidString)")
        smtp = try TestSMTPServer(folder: folder)
    }

    override func tearDown() {
        smtp?.stop()
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    func sink(_ configure: (inout EmailSink) -> Void = { _ in }) throws -> EmailDelivery {
        var spec = EmailSink(name: "email:team", url: smtp.url, requireTLS: false, from: "监察 Watch <cw@example.org>",
                             to: ["team@example.org", "Ops <ops@example.org>"], timeout: 10)
        configure(&spec)
        return try EmailDelivery(spec: spec, environment: [:])
    }

    func testDigestHasHeadersBothPartsAndEscapedHTML() throws {
        let alerts = [
            sampleAlert(1, title: "<script>alert(1)</script> 拘留 & arrests", summary: "<img src=x onerror=alert(1)>", categories: ["crackdown"]),
            sampleAlert(2, title: "社会组织登记管理条例（征求意见稿）", categories: ["law"]),
            sampleAlert(3, kind: .changed, categories: ["crackdown"]),
        ]
        let result = try sink().deliver(alerts, idempotencyKey: "0123abcd")
        guard case let .accepted(reply) = result else { return XCTFail("\(result)") }
        XCTAssertTrue(reply.hasPrefix("SMTP 250"), reply)

        let mail = try XCTUnwrap(try smtp.messages().first)
        XCTAssertEqual(mail.mail_from, "cw@example.org")
        XCTAssertEqual(mail.rcpt_tos, ["team@example.org", "ops@example.org"])
        XCTAssertEqual(mail.header("Subject"), "[CivicWatch] 3 alerts: crackdown, law")
        XCTAssertEqual(mail.header("From"), "监察 Watch <cw@example.org>")
        XCTAssertTrue(mail.rawHeader("From")?.hasPrefix("=?UTF-8?B?") ?? false, "UTF-8 headers are RFC 2047 encoded")
        XCTAssertEqual(mail.header("Message-ID"), "<0123abcd@example.org>")
        let date = try XCTUnwrap(mail.header("Date"))
        XCTAssertNotNil(date.range(of: #"^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$"#, options: .regularExpression), date)
        XCTAssertEqual(mail.structure.prefix(4).suffix(3), ["multipart/alternative", "text/plain", "text/html"])

        let plain = try XCTUnwrap(mail.plain), html = try XCTUnwrap(mail.html)
        XCTAssertTrue(plain.contains("<script>alert(1)</script> 拘留 & arrests"), "plain text shows the title as it is")
        XCTAssertTrue(plain.contains("社会组织登记管理条例（征求意见稿）"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; 拘留 &amp; arrests"), html)
        XCTAssertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), html)
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertFalse(html.contains("<img"))
        XCTAssertTrue(html.contains("Source &amp; Co &lt;b&gt;"))
        XCTAssertTrue(html.contains("<a href=\"https://example.org/items/2\">"))
    }

    func testSingleAlertSubjectNamesItAndNonASCIISubjectIsEncoded() throws {
        XCTAssertTrue(try sink().deliver([sampleAlert(1, title: "拘留 \r\nBcc: victim@example.org")], idempotencyKey: "k").isAccepted)
        let mail = try XCTUnwrap(try smtp.messages().first)
        XCTAssertEqual(mail.header("Subject"), "[CivicWatch] 1 alert: new — 拘留   Bcc: victim@example.org")
        XCTAssertNil(mail.header("Bcc"), "a title cannot add a header")
        XCTAssertEqual(mail.rcpt_tos.count, 2)
    }

    func testLongUTF8SubjectIsSplitIntoShortEncodedWords() throws {
        let title = String(repeating: "关于印发《社会组织登记管理条例》的通知", count: 10)
        XCTAssertTrue(try sink().deliver([sampleAlert(1, title: title)], idempotencyKey: "k").isAccepted)
        let mail = try XCTUnwrap(try smtp.messages().first)
        let raw = try XCTUnwrap(mail.rawHeader("Subject"))
        let words = raw.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" })
        XCTAssertGreaterThan(words.count, 3)
        XCTAssertTrue(words.allSatisfy { $0.hasPrefix("=?UTF-8?B?") && $0.hasSuffix("?=") && $0.count <= 75 }, raw)
        let decoded = try XCTUnwrap(mail.header("Subject"))
        XCTAssertTrue(decoded.hasPrefix("[CivicWatch] 1 alert: new — 关于印发"), decoded)
        XCTAssertTrue(decoded.hasSuffix("…"), "a subject is cut at 180 characters: \(decoded)")
    }

    func testRefusalIsReportedAndStartTLSIsRequiredByDefault() throws {
        try smtp.refuse(1)
        guard case let .refused(reason, _) = try sink().deliver([sampleAlert(1)], idempotencyKey: "k") else { return XCTFail() }
        XCTAssertTrue(reason.contains("451") || reason.lowercased().contains("refus") || reason.contains("DATA"), reason)
        XCTAssertTrue(try sink().deliver([sampleAlert(1)], idempotencyKey: "k").isAccepted)
        // aiosmtpd offers no STARTTLS here: with the default, nothing is sent in clear text.
        guard case let .refused(tls, _) = try sink({ $0.requireTLS = true }).deliver([sampleAlert(2)], idempotencyKey: "k2") else {
            return XCTFail("sent without TLS")
        }
        XCTAssertFalse(tls.isEmpty)
        XCTAssertEqual(try smtp.messages().count, 1)
    }

    func testAuthWithPasswordFromAFileOrTheEnvironment() throws {
        let authFolder = folder.appendingPathComponent("auth")
        let server = try TestSMTPServer(folder: authFolder, auth: ("civicwatch", "pa:ss wörd"))
        defer { server.stop() }
        let file = folder.appendingPathComponent("smtp-password")
        try "pa:ss wörd\n".write(to: file, atomically: true, encoding: .utf8)
        func spec(_ password: SecretSource?) -> EmailSink {
            EmailSink(name: "email:auth", url: server.url, requireTLS: false, username: "civicwatch", password: password,
                      from: "cw@example.org", to: ["team@example.org"], timeout: 3)
        }
        let fromFile = try EmailDelivery(spec: spec(.file(file.path)), environment: [:])
        XCTAssertTrue(fromFile.deliver([sampleAlert(1)], idempotencyKey: "a").isAccepted)
        let fromEnv = try EmailDelivery(spec: spec(.environment("CW_PW")), environment: ["CW_PW": "pa:ss wörd"])
        XCTAssertTrue(fromEnv.deliver([sampleAlert(2)], idempotencyKey: "b").isAccepted)
        // aiosmtpd answers a wrong password slowly: the sink's timeout ends it (3 s here).
        let wrong = try EmailDelivery(spec: spec(.environment("CW_PW")), environment: ["CW_PW": "guess"])
        guard case let .refused(reason, _) = wrong.deliver([sampleAlert(3)], idempotencyKey: "c") else { return XCTFail() }
        XCTAssertFalse(reason.contains("guess"), "the password never appears in an error: \(reason)")
        let anonymous = try EmailDelivery(spec: spec(nil), environment: [:])
        XCTAssertFalse(anonymous.deliver([sampleAlert(4)], idempotencyKey: "d").isAccepted)
        XCTAssertEqual(try server.messages().count, 2)
    }

    func testMissingPasswordStopsTheSinkWithoutShowingSecrets() {
        var spec = EmailSink(name: "email:team", url: "smtp://127.0.0.1:1", from: "a@example.org", to: ["b@example.org"])
        spec.username = "u"
        spec.password = .environment("CW_SMTP_PASSWORD")
        XCTAssertThrowsError(try EmailDelivery(spec: spec, environment: [:])) { error in
            XCTAssertTrue("\(error)".contains("CW_SMTP_PASSWORD"), "\(error)")
        }
        XCTAssertNoThrow(try EmailDelivery(spec: spec, environment: ["CW_SMTP_PASSWORD": "pw"]))
    }
}
