import CCurl
import Foundation

/// A libcurl multi handle kept across batches, so connections (and the DNS cache, which every
/// easy handle added to one multi shares) survive from one pass to the next.
final class MultiHandle {
    let handle: UnsafeMutableRawPointer

    init?() {
        CurlGlobal.ensure()
        guard let m = curl_multi_init() else { return nil }
        handle = m
    }

    deinit { curl_multi_cleanup(handle) }
}

/// Runs one batch on a multi handle: starts transfers as the scheduler allows, drives libcurl,
/// and reports each result on the calling thread.
struct MultiLoop {
    let multi: MultiHandle
    let limits: FetchLimits
    var admission: FetchAdmission?

    /// Returns how many times the loop waited for sockets (`SocketEvents.waits`).
    @discardableResult
    func run(_ requests: [FetchRequest], onResult: (FetchRequest, Result<FetchResponse, FetchError>) -> Void) -> Int {
        var scheduler = HostScheduler<(FetchRequest, FetchURL)>(concurrency: limits.concurrency, perHost: limits.perHost)
        for r in requests {
            switch FetchURL.validate(r.url) {
            case .success(let url): scheduler.enqueue((r, url), host: url.hostKey)
            case .failure(let e): onResult(r, .failure(e))
            }
        }

        var running: [UnsafeMutableRawPointer: EasyTransfer] = [:]
        var done: [(FetchRequest, Result<FetchResponse, FetchError>)] = []

        // Handles are added only when a slot is free: thousands of idle handles in one multi
        // would all start connecting at once and time out while waiting.
        func startMore() {
            while admission?.hasRoom() ?? true, let (next, host) = scheduler.next() {
                let (request, url) = next
                guard let t = EasyTransfer(request: request, url: url) else {
                    scheduler.finished(host: host)
                    done.append((request, .failure(FetchError(reason: .other, url: FetchURL.redact(request.url),
                                                              message: "could not create a libcurl handle"))))
                    continue
                }
                if let e = t.setupError {
                    scheduler.finished(host: host)
                    done.append((request, .failure(e)))
                    continue
                }
                let mc = curl_multi_add_handle(multi.handle, t.handle)
                guard mc == CURLM_OK else {
                    scheduler.finished(host: host)
                    done.append((request, .failure(FetchError(reason: .other, url: FetchURL.redact(request.url),
                        message: "libcurl refused the transfer: \(String(cString: curl_multi_strerror(mc)))"))))
                    continue
                }
                running[t.handle] = t
            }
        }

        // The longest the loop waits for the caller's room before driving libcurl again.
        let maxHold: TimeInterval = 0.1
        func deliver() {
            // Results are handed over one by one as the caller has room (most bodies then wait in
            // the kernel's socket buffers, not in memory), but after `maxHold` of waiting the rest
            // go at once: transfers in flight must not wait past their timeouts.
            var deadline: DispatchTime?
            for (r, result) in done {
                if let admission, !admission.hasRoom() {
                    let end = deadline ?? .now() + maxHold
                    deadline = end
                    let left = Double(end.uptimeNanoseconds) - Double(DispatchTime.now().uptimeNanoseconds)
                    if left > 0 { _ = admission.waitForRoom(left / 1e9) }
                }
                onResult(r, result)
            }
            done.removeAll(keepingCapacity: true)
        }

        guard let events = SocketEvents(multi: multi.handle) else {
            startMore()
            failAll(&running, &done, message: "cannot create an epoll instance: \(String(cString: strerror(errno)))")
            deliver()
            return 0
        }
        defer { events.close() }
        startMore()
        deliver()
        var mc = events.kick()
        while !running.isEmpty || !scheduler.isIdle {
            if running.isEmpty {
                // Held back with nothing in flight: only the caller's side can make progress.
                if let admission, !admission.hasRoom() { _ = admission.waitForRoom(maxHold) }
                startMore()
                deliver()
                mc = events.kick()
                continue
            }
            if mc != CURLM_OK && mc != CURLM_CALL_MULTI_PERFORM {
                let message = "libcurl multi error: \(String(cString: curl_multi_strerror(mc)))"
                failAll(&running, &done, message: message)
                // Those not started yet get their result too: every request gets exactly one.
                for (request, _) in scheduler.drain() {
                    done.append((request, .failure(FetchError(reason: .other, url: FetchURL.redact(request.url), message: message))))
                }
                deliver()
                return events.waits
            }
            var queued: Int32 = 0
            while let msg = curl_multi_info_read(multi.handle, &queued) {
                // The message dies with remove_handle: copy what is needed first.
                guard msg.pointee.msg == CURLMSG_DONE, let easy = msg.pointee.easy_handle else { continue }
                let code = msg.pointee.data.result
                curl_multi_remove_handle(multi.handle, easy)
                guard let t = running.removeValue(forKey: easy) else { continue }
                scheduler.finished(host: t.hostKey)
                done.append((t.request, t.result(code: code)))
            }
            // Refill before handing results over, so the network stays busy while the caller works.
            let before = running.count
            startMore()
            let added = running.count > before
            deliver()
            if running.isEmpty { continue }
            // While held back, look again soon: room is made on other threads, not on a socket.
            let held = scheduler.pending > 0 && !(admission?.hasRoom() ?? true)
            mc = added ? events.kick() : events.step(maxWaitMs: held ? 10 : 1000)
        }
        return events.waits
    }

    private func failAll(_ running: inout [UnsafeMutableRawPointer: EasyTransfer],
                         _ done: inout [(FetchRequest, Result<FetchResponse, FetchError>)], message: String) {
        for (h, t) in running {
            curl_multi_remove_handle(multi.handle, h)
            done.append((t.request, .failure(FetchError(reason: .other, url: FetchURL.redact(t.request.url), message: message))))
        }
        running.removeAll()
    }
}

extension EasyTransfer {
    /// The outcome of a finished transfer.
    func result(code: CURLcode) -> Result<FetchResponse, FetchError> {
        guard code == CURLE_OK else { return .failure(FetchError.from(code: code, transfer: self)) }
        let status = infoLong(CURLINFO_RESPONSE_CODE)
        // 3xx other than 304 only arrive here when no usable Location came with them.
        if status >= 400 || (status >= 300 && status != 304) {
            return .failure(FetchError.http(status: status, transfer: self))
        }
        let notModified = status == 304 || infoLong(CURLINFO_CONDITION_UNMET) != 0
        let effective = FetchURL.redact(infoString(CURLINFO_EFFECTIVE_URL) ?? request.url)
        return .success(FetchResponse(
            status: status,
            effectiveURL: effective,
            contentType: contentType,
            // A 304 often omits validators; the ones sent stay valid.
            etag: notModified ? (etag ?? request.etag) : etag,
            lastModified: notModified ? (lastModified ?? request.lastModified) : lastModified,
            notModified: notModified,
            body: notModified ? Data() : body,
            elapsed: infoSeconds(CURLINFO_TOTAL_TIME_T)))
    }
}
