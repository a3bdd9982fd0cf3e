import Foundation
import CLibXML2

/// Byte-level fixes for the commonest ways feeds break XML, applied only when libxml2 reported
/// an error: HTML named entities (`&nbsp;`) become numeric references, bare `&` becomes `&amp;`.
/// CDATA sections and comments are copied untouched.
enum XMLRepair {
    private static let xmlEntities: Set<String> = ["amp", "lt", "gt", "quot", "apos"]

    static func repair(_ u: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(u.count + 64)
        var i = 0
        let n = u.count
        let cdataOpen = Array("<![CDATA[".utf8), cdataClose = Array("]]>".utf8)
        let commentOpen = Array("<!--".utf8), commentClose = Array("-->".utf8)
        while i < n {
            let b = u[i]
            if b == UInt8(ascii: "<") {
                for (open, close) in [(cdataOpen, cdataClose), (commentOpen, commentClose)] where hasPrefix(u, open, at: i) {
                    let end = find(u, close, from: i + open.count).map { $0 + close.count } ?? n
                    out.append(contentsOf: u[i..<end])
                    i = end
                    break
                }
                if i < n, u[i] == UInt8(ascii: "<") { out.append(b); i += 1 }
                continue
            }
            guard b == UInt8(ascii: "&") else { out.append(b); i += 1; continue }
            if let end = TextNormalizer.entityEnd(u, i) {
                let body = u[(i + 1)..<(end - 1)]
                let name = String(decoding: body, as: UTF8.self)
                if body.first == UInt8(ascii: "#") || xmlEntities.contains(name) {
                    out.append(contentsOf: u[i..<end])
                    // "&#X41;": HTML reads an upper-case X, XML wants a lower-case one.
                    if body.count > 1, body[body.startIndex + 1] == UInt8(ascii: "X") { out[out.count - (end - i) + 2] = UInt8(ascii: "x") }
                } else if let scalar = TextNormalizer.entityValue(body) {
                    out.append(contentsOf: Array("&#\(scalar.value);".utf8))
                } else {
                    out.append(contentsOf: Array("&amp;".utf8))
                    out.append(contentsOf: u[(i + 1)..<end])
                }
                i = end
            } else {
                out.append(contentsOf: Array("&amp;".utf8))
                i += 1
            }
        }
        return out
    }

    /// True when the body holds fewer end tags for this element name than there are such
    /// elements, i.e. the last one was cut off.
    static func isUnclosed(_ node: XMLNode, in u: [UInt8], count: Int) -> Bool {
        let qname = (node.prefix.map { $0 + ":" } ?? "") + node.localName
        let pattern = Array("</\(qname)".utf8)
        var closes = 0
        var i = 0
        while let p = find(u, pattern, from: i) {
            let after = p + pattern.count
            if after >= u.count || [UInt8(ascii: ">"), 0x20, 0x09, 0x0A, 0x0D].contains(u[after]) { closes += 1 }
            i = after
        }
        return closes < count
    }

    static func hasPrefix(_ u: [UInt8], _ p: [UInt8], at i: Int) -> Bool {
        guard i + p.count <= u.count else { return false }
        for k in 0..<p.count where u[i + k] != p[k] { return false }
        return true
    }

    static func find(_ u: [UInt8], _ p: [UInt8], from start: Int) -> Int? {
        guard !p.isEmpty, start >= 0, start + p.count <= u.count else { return nil }
        let first = p[0]
        var i = start
        let last = u.count - p.count
        while i <= last {
            if u[i] == first, hasPrefix(u, p, at: i) { return i }
            i += 1
        }
        return nil
    }
}
