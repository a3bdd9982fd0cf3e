import Foundation
import TestSupport
import XCTest

/// A folder served on 127.0.0.1 plus a state folder and a feeds.yml pointing at it.
final class WebFixture: LoopbackWeb {
    init() throws { try super.init(label: "e2e") }

    func run(_ extra: [String] = []) throws -> CLIRunner.Output {
        try CLIRunner.run(args(["run", "--json", "--force"] + extra))
    }
}

func rss(_ items: [(guid: String, title: String)]) -> String {
    let body = items.map {
        "<item><guid>\($0.guid)</guid><title>\($0.title)</title><link>http://example.org/\($0.guid)</link>" +
            "<pubDate>Thu, 05 Mar 2026 08:00:00 GMT</pubDate><description>About \($0.title)</description></item>"
    }.joined()
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>T</title>\(body)</channel></rss>"
}
