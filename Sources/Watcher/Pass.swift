import Config
import Detection
import Fetching
import Foundation
import Logging
import Model
import Parsing
import Snapshots

/// One pass over feeds.yml: fetch every due source, parse, compare with the stored snapshot,
/// store the outcome and its alerts per source in one transaction, then deliver the outbox.
public struct Pass {
    public let configuration: Configuration
    public let stateDir: String
    public let logger: Logger

    public init(configuration: Configuration, stateDir: String, logger: Logger) {
        self.configuration = configuration
        self.stateDir = stateDir
        self.logger = logger
    }

    public func run(_ options: PassOptions) throws -> PassReport {
        let started = Date()
        let now = options.now ?? started
        // The lock comes first: a second pass must not even open the database the first is writing.
        try StateStore.prepareFolder(stateDir)
        let lock = try PassLock(folder: stateDir, wait: options.waitForLock)
        let store = try StateStore(folder: stateDir)
        defer { withExtendedLifetime(lock) {} }

        var sinks = configuration.sinks
        if let format = options.stdoutFormat {
            sinks = sinks.map { if case var .stdout(s) = $0 { s.format = format; return .stdout(s) }; return $0 }
            if !sinks.contains(where: { if case .stdout = $0 { return true }; return false }) {
                sinks.append(.stdout(StdoutSink(format: format)))
            }
        }

        let states = try store.sourceStates()
        var report = PassReport()
        // Positions in configuration.sources, not copies: a SourceSpec is close to a kilobyte, and
        // two more copies of every spec were 1.5 MB of a 900-source pass's peak memory.
        var due: [Int] = []
        for (index, spec) in configuration.sources.enumerated() where options.only.isEmpty || options.only.contains(spec.id) {
            if !options.force, let last = states[spec.id]?.lastCheck, now.timeIntervalSince(last) < spec.interval - Self.dueSlack(spec.interval) {
                report.outcomes.append(SourceOutcome(source: spec.id, status: .skipped, elapsed: 0))
                continue
            }
            due.append(index)
        }
        logger.debug("pass starting", metadata: ["due": "\(due.count)", "sources": "\(configuration.sources.count)"])

        let sources = configuration.sources
        let specIndex = Dictionary(uniqueKeysWithValues: due.map { (sources[$0].id, $0) })
        let requests = due.map { index -> FetchRequest in
            let spec = sources[index]
            let st = states[spec.id]
            // Validators are only worth sending when a baseline exists to compare with.
            let known = st?.baselineAt != nil
            return FetchRequest(key: spec.id, url: spec.url, timeout: spec.timeout, connectTimeout: spec.connectTimeout,
                                maxBytes: spec.maxBytes, userAgent: spec.userAgent, proxy: spec.proxy, headers: spec.headers,
                                etag: known ? st?.etag : nil, lastModified: known ? st?.lastModified : nil)
        }

        let dueCount = due.count
        let detection = configuration.detection
        let processor = SourceProcessor(store: store, alertOnBaseline: options.alertOnBaseline, now: now,
                                        classifier: Classifier(spec: detection),
                                        groupWindow: detection.grouping ? detection.groupWindow : nil)
        let routedSinks = sinks
        let collected = OutcomeCollector()
        let log = logger
        let batcher = CommitBatcher(store: store, keepVersions: configuration.keepVersions) { entry, status in
            Self.logOutcome(status, spec: entry.spec, logger: log)
            let counts = collected.add(SourceOutcome(source: entry.spec.id, status: status, elapsed: entry.elapsed))
            options.progress?(PassProgress(done: counts.done, total: dueCount, failed: counts.failed))
        }
        // Parsing and storing run beside the transfers, so slow servers and CPU work overlap.
        // When servers answer faster than bodies are parsed, the transfer loop waits for the
        // workers' room before handing a body over and starts no new transfer meanwhile, so peak
        // memory does not grow with the sources; it never waits long enough for the transfers in
        // flight to time out (`FetchAdmission`).
        // The transfer thread is busy too (libcurl, the kernel's sockets, every 304 handled inline):
        // one worker per remaining core. A worker per core made the threads take turns: on two
        // cores, a second worker cost 6-16 % more CPU per pass and saved no time (item 39).
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount - 1, 4))
        let work = WorkerPool(threads: workers, limit: workers * 4)
        let admission = FetchAdmission(hasRoom: { work.hasRoom }, waitForRoom: { work.waitForRoom(timeout: $0) })
        Fetcher(limits: FetchLimits(concurrency: configuration.concurrency, perHost: configuration.perHost))
            .fetchAll(requests, admission: admission) { request, result in
                guard let index = specIndex[request.key] else { return }
                let spec = sources[index]
                let previous = states[spec.id]
                func process() -> [CommitBatcher.Entry]? {
                    let t0 = Date()
                    let r = processor.process(spec, previous: previous, fetched: result)
                    // Which sinks owe each alert is decided now and stored with it.
                    let routes = Dictionary(r.alerts.map { ($0.id, SinkRoutes.sinks(for: $0, source: spec, among: routedSinks)) },
                                            uniquingKeysWith: { a, _ in a })
                    return batcher.add(.init(spec: spec, result: r, routes: routes, elapsed: Date().timeIntervalSince(t0)))
                }
                // A 304 or a failure needs no parsing: handing it to a worker cost more (waking the
                // thread) than handling it here. Its batch, when one falls due, is still written by a
                // worker, so the transfers never wait for the disk.
                if SourceProcessor.needsParsing(result) {
                    work.submit { if let due = process() { batcher.write(due) } }
                } else if let due = process() {
                    work.submit { batcher.write(due) }
                }
            }
        work.finish()
        batcher.flush()
        report.outcomes += collected.all

        TestHooks.beforeDelivery()
        let names = Dictionary(configuration.sources.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        let delivery = Delivery(store: store, sinks: sinks, logger: logger, sourceNames: names).deliverPending()
        report.alertsDelivered = delivery.delivered
        report.deliveryFailures = delivery.failures
        for f in delivery.failures { logger.error("delivery failed: \(f)") }
        prune(store, now: now)
        do { try store.close() } catch { logger.warning("could not close the state cleanly: \(error)") }
        report.elapsed = Date().timeIntervalSince(started)
        summarize(report)
        return report
    }

    /// A timer never fires exactly on the minute (systemd's RandomizedDelaySec, cron start-up), so a
    /// source checked at 10:01:50 must still be due at 11:00:20: a tenth of the interval, at most
    /// five minutes, counts as elapsed.
    static func dueSlack(_ interval: TimeInterval) -> TimeInterval {
        max(1, min(interval / 10, 300))
    }

    /// Retention runs after delivery so a pass never prunes what it has just stored, and a
    /// failure here only costs disk space, never an alert.
    private func prune(_ store: StateStore, now: Date) {
        let policy = RetentionPolicy(keepVersions: configuration.keepVersions, keepDays: configuration.keepDays)
        do {
            let r = try store.prune(policy, now: now)
            if r.items + r.versions + r.alerts + r.checks > 0 {
                logger.info("pruned old state", metadata: ["items": "\(r.items)", "versions": "\(r.versions)",
                                                          "alerts": "\(r.alerts)", "checks": "\(r.checks)"])
            }
        } catch {
            logger.warning("could not prune old state: \(error)")
        }
    }

    static func logOutcome(_ status: SourceOutcome.Status, spec: SourceSpec, logger: Logger) {
        let meta: Logger.Metadata = ["source": "\(spec.id)"]
        switch status {
        case let .baseline(items):
            let what = spec.type == .page ? "page text" : "\(items) item\(items == 1 ? "" : "s")"
            logger.notice("baseline recorded: \(what), no alerts on a first pass", metadata: meta)
        case let .checked(items, alerts):
            logger.info("checked: \(items) items, \(alerts) alert\(alerts == 1 ? "" : "s")", metadata: meta)
        case .unchanged:
            logger.debug("unchanged", metadata: meta)
        case let .failed(reason):
            logger.warning("failed: \(reason)", metadata: meta)
        case .skipped:
            break
        }
    }

    private func summarize(_ report: PassReport) {
        let checked = report.outcomes.filter { $0.status != .skipped }.count
        let skipped = report.outcomes.count - checked
        let failed = report.failedSources.count
        logger.notice("pass complete", metadata: [
            "checked": "\(checked)", "skipped": "\(skipped)", "failed": "\(failed)",
            "alerts": "\(report.alertsDelivered)", "seconds": "\(String(format: "%.2f", report.elapsed))",
        ])
    }
}

/// Outcomes arrive from worker threads.
final class OutcomeCollector: @unchecked Sendable {
    private var items: [SourceOutcome] = []
    private let lock = NSLock()
    private var failures = 0
    /// Returns how many outcomes (and failures) have been collected so far.
    func add(_ o: SourceOutcome) -> (done: Int, failed: Int) {
        lock.lock(); defer { lock.unlock() }
        items.append(o)
        if o.failed { failures += 1 }
        return (items.count, failures)
    }
    var all: [SourceOutcome] { lock.lock(); defer { lock.unlock() }; return items }
}
