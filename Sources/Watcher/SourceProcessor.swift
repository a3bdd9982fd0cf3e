import Detection
import Fetching
import Foundation
import Model
import Parsing
import Snapshots

/// Turns one source's fetch result into the update to store and the alerts it produces.
/// Nothing is written here; the pass commits the update in one transaction.
struct SourceProcessor {
    /// New-item alerts one source may raise in one pass (see `handle`).
    static let maxNewItemAlerts = 500
    let store: StateStore
    let alertOnBaseline: Bool
    let now: Date
    var classifier = Classifier(rules: .builtIn)
    /// Alerts for the same story within this window are grouped (nil: no grouping).
    var groupWindow: TimeInterval? = 72 * 3600

    struct Result {
        var update: SourceUpdate
        var status: SourceOutcome.Status
        var alerts: [Alert]
    }

    /// Whether processing `fetched` may hash and parse a body; otherwise (a 304, a failure) it is
    /// a few field updates.
    static func needsParsing(_ fetched: Swift.Result<FetchResponse, FetchError>) -> Bool {
        if case let .success(response) = fetched { return !response.notModified }
        return false
    }

    func process(_ spec: SourceSpec, previous: SourceState?, fetched: Swift.Result<FetchResponse, FetchError>) -> Result {
        var state = previous ?? SourceState(id: spec.id)
        state.lastCheck = now
        switch fetched {
        case let .failure(error):
            return failure(spec, state: state, message: error.description)
        case let .success(response):
            if let etag = response.etag { state.etag = etag }
            if let lm = response.lastModified { state.lastModified = lm }
            let bodyHash = response.notModified ? state.bodyHash : Identity.sha256(response.body, then: fingerprint(spec))
            if state.baselineAt != nil, response.notModified || bodyHash == state.bodyHash {
                var alerts = succeeded(spec, &state)
                alerts += quietCheck(spec, &state)
                return finish(spec, state, status: .unchanged, alerts: alerts,
                              check: .init(outcome: response.notModified ? "not_modified" : "unchanged", items: state.itemsLast))
            }
            if response.notModified {
                // A 304 for a source we hold no baseline of: the validators came from a pass that
                // never finished; forget them so the next pass fetches the body.
                state.etag = nil
                state.lastModified = nil
                return failure(spec, state: state, message: "\(spec.displayURL): server answered 304 but no earlier copy is stored; will refetch")
            }
            let input = ParseInput(data: response.body, url: response.effectiveURL,
                                   contentType: response.contentType, encodingOverride: spec.encoding)
            do {
                let document = try Parser.parse(input, as: spec.type, list: spec.list, content: spec.content,
                                                ignore: spec.ignore, timezone: spec.timezone)
                state.bodyHash = bodyHash
                return try handle(spec, state: state, document: document)
            } catch {
                // The body hash is left alone so the same body is parsed (and reported) again next time.
                return failure(spec, state: state, message: "\(error)")
            }
        }
    }

    private func fingerprint(_ spec: SourceSpec) -> Data {
        // Editing a selector must re-parse an unchanged body.
        let parts: [String?] = [spec.type.rawValue, spec.list?.items, spec.list?.title, spec.list?.link, spec.list?.date,
                                spec.list?.summary, spec.content, spec.ignore.joined(separator: "\u{1}"), spec.encoding]
        return Data(parts.map { $0 ?? "" }.joined(separator: "\u{0}").utf8)
    }

    /// Marks a successful check; a source that had raised `source_error` reports its recovery.
    private func succeeded(_ spec: SourceSpec, _ state: inout SourceState) -> [Alert] {
        var alerts: [Alert] = []
        if state.errorAlerted { alerts.append(HealthAlerts.recovered(spec, state: state, now: now)) }
        state.lastSuccess = now
        state.lastError = nil
        state.consecutiveFailures = 0
        state.errorAlerted = false
        return alerts
    }

    private func quietCheck(_ spec: SourceSpec, _ state: inout SourceState) -> [Alert] {
        guard let window = spec.expectUpdateWithin, !state.quietAlerted,
              let since = state.lastChange ?? state.baselineAt, now.timeIntervalSince(since) > window else { return [] }
        state.quietAlerted = true
        return [HealthAlerts.quiet(spec, since: since, now: now)]
    }

    private func finish(_ spec: SourceSpec, _ state: SourceState, status: SourceOutcome.Status, alerts: [Alert],
                        check: SourceUpdate.Check, build: (inout SourceUpdate) -> Void = { _ in }) -> Result {
        var u = SourceUpdate(state: state, url: spec.displayURL, type: spec.type.rawValue)
        build(&u)
        var c = check
        c.alerts = alerts.count
        u.check = c
        u.alerts = alerts.map { ($0.id, $0.kind.rawValue, AlertJSON.encode($0)) }
        u.stories = Self.stories(alerts)
        u.groupWindow = groupWindow
        return Result(update: u, status: status, alerts: alerts)
    }

    private func failure(_ spec: SourceSpec, state: SourceState, message: String) -> Result {
        var state = state
        state.consecutiveFailures += 1
        state.lastError = message
        var alerts: [Alert] = []
        if state.consecutiveFailures >= spec.failureAlertAfter && !state.errorAlerted {
            state.errorAlerted = true
            alerts.append(HealthAlerts.sourceError(spec, state: state, message: message, now: now))
        }
        return finish(spec, state, status: .failed(reason: message), alerts: alerts, check: .init(outcome: "failed", error: message))
    }

    private func handle(_ spec: SourceSpec, state: SourceState, document: ParsedDocument) throws -> Result {
        var state = state
        var alerts = succeeded(spec, &state)
        let isBaseline = state.baselineAt == nil
        if isBaseline { state.baselineAt = now }
        switch spec.type {
        case .feed, .list:
            let ids = Identity.items(document.items)
            // Items are only ever stored together with the baseline mark, so a source without one
            // has none to look up.
            let known = isBaseline ? [] : try store.knownIdentities(source: spec.id, among: ids)
            var batch = Set<String>()
            let fresh = zip(ids, document.items).filter { !known.contains($0.0) && batch.insert($0.0).inserted }
            let previousCount = state.itemsLast
            state.itemsLast = document.items.count
            if spec.type == .list {
                if document.items.isEmpty, (previousCount ?? 0) > 0, !state.selectorBroken {
                    state.selectorBroken = true
                    alerts.append(HealthAlerts.selectorBroken(spec, previousItems: previousCount, now: now))
                } else if !document.items.isEmpty {
                    state.selectorBroken = false
                }
            }
            // A source that suddenly lists tens of thousands of new items is broken or hostile, and
            // nobody reads that many alerts: the first `maxNewItemAlerts` are alerted, the rest only
            // recorded as seen (so they never alert later either).
            let itemAlerts = (!isBaseline || alertOnBaseline)
                ? fresh.prefix(Self.maxNewItemAlerts).compactMap { detect(spec, newItemAlert(spec, id: $0.0, item: $0.1), item: $0.1) } : []
            if !fresh.isEmpty && !isBaseline {
                state.lastChange = now
                state.quietAlerted = false
            }
            alerts += itemAlerts
            alerts += quietCheck(spec, &state)
            let status: SourceOutcome.Status = isBaseline ? .baseline(items: document.items.count)
                : .checked(items: document.items.count, alerts: itemAlerts.count)
            return finish(spec, state, status: status, alerts: alerts,
                          check: .init(outcome: isBaseline ? "baseline" : (itemAlerts.isEmpty ? "unchanged" : "new_items"),
                                       items: document.items.count)) { u in
                u.newItems = fresh.map { id, item in
                    StoredItem(identity: id, title: item.title, link: item.link, published: item.published ?? item.updated,
                               firstSeen: now)
                }
            }
        case .page:
            return try handlePage(spec, state: state, document: document, isBaseline: isBaseline, alerts: alerts)
        }
    }

    private func handlePage(_ spec: SourceSpec, state: SourceState, document: ParsedDocument, isBaseline: Bool,
                            alerts: [Alert]) throws -> Result {
        var state = state
        var alerts = alerts
        state.itemsLast = nil
        // A content XPath that matches nothing means the markup changed, not that the text was
        // deleted: keep the stored text and say so once.
        guard document.contentMatched else {
            if !state.selectorBroken {
                state.selectorBroken = true
                alerts.append(HealthAlerts.selectorBroken(spec, previousItems: nil, now: now))
            }
            if isBaseline { state.baselineAt = nil }
            return finish(spec, state, status: .checked(items: 0, alerts: 0), alerts: alerts,
                          check: .init(outcome: "selector_broken"))
        }
        state.selectorBroken = false
        let text = document.text ?? ""
        let hash = Identity.sha256(text)
        // A page's versions are only stored with its baseline mark: a baseline has none to read.
        let previous = isBaseline ? nil : try store.latestPageVersion(source: spec.id)
        var version: (hash: String, text: String)?
        var changeAlert: Alert?
        if previous?.textHash != hash {
            if let previous {
                // A change that is only noise (a counter, a date) is neither alerted nor stored, so
                // the next real change is still diffed against the version the user last saw.
                if let diff = significantDiff(spec, old: previous.text, new: text) {
                    version = (hash, text)
                    state.lastChange = now
                    state.quietAlerted = false
                    let added = diff.filter { $0.op == .added }.map(\.text).joined(separator: "\n")
                    changeAlert = detect(spec, pageChangeAlert(spec, document: document, diff: diff, seq: previous.seq + 1, hash: hash),
                                         item: nil, addedText: added)
                }
            } else {
                version = (hash, text)
            }
        }
        if let changeAlert { alerts.append(changeAlert) }
        alerts += quietCheck(spec, &state)
        let status: SourceOutcome.Status = isBaseline ? .baseline(items: 1) : .checked(items: 1, alerts: changeAlert == nil ? 0 : 1)
        return finish(spec, state, status: status, alerts: alerts,
                      check: .init(outcome: isBaseline ? "baseline" : (changeAlert == nil ? "unchanged" : "changed"))) { u in
            u.pageVersion = version
        }
    }

    private func newItemAlert(_ spec: SourceSpec, id: String, item: FeedItem) -> Alert {
        Alert(id: Identity.alertID(spec.id, "new", id), source: spec.id, sourceTitle: spec.title, kind: .new,
              title: item.title.isEmpty ? (item.link ?? "(untitled)") : item.title, link: item.link,
              published: item.published ?? item.updated,
              summary: item.summary ?? item.content.map { String($0.prefix(500)) },
              tags: spec.tags, detectedAt: now)
    }

    private func pageChangeAlert(_ spec: SourceSpec, document: ParsedDocument, diff: [DiffLine], seq: Int, hash: String) -> Alert {
        let added = diff.filter { $0.op == .added }.count, removed = diff.filter { $0.op == .removed }.count
        let name = document.title.flatMap { $0.isEmpty ? nil : $0 } ?? spec.title
        return Alert(id: Identity.alertID(spec.id, "changed", String(seq), hash), source: spec.id, sourceTitle: spec.title,
                     kind: .changed,
                     title: "\(name): \(added) line\(added == 1 ? "" : "s") added, \(removed) removed",
                     link: spec.displayURL, summary: diff.first { $0.op == .added }?.text, tags: spec.tags, diff: diff,
                     detectedAt: now)
    }
}
