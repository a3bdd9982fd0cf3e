import Foundation
import TestSupport
import XCTest

/// Secrets given through the environment or files (SMTP password, webhook signing secret, a webhook
/// URL that is itself a token, credentials in a source or proxy URL) never show up in what a pass
/// prints, logs, stores or sends in an alert, even when everything fails.
final class SecretsTests: XCTestCase {
    func testSecretsNeverAppearInOutputStateOrOutbox() throws {
        let f = try HostileFixture()
        let smtp = try TestSMTPServer(folder: f.root.appendingPathComponent("mail"))
        defer { smtp.stop() }
        let secrets = [
            "smtp": "Smtp-Pa55-7f3e9a",
            "hmac": "Hmac-Secret-c41d2b",
            "hookpath": "HookToken-9b8e7d",
            "urlpass": "UrlPass-5a6b7c",
            "proxypass": "ProxyPass-1f2e3d",
        ]
        let secretFile = f.root.appendingPathComponent("hmac.secret")
        try Data((secrets["hmac"]! + "\n").utf8).write(to: secretFile)
        try f.writeFeed("feed.xml", items: [("s1", "A story", "text")])
        try f.configure("""
        defaults: {timeout: 3s, connect_timeout: 1s}
        sources:
          - {id: good, url: "BASE/feed.xml"}
          - {id: withpass, url: "http://reader:\(secrets["urlpass"]!)@127.0.0.1:\(f.server.port)/__fault/500"}
          - {id: page, type: page, url: "http://reader:\(secrets["urlpass"]!)@127.0.0.1:\(f.server.port)/feed.xml", content: "//channel"}
          - {id: viaproxy, url: "http://example.invalid/x", proxy: "http://user:\(secrets["proxypass"]!)@127.0.0.1:1"}
        alerts:
          - email: {name: mail, url: "\(smtp.url)", starttls: false, from: cw@example.org, to: team@example.org, username: cw, password_env: CW_TEST_SMTP_PASSWORD, backoff: 0s}
          - webhook: {name: signed, url: "BASE/__hook/signed", format: json, secret_file: "\(secretFile.path)", backoff: 0s}
          - webhook: {name: tokenurl, url_env: CW_TEST_HOOK_URL, format: slack, backoff: 0s}

        """)
        let env = ["CW_TEST_SMTP_PASSWORD": secrets["smtp"]!,
                   "CW_TEST_HOOK_URL": f.server.hookURL("tok-\(secrets["hookpath"]!)")]
        // First pass: the token URL refuses, so its error is logged and stored in the outbox.
        try f.server.setHook("tok-\(secrets["hookpath"]!)", refuse: 1, status: 500)
        var outputs: [String] = []
        for extra in [["--alert-on-baseline"], ["--alert-on-baseline", "--verbose"]] {
            let run = try f.pass(extra, environment: env)
            XCTAssertNil(run.signal)
            outputs += [run.stdout, run.stderr]
            try f.writeFeed("feed.xml", items: [("s1", "A story", "text"), ("s2", "Another", "text")])
        }
        for cmd in [["status"], ["status", "--json"], ["outbox"], ["list"], ["history", "withpass"], ["history", "page"], ["check"]] {
            let out = try f.cli(cmd, environment: env)
            outputs += [out.stdout, out.stderr]
        }
        let state = try f.stateBytes()
        let mails = try smtp.messages().map(\.raw)
        let posts = try f.server.posts().map { $0.body + $0.headers.values.joined(separator: "\n") }
        XCTAssertFalse(posts.isEmpty, "the sinks were reached")
        for (name, secret) in secrets {
            for (i, text) in outputs.enumerated() {
                XCTAssertFalse(text.contains(secret), "\(name) secret printed (output \(i)): \(text.prefix(800))")
            }
            XCTAssertNil(state.range(of: Data(secret.utf8)), "\(name) secret stored in the state folder")
            for mail in mails { XCTAssertFalse(mail.contains(secret), "\(name) secret inside an email") }
            // The token URL is where the posts go, so only the bodies are checked for it.
            for post in posts { XCTAssertFalse(post.contains(secret), "\(name) secret inside a webhook payload") }
        }
    }
}
