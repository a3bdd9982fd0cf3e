import Foundation
import TestSupport
import XCTest

/// `civicwatch demo` as a newcomer runs it: the built binary, no network configuration needed
/// (proxies removed from its environment), stopped with SIGKILL if it ever hangs.
final class DemoTests: XCTestCase {
    func testDemoRunsToCompletionOfflineAndWritesItsReports() throws {
        let dir = NSTemporaryDirectory() + "cw-demo-test-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let outPath = dir + ".out"
        defer { unlink(outPath) }
        FileManager.default.createFile(atPath: outPath, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let p = Process()
        p.executableURL = CLIRunner.binary
        p.arguments = ["demo", "--dir", dir]
        var env = ProcessInfo.processInfo.environment
        for k in ["http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"] { env[k] = nil }
        env["no_proxy"] = "*"
        p.environment = env
        p.standardOutput = out
        p.standardError = out
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(90)
        while p.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if p.isRunning { kill(p.processIdentifier, SIGKILL) }
        p.waitUntilExit()
        try out.close()
        let text = try String(contentsOfFile: outPath, encoding: .utf8)
        XCTAssertEqual(p.terminationStatus, 0, text)
        XCTAssertTrue(text.contains("── Pass 4 of 4"), text)
        XCTAssertTrue(text.contains("NEW [regulation] Ministry of Justice — calls for comment (sample)"), "the GBK list was read: \(text)")
        XCTAssertTrue(text.contains("社会组织登记管理条例"), text)
        // Which of the three sources is stored first depends on which answers first; the others are
        // listed on its alert.
        let also = text.components(separatedBy: "\n").filter { $0.contains("also reported by:") }
        XCTAssertEqual(also.count, 1, "one grouped alert: \(text)")
        XCTAssertEqual(also.first.map { $0.components(separatedBy: ", ").count }, 2, "\(also)")
        XCTAssertEqual(text.lowercased().components(separatedBy: "four labour activists detained").count - 1, 1, "told once")
        XCTAssertTrue(text.contains("CHANGED [regulation] Draft regulation"), text)
        XCTAssertTrue(text.contains("+ 第三十条"), text)
        XCTAssertTrue(text.contains("── Done: 4 alerts"), text)
        for f in ["report.md", "index.html", "alerts.atom", "report.json"] {
            XCTAssertTrue(text.contains("\(dir)/report/\(f)"), "says where \(f) is")
            XCTAssertTrue(FileManager.default.fileExists(atPath: "\(dir)/report/\(f)"), f)
        }
        let md = try String(contentsOfFile: "\(dir)/report/report.md", encoding: .utf8)
        XCTAssertTrue(md.contains("_(draft for comment)_"), md)
        XCTAssertTrue(md.contains("Dawn Workers' Centre (ngos)") && md.contains("Chen Guang (people)"), md)
        XCTAssertTrue(md.contains("Sources: ["), "the grouped story links all its sources: \(md)")
        // The report command over the demo's state, as its closing lines suggest.
        let cli = try CLIRunner.run(["report", "--config", "\(dir)/feeds.yml", "--since", "90d", "--category", "crackdown",
                                     "--format", "md", "--timezone", "Asia/Shanghai"])
        XCTAssertEqual(cli.status, 0, cli.stderr)
        XCTAssertTrue(cli.stdout.contains("### Crackdowns and enforcement"), cli.stdout)
        XCTAssertFalse(cli.stdout.contains("### New laws and regulations"), "filtered away: \(cli.stdout)")
        let usage = try CLIRunner.run(["report", "--config", "\(dir)/feeds.yml", "--format", "pdf"])
        XCTAssertEqual(usage.status, 2)
        XCTAssertTrue(usage.stderr.contains("--format pdf: use md, html, atom or json"), usage.stderr)
        if Xmllint.available {
            let v = try Xmllint.validate("\(dir)/report/alerts.atom", relaxNG: Xmllint.schema)
            XCTAssertTrue(v.ok, v.message)
        }
    }
}
