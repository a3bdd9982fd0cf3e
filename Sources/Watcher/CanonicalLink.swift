/// The canonical form of the plain links almost every item has (`http(s)://host[:port]/path[?a=b]`),
/// computed on bytes. `URLComponents` gave the same result at a twentieth of a pass's CPU; anything
/// this does not recognise as plain goes to `Identity.canonicalLinkThroughFoundation`, and
/// `CanonicalLinkTests` checks the two agree, since a different answer would change every stored
/// item identity.
enum CanonicalLink {
    static func simple(_ link: String) -> String? {
        var link = link
        return link.withUTF8 { simple(bytes: $0) }
    }

    private static func simple(bytes b: UnsafeBufferPointer<UInt8>) -> String? {
        // scheme: http or https, any case
        var i = 0
        guard let colon = b.firstIndex(of: UInt8(ascii: ":")), colon == 4 || colon == 5 else { return nil }
        var scheme = [UInt8]()
        while i < colon { scheme.append(b[i] | 0x20); i += 1 }
        let isHTTPS: Bool
        switch scheme {
        case Array("http".utf8): isHTTPS = false
        case Array("https".utf8): isHTTPS = true
        default: return nil
        }
        guard colon + 2 < b.count, b[colon + 1] == UInt8(ascii: "/"), b[colon + 2] == UInt8(ascii: "/") else { return nil }
        i = colon + 3
        // host: letters, digits, dots and hyphens only (no user info, IPv6, IDN or escapes)
        let hostStart = i
        while i < b.count, isHostByte(b[i]) { i += 1 }
        guard i > hostStart else { return nil }
        let hostEnd = i
        // port: 1-5 digits without a leading zero
        var port: Int?
        if i < b.count, b[i] == UInt8(ascii: ":") {
            i += 1
            let start = i
            var value = 0
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { value = value * 10 + Int(b[i] - 0x30); i += 1 }
            guard i > start, i - start <= 5, b[start] != 0x30, value <= 65535 else { return nil }
            port = value
        }
        guard i == b.count || b[i] == UInt8(ascii: "/") || b[i] == UInt8(ascii: "?") || b[i] == UInt8(ascii: "#") else { return nil }
        let pathStart = i
        while i < b.count, b[i] != UInt8(ascii: "?"), b[i] != UInt8(ascii: "#") {
            guard isPathByte(b[i]) || isEscape(b, at: i) else { return nil }
            i += 1
        }
        let pathEnd = i
        var queryRange: Range<Int>?
        if i < b.count, b[i] == UInt8(ascii: "?") {
            i += 1
            let start = i
            while i < b.count, b[i] != UInt8(ascii: "#") {
                // Escapes and `+` may be rewritten by URLComponents' query items: leave them to it.
                guard isPlainQueryByte(b[i]) else { return nil }
                i += 1
            }
            guard !needsQueryItems(b, start..<i) else { return nil }
            queryRange = start..<i
        }
        if i < b.count {  // a fragment: dropped, but it must be one URLComponents accepts
            i += 1
            while i < b.count {
                guard isPathByte(b[i]) || b[i] == UInt8(ascii: "?") || isEscape(b, at: i) else { return nil }
                i += 1
            }
        }

        var out = [UInt8]()
        out.reserveCapacity(b.count + 1)
        out.append(contentsOf: isHTTPS ? Array("https://".utf8) : Array("http://".utf8))
        for k in hostStart..<hostEnd { out.append(b[k] >= 0x41 && b[k] <= 0x5A ? b[k] | 0x20 : b[k]) }
        if let port, port != (isHTTPS ? 443 : 80) {
            out.append(UInt8(ascii: ":"))
            out.append(contentsOf: Array(String(port).utf8))
        }
        if pathEnd == pathStart { out.append(UInt8(ascii: "/")) } else { out.append(contentsOf: b[pathStart..<pathEnd]) }
        if let q = queryRange, !q.isEmpty {
            out.append(UInt8(ascii: "?"))
            out.append(contentsOf: b[q])
        } else if queryRange != nil {
            return nil  // "?" with nothing after it: let URLComponents decide what that means
        }
        return String(decoding: out, as: UTF8.self)
    }

    @inline(__always) private static func isAlnum(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
    }

    @inline(__always) private static func isHostByte(_ c: UInt8) -> Bool {
        isAlnum(c) || c == UInt8(ascii: ".") || c == UInt8(ascii: "-")
    }

    /// RFC 3986 pchar and "/" (unreserved, sub-delims, ":", "@"), without "%".
    @inline(__always) private static func isPathByte(_ c: UInt8) -> Bool {
        if isAlnum(c) { return true }
        switch c {
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"),
             UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("),
             UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"),
             UInt8(ascii: "="), UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "/"):
            return true
        default:
            return false
        }
    }

    /// Query bytes that survive URLComponents' split into items and back unchanged.
    @inline(__always) private static func isPlainQueryByte(_ c: UInt8) -> Bool {
        isAlnum(c) || c == UInt8(ascii: "-") || c == UInt8(ascii: ".") || c == UInt8(ascii: "_")
            || c == UInt8(ascii: "~") || c == UInt8(ascii: "=") || c == UInt8(ascii: "&")
    }

    @inline(__always) private static func isEscape(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        func hex(_ c: UInt8) -> Bool { (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66) }
        return b[i] == UInt8(ascii: "%") && i + 2 < b.count && hex(b[i + 1]) && hex(b[i + 2])
    }

    /// A query item the slow path would remove (utm_*, spm) or rewrite (a second "=" in it is
    /// escaped), or an empty one.
    private static func needsQueryItems(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        var start = r.lowerBound
        while start <= r.upperBound {
            var end = start
            while end < r.upperBound, b[end] != UInt8(ascii: "&") { end += 1 }
            var nameEnd = start
            while nameEnd < end, b[nameEnd] != UInt8(ascii: "=") { nameEnd += 1 }
            let name = Array(b[start..<nameEnd]).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            if name.isEmpty || name.starts(with: Array("utm_".utf8)) || name == Array("spm".utf8) { return true }
            if nameEnd < end, b[(nameEnd + 1)..<end].contains(UInt8(ascii: "=")) { return true }
            start = end + 1
        }
        return false
    }
}
