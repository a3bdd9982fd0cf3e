import Config
import Foundation
import Logging
import Model
import Snapshots
import Watcher

/// `civicwatch demo`: serves the bundled samples on 127.0.0.1, writes a feeds.yml for them into a
/// fresh folder and plays four passes, dated as if they happened over the last month:
///
/// 1. a baseline (nothing is alerted on a source's first pass);
/// 2. the Ministry of Justice opens a draft regulation on social organisations for comment;
/// 3. labour activists are detained and three sources report it: one grouped alert;
/// 4. the draft's text is amended: a page diff.
///
/// Alerts are printed by the configured stdout sink as each pass delivers them; the report sink
/// writes the Markdown, HTML, Atom and JSON reports, whose paths are printed at the end.
public struct DemoScenario {
    public var folder: String
    public var output: (String) -> Void
    public var now = Date()

    public init(folder: String, output: @escaping (String) -> Void) {
        self.folder = folder
        self.output = output
    }

    public struct Result {
        public var reportDir: String
        public var alerts: Int
        public var failedSources: [String]
    }

    public func run() throws -> Result {
        // A proxy from the user's environment must not be asked for 127.0.0.1 (libcurl reads
        // http_proxy; it honours no_proxy).
        for name in ["no_proxy", "NO_PROXY"] {
            let old = ProcessInfo.processInfo.environment[name] ?? ""
            setenv(name, old.isEmpty ? "127.0.0.1,localhost" : old + ",127.0.0.1,localhost", 1)
        }
        let server = LoopbackServer()
        try server.start()
        defer { server.stop() }
        let base = server.baseURL
        let day = 86400.0
        let times = [now - 30 * day, now - 21 * day, now - 9 * day, now - 2 * day]

        // The state of every source at the start: a few older items each.
        var notices = [
            DemoSamples.Notice(title: "司法部关于《法律援助法实施条例（草案）》的说明", path: "/moj/t1001.html", date: now - 40 * day),
            DemoSamples.Notice(title: "司法部2026年普法工作要点", path: "/moj/t1000.html", date: now - 45 * day),
        ]
        var voices = [DemoSamples.Story(title: "Migrant workers in Dongguan win back pay after three-month dispute",
                                        link: "\(base)/labour-voices/2026/back-pay-dongguan", date: now - 35 * day,
                                        summary: "Forty workers at a furniture factory were paid their arrears after mediation.")]
        var rights = [DemoSamples.Story(title: "Annual report on civil society in China",
                                        link: "\(base)/rdn/reports/annual", date: now - 38 * day,
                                        summary: "Our yearly review of the space for civil society organisations.")]
        var watch = [DemoSamples.Story(title: "Courier drivers protest new pay scheme", link: "\(base)/workers-watch/couriers",
                                       date: now - 33 * day, summary: "Drivers gathered outside a depot in Chengdu.")]
        var amended = false

        func publish() throws {
            server.serve("/moj/lfyjzj/index.html",
                         .init(contentType: "text/html; charset=gb2312",
                               body: try LegacyEncoding.encode(DemoSamples.ministryList(notices), as: "GBK")))
            server.serve("/labour-voices/feed.xml", .init(contentType: "application/rss+xml; charset=utf-8", body: Array(
                DemoSamples.rss(title: "Labour Voices", site: "\(base)/labour-voices/", voices).utf8)))
            server.serve("/workers-watch/rss", .init(contentType: "application/rss+xml; charset=utf-8", body: Array(
                DemoSamples.rss(title: "Workers' Watch", site: "\(base)/workers-watch/", watch).utf8)))
            server.serve("/rdn/china.atom", .init(contentType: "application/atom+xml; charset=utf-8", body: Array(
                DemoSamples.atom(title: "Rights Defenders Network — China", site: "\(base)/rdn", rights).utf8)))
            server.serve("/moj/draft/shzz-tiaoli.html", .init(contentType: "text/html; charset=utf-8", body: Array(
                DemoSamples.regulationText(amended: amended).utf8)))
        }

        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let configPath = (folder as NSString).appendingPathComponent("feeds.yml")
        try Data(DemoConfig.yaml(base: base).utf8).write(to: URL(fileURLWithPath: configPath))
        let loaded = try ConfigLoader.load(path: configPath)
        let stateDir = (folder as NSString).appendingPathComponent("state")
        var logger = Logger(label: "civicwatch-demo")
        logger.logLevel = .error

        var result = Result(reportDir: (folder as NSString).appendingPathComponent("report"), alerts: 0, failedSources: [])
        let steps: [(String, () -> Void)] = [
            ("Baseline: every source is read once; nothing is alerted on a first pass.", {}),
            ("The Ministry of Justice opens a draft regulation on social organisations for comment (a GBK page).", {
                notices.insert(DemoSamples.Notice(title: "司法部关于《社会组织登记管理条例（修订草案征求意见稿）》公开征求意见的通知",
                                                  path: "/moj/t1002.html", date: times[1] - 3600), at: 0)
            }),
            ("Labour activists are detained; an NGO feed, a rights group and a workers' site all report it.", {
                let title = "Four labour activists detained in Shenzhen on 'picking quarrels' charges"
                voices.insert(DemoSamples.Story(
                    title: title, link: "\(base)/labour-voices/2026/shenzhen-detentions", date: times[2] - 7200,
                    summary: "Police in Shenzhen took four staff of the Dawn Workers' Centre into criminal detention on suspicion of picking quarrels and provoking trouble. Their families have not been told where they are held. The centre had supported workers in wage disputes."), at: 0)
                voices.insert(DemoSamples.Story(
                    title: "Training for union representatives on workplace safety", link: "\(base)/labour-voices/2026/safety-training",
                    date: times[2] - 9000, summary: "A two-day course for elected worker representatives in Guangzhou."), at: 0)
                rights.insert(DemoSamples.Story(
                    title: "China: four labour activists detained in Shenzhen on “picking quarrels” charges",
                    link: "\(base)/rdn/news/shenzhen-four", date: times[2] - 5400,
                    summary: "Chen Guang and three colleagues from the Dawn Workers' Centre were detained; we call for their release."), at: 0)
                watch.insert(DemoSamples.Story(
                    title: "Four labour activists detained in Shenzhen on picking quarrels charges", link: "\(base)/workers-watch/shenzhen-four",
                    date: times[2] - 4000, summary: "Workers' Watch has confirmed the detentions with two family members."), at: 0)
            }),
            ("The draft's text is amended: foreign funding must be reported in advance; a new penalty article.", {
                amended = true
            }),
        ]
        for (i, step) in steps.enumerated() {
            step.1()
            try publish()
            output("\n── Pass \(i + 1) of \(steps.count) · \(DemoSamples.day(times[i], "d MMMM yyyy", zone: "UTC")) (simulated) ──\n\(step.0)\n")
            var options = PassOptions()
            options.force = true
            options.now = times[i]
            let report = try Pass(configuration: loaded.configuration, stateDir: stateDir, logger: logger).run(options)
            result.failedSources += report.failedSources.map(\.source)
            if i == 0 { output("(baseline recorded for \(report.outcomes.count) sources)\n") }
        }
        result.alerts = try StateStore(folder: stateDir).alerts(since: .distantPast).count
        return result
    }
}
