import CCurl
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Drives a multi handle through libcurl's socket interface with epoll: libcurl says which
/// sockets to watch and when its next timeout is, and only the transfers whose sockets are ready
/// are processed. `curl_multi_perform` with `curl_multi_poll` walked every running transfer and
/// polled every socket on each wake-up, which grew with the number of transfers in flight (a
/// pass with 128 transfers at once spent a fifth of its CPU there).
final class SocketEvents {
    private let multi: UnsafeMutableRawPointer
    private let epoll: Int32
    /// libcurl's requested timeout in ms (-1: none).
    private var timeoutMs = -1
    private var timeoutSetAt = DispatchTime.now()
    /// Descriptors registered with epoll (as far as this object knows: the kernel drops a
    /// descriptor by itself when it is closed).
    private var watched = Set<curl_socket_t>()
    /// Registered descriptors libcurl no longer asks about: a kept-alive connection between two
    /// transfers. They stay registered, since the next transfer on the connection asks again,
    /// and a removal and re-adding cost two system calls per request.
    private var idle = Set<curl_socket_t>()
    /// How many times `step` waited on epoll: a loop that spins on a socket nobody reads shows here.
    private(set) var waits = 0

    init?(multi: UnsafeMutableRawPointer) {
        let fd = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard fd >= 0 else { return nil }
        self.multi = multi
        epoll = fd
        let me = Unmanaged.passUnretained(self).toOpaque()
        cw_multi_setopt_pointer(multi, CURLMOPT_SOCKETDATA, me)
        cw_multi_setopt_pointer(multi, CURLMOPT_TIMERDATA, me)
        cw_multi_setopt_socket_cb(multi) { _, socket, what, userp, _ in
            guard let userp else { return 0 }
            Unmanaged<SocketEvents>.fromOpaque(userp).takeUnretainedValue().watch(socket, what)
            return 0
        }
        cw_multi_setopt_timer_cb(multi) { _, ms, userp in
            guard let userp else { return 0 }
            let events = Unmanaged<SocketEvents>.fromOpaque(userp).takeUnretainedValue()
            events.timeoutMs = Int(ms)
            events.timeoutSetAt = DispatchTime.now()
            return 0
        }
    }

    /// Detaches from the multi handle, which outlives this loop (its connection cache is reused
    /// by the next batch): libcurl must never call back into a freed object.
    func close() {
        cw_multi_setopt_socket_cb(multi, nil)
        cw_multi_setopt_timer_cb(multi, nil)
        cw_multi_setopt_pointer(multi, CURLMOPT_SOCKETDATA, nil)
        cw_multi_setopt_pointer(multi, CURLMOPT_TIMERDATA, nil)
        Glibc.close(epoll)
    }

    private func watch(_ socket: curl_socket_t, _ what: Int32) {
        if what == CURL_POLL_REMOVE {
            if watched.contains(socket) { idle.insert(socket) }
            return
        }
        idle.remove(socket)
        var ev = epoll_event()
        var mask: UInt32 = 0
        if what & CURL_POLL_IN != 0 { mask |= EPOLLIN.rawValue }
        if what & CURL_POLL_OUT != 0 { mask |= EPOLLOUT.rawValue }
        ev.events = mask
        ev.data.fd = socket
        // A kept-alive connection stays registered between its transfers (`idle`), so the next
        // one is a MOD. The other operation remains the fallback, as the kernel drops a closed
        // descriptor by itself and the number can come back for a new connection.
        let known = watched.contains(socket)
        if epoll_ctl(epoll, known ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, socket, &ev) != 0 {
            _ = epoll_ctl(epoll, known ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, socket, &ev)
        }
        watched.insert(socket)
    }

    private func forget(_ socket: curl_socket_t) {
        idle.remove(socket)
        if watched.remove(socket) != nil { _ = epoll_ctl(epoll, EPOLL_CTL_DEL, socket, nil) }
    }

    /// Lets libcurl act on whatever is due (sockets ready, or its timeout), waiting at most
    /// `maxWaitMs` for something to happen. Returns the first multi-handle error, if any.
    func step(maxWaitMs: Int) -> CURLMcode {
        var running: Int32 = 0
        let wait = remainingTimeoutMs().map { min($0, maxWaitMs) } ?? maxWaitMs
        var events = [epoll_event](repeating: epoll_event(), count: 64)
        if wait > 0 { waits += 1 }
        let n = wait == 0 ? 0 : events.withUnsafeMutableBufferPointer {
            epoll_wait(epoll, $0.baseAddress, Int32($0.count), Int32(wait))
        }
        if n > 0 {
            for e in events[0..<Int(n)] {
                if idle.contains(e.data.fd) {
                    // Readable while idle: the server closed the kept-alive connection (or sent
                    // something unasked). libcurl finds out when it next uses it; level-triggered
                    // epoll would otherwise report it on every wait.
                    forget(e.data.fd)
                    continue
                }
                var flags: Int32 = 0
                if e.events & EPOLLIN.rawValue != 0 { flags |= CURL_CSELECT_IN }
                if e.events & EPOLLOUT.rawValue != 0 { flags |= CURL_CSELECT_OUT }
                if e.events & (EPOLLERR.rawValue | EPOLLHUP.rawValue) != 0 { flags |= CURL_CSELECT_ERR }
                let mc = curl_multi_socket_action(multi, e.data.fd, flags, &running)
                if mc != CURLM_OK { return mc }
            }
        }
        if remainingTimeoutMs() == 0 {
            timeoutMs = -1
            let mc = curl_multi_socket_action(multi, CURL_SOCKET_TIMEOUT, 0, &running)
            if mc != CURLM_OK { return mc }
        }
        return CURLM_OK
    }

    /// Starts what was just added (libcurl asks for a 0 ms timeout for new transfers).
    func kick() -> CURLMcode {
        var running: Int32 = 0
        timeoutMs = -1
        return curl_multi_socket_action(multi, CURL_SOCKET_TIMEOUT, 0, &running)
    }

    private func remainingTimeoutMs() -> Int? {
        guard timeoutMs >= 0 else { return nil }
        let elapsed = Int((DispatchTime.now().uptimeNanoseconds - timeoutSetAt.uptimeNanoseconds) / 1_000_000)
        return max(0, timeoutMs - elapsed)
    }
}
