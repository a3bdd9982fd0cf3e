import Fetching
import Foundation
import Model
import Parsing
import Snapshots
import Detection

/// Turns one source's fetch result into the update to store and the alerts it produces.
/// Nothing is written here; the pass commits the update in one transaction.
struct SourceProcessor {
    let store: StateStore
    let alertOnBaseline: Bool
    let now: Date

    struct Result {
        var update: SourceUpdate
        var status: SourceOutcome.Status
        var alerts: [Alert]
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
            let bodyHash = response.notModified ? state.bodyHash : Identity.sha256(response.body + fingerprint(spec))
            if state.baselineAt != nil, response.notModified || bodyHash == state.bodyHash {
                markSuccess(&state)
                return Result(update: update(spec, state), status: .unchanged, alerts: [])
            }
            if response.notModified {
                // A 304 for a source we hold no baseline of: the validators came from a pass that
                // never finished; forget them so the next pass fetches the body.
                state.etag = nil
                state.lastModified = nil
                return failure(spec, state: state, message: "\(spec.url): server answered 304 but no earlier copy is stored; will refetch")
            }
            let input = ParseInput(data: response.body, url: response.effectiveURL,
                                   contentType: response.contentType, encodingOverride: spec.encoding)
            do {
                let document = try Parser.parse(input, as: spec.type, list: spec.list, content: spec.content,
                                                ignore: spec.ignore, timezone: spec.timezone)
                state.bodyHash = bodyHash
                return try handle(spec, state: state, document: document)
            } catch {
                // Leave the body hash alone so the same body is parsed (and reported) again next time.
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

    private func markSuccess(_ state: inout SourceState) {
        state.lastSuccess = now
        state.lastError = nil
        state.consecutiveFailures = 0
    }

    private func update(_ spec: SourceSpec, _ state: SourceState) -> SourceUpdate {
        SourceUpdate(state: state, url: spec.url, type: spec.type.rawValue)
    }

    private func failure(_ spec: SourceSpec, state: SourceState, message: String) -> Result {
        var state = state
        state.consecutiveFailures += 1
        state.lastError = message
        var alerts: [Alert] = []
        // One alert when a source starts failing, not one per pass.
        if state.consecutiveFailures == spec.failureAlertAfter {
            let lastOK = state.lastSuccess.map { " (last success \(ISO8601.string($0)))" } ?? ""
            alerts.append(Alert(id: Identity.alertID(spec.id, "source_error", ISO8601.string(now)),
                                source: spec.id, sourceTitle: spec.title, kind: .sourceError,
                                title: "\(spec.title) failed \(state.consecutiveFailures) time\(state.consecutiveFailures == 1 ? "" : "s") in a row\(lastOK)",
                                link: spec.url, tags: spec.tags, error: message, detectedAt: now))
        }
        var u = update(spec, state)
        u.alerts = alerts.map { ($0.id, $0.kind.rawValue, AlertJSON.encode($0)) }
        return Result(update: u, status: .failed(reason: message), alerts: alerts)
    }

    private func handle(_ spec: SourceSpec, state: SourceState, document: ParsedDocument) throws -> Result {
        var state = state
        markSuccess(&state)
        let isBaseline = state.baselineAt == nil
        if isBaseline { state.baselineAt = now }
        var u = update(spec, state)
        var alerts: [Alert] = []
        switch spec.type {
        case .feed, .list:
            let ids = Identity.items(document.items)
            let known = try store.knownIdentities(source: spec.id, among: ids)
            var fresh: [(String, FeedItem)] = []
            var batch = Set<String>()
            for (id, item) in zip(ids, document.items) where !known.contains(id) && batch.insert(id).inserted {
                fresh.append((id, item))
            }
            u.newItems = fresh.map { id, item in
                StoredItem(identity: id, title: item.title, link: item.link, published: item.published ?? item.updated, firstSeen: now)
            }
            u.state.itemsLast = document.items.count
            if !isBaseline || alertOnBaseline {
                alerts = fresh.map { id, item in
                    Alert(id: Identity.alertID(spec.id, "new", id), source: spec.id, sourceTitle: spec.title, kind: .new,
                          title: item.title.isEmpty ? (item.link ?? "(untitled)") : item.title, link: item.link,
                          published: item.published ?? item.updated, summary: item.summary ?? item.content.map { String($0.prefix(500)) },
                          tags: spec.tags, detectedAt: now)
                }
            }
            if !fresh.isEmpty && !isBaseline { u.state.lastChange = now }
        case .page:
            let text = document.text ?? ""
            let hash = Identity.sha256(text)
            let previous = try store.latestPageVersion(source: spec.id)
            u.state.itemsLast = nil
            if previous?.textHash != hash {
                u.pageVersion = (hash, text)
                if let previous {
                    let diff = LineDiff.diff(old: previous.text, new: text)
                    if diff.contains(where: { $0.op != .context }) {
                        u.state.lastChange = now
                        let seq = previous.seq + 1
                        let added = diff.filter { $0.op == .added }.count, removed = diff.filter { $0.op == .removed }.count
                        alerts.append(Alert(id: Identity.alertID(spec.id, "changed", String(seq), hash), source: spec.id,
                                            sourceTitle: spec.title, kind: .changed,
                                            title: "\(document.title.flatMap { $0.isEmpty ? nil : $0 } ?? spec.title): \(added) line\(added == 1 ? "" : "s") added, \(removed) removed",
                                            link: spec.url, summary: diff.first { $0.op == .added }?.text,
                                            tags: spec.tags, diff: diff, detectedAt: now))
                    }
                }
            }
        }
        u.alerts = alerts.map { ($0.id, $0.kind.rawValue, AlertJSON.encode($0)) }
        let status: SourceOutcome.Status = isBaseline
            ? .baseline(items: spec.type == .page ? 1 : document.items.count)
            : .checked(items: document.items.count, alerts: alerts.count)
        return Result(update: u, status: status, alerts: alerts)
    }
}
