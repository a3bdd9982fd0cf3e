import Config
import Demo
import Foundation
import Logging
import Model
import Report
import Snapshots
import Watcher
import XCTest

final class ReportSinkTests: XCTestCase {
    var dir = ""

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "cw-report-sink-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: dir)
    }

    func load(_ yaml: String) throws -> LoadedConfiguration {
        let path = dir + "/feeds.yml"
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return try ConfigLoader.load(path: path)
    }

    func testReadsTheSinkAndReportsMistakesWithLineAndColumn() throws {
        let ok = try load("""
        sources:
          - {id: a, url: "https://example.org/a.xml"}
        alerts:
          - report: {dir: public, formats: [html, atom, md], since: 30d, timezone: Asia/Shanghai, feed_url: "https://example.org/alerts.atom", tags: [china]}
        """)
        XCTAssertEqual(ok.problems, [])
        guard case let .report(sink)? = ok.configuration.sinks.first else { return XCTFail("no report sink") }
        XCTAssertEqual(sink.dir, dir + "/public", "relative to feeds.yml")
        XCTAssertEqual(sink.formats, ["html", "atom", "md"])
        XCTAssertEqual(sink.since, 30 * 86400)
        XCTAssertEqual(sink.timeZone, "Asia/Shanghai")
        XCTAssertEqual(sink.routing.tags, ["china"])
        XCTAssertFalse(sink.routing.health, "source health stays out of a report")

        let bad = try load("""
        sources:
          - {id: a, url: "https://example.org/a.xml"}
        alerts:
          - report: {dir: public, formats: [pdf]}
        """)
        XCTAssertEqual(bad.problems.map(\.description), ["\(dir)/feeds.yml:4:36: alerts[0].report.formats: `pdf` is not one of md, html, atom, json"])
        let noDir = try load("alerts:\n  - report: {formats: [html]}\nsources:\n  - {id: a, url: \"https://example.org/a.xml\"}\n")
        XCTAssertTrue(noDir.problems.first?.message.contains("needs `dir`") == true, "\(noDir.problems)")
    }

    /// A pass with new alerts regenerates the files; the alerts count as delivered; no temporary
    /// file is left behind.
    func testAPassThatFindsSomethingRewritesTheReports() throws {
        let server = LoopbackServer()
        try server.start()
        defer { server.stop() }
        func feed(_ titles: [String]) -> LoopbackServer.Resource {
            let items = titles.enumerated().map { i, t in
                "<item><title>\(t)</title><link>https://example.org/\(i)</link><guid>g\(t.hashValue)</guid></item>"
            }.joined()
            return .init(contentType: "application/rss+xml", body: Array("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>\(items)</channel></rss>".utf8))
        }
        server.serve("/feed.xml", feed(["Old news"]))
        let loaded = try load("""
        sources:
          - {id: ngo, name: "NGO <news>", url: "\(server.baseURL)/feed.xml", tags: [china]}
        alerts:
          - report: {dir: public, formats: [html, atom, md, json], since: 90d}
        """)
        XCTAssertEqual(loaded.problems, [])
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let pass = Pass(configuration: loaded.configuration, stateDir: dir + "/state", logger: logger)
        var options = PassOptions()
        options.force = true
        _ = try pass.run(options)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/public/index.html"), "a baseline pass has no alerts, writes nothing")

        server.serve("/feed.xml", feed(["Activists detained in Shenzhen", "Old news"]))
        let report = try pass.run(options)
        XCTAssertEqual(report.deliveryFailures, [])
        let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/public").sorted()
        XCTAssertEqual(files, ["alerts.atom", "index.html", "report.json", "report.md"], "no temporary files left")
        let html = try String(contentsOfFile: dir + "/public/index.html", encoding: .utf8)
        XCTAssertTrue(html.contains("Activists detained in Shenzhen"))
        XCTAssertTrue(html.contains("NGO &lt;news&gt;"))
        let md = try String(contentsOfFile: dir + "/public/report.md", encoding: .utf8)
        XCTAssertTrue(md.contains("**Activists detained in Shenzhen**"), md)
        let store = try StateStore(folder: dir + "/state")
        XCTAssertEqual(try store.dueDeliveries(sink: "report").count, 0, "the report sink accepted the alerts")
    }

    /// A reader (a web server) that opens the file at any moment sees a whole old or a whole new
    /// version, never a half-written one.
    func testWritesAreAtomicForConcurrentReaders() throws {
        let path = dir + "/index.html"
        let versions = (0..<40).map { i in "<html>" + String(repeating: "\(i % 10)", count: 200_000 + i * 1000) + "</html>\n" }
        try AtomicFile.write(versions[0], to: path)
        let done = DispatchSemaphore(value: 0)
        let reader = Reader()
        DispatchQueue.global().async {
            while !reader.isFinished {
                if let s = try? String(contentsOfFile: path, encoding: .utf8) {
                    reader.count(torn: !(s.hasPrefix("<html>") && s.hasSuffix("</html>\n")))
                }
            }
            done.signal()
        }
        for v in versions { try AtomicFile.write(v, to: path) }
        reader.finish()
        done.wait()
        XCTAssertEqual(reader.torn, 0, "of \(reader.reads) reads")
        XCTAssertGreaterThan(reader.reads, 0)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), ["index.html"])
        XCTAssertThrowsError(try AtomicFile.write("x", to: dir + "/missing/folder/index.html"))
    }
}

/// What the concurrent reader saw.
private final class Reader: @unchecked Sendable {
    private let lock = NSLock()
    private var finished = false
    private(set) var reads = 0
    private(set) var torn = 0
    var isFinished: Bool { lock.lock(); defer { lock.unlock() }; return finished }
    func finish() { lock.lock(); finished = true; lock.unlock() }
    func count(torn t: Bool) { lock.lock(); reads += 1; if t { torn += 1 }; lock.unlock() }
}
