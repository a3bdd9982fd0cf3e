import Foundation
import CLibXML2

/// Relative references → absolute URLs (RFC 3986), against xml:base, `<base href>` or the page URL.
enum URLResolver {
    static func resolve(_ reference: String, against base: String?) -> String {
        let ref = TextNormalizer.trim(reference)
        if isPlainAbsolute(ref) { return normalizeHost(ref) }
        return normalizeHost(resolveRaw(ref, against: base))
    }

    /// Resolves against the node's effective base (xml:base, then the document URL), which is only
    /// looked up when the reference is relative: most feed links are absolute.
    static func resolve(_ reference: String, at node: XMLNode) -> String {
        let ref = TextNormalizer.trim(reference)
        if isPlainAbsolute(ref) { return normalizeHost(ref) }
        return normalizeHost(resolveRaw(ref, against: node.baseURI))
    }

    /// "http://…" or "https://…" made only of characters valid in a URI: libxml2 would return it
    /// unchanged, so it needs no parsing.
    private static func isPlainAbsolute(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { u in
            guard u.count > 8, u[0] | 0x20 == UInt8(ascii: "h"), u[1] | 0x20 == UInt8(ascii: "t"),
                  u[2] | 0x20 == UInt8(ascii: "t"), u[3] | 0x20 == UInt8(ascii: "p") else { return false }
            var i = 4
            if u[i] | 0x20 == UInt8(ascii: "s") { i += 1 }
            guard u[i] == UInt8(ascii: ":"), u[i + 1] == UInt8(ascii: "/"), u[i + 2] == UInt8(ascii: "/") else { return false }
            for b in u[(i + 3)...] where !uriSafe[Int(b)] { return false }
            return true
        }
    }

    private static let uriSafe: [Bool] = (0..<256).map { b in
        guard b < 0x80 else { return false }
        let c = Character(Unicode.Scalar(UInt8(b)))
        return c.isLetter || c.isNumber || "-._~:/?#[]@!$&'()*+,;=%".contains(c)
    }

    /// Host names are case-insensitive; lower-casing them (as browsers and the WHATWG URL
    /// standard do) keeps one link one string ("www.Dicas-L.com.br" = "www.dicas-l.com.br").
    static func normalizeHost(_ url: String) -> String {
        // Fast path: no upper-case letter in the scheme and authority. Scanned on the contiguous
        // bytes: walking the UTF-8 view cost 30 instructions a byte, for every item's link.
        func hasUpperCase<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
            var slashes = 0
            var sawColon = false
            for b in bytes {
                if b >= 0x41 && b <= 0x5A { return true }
                if b == UInt8(ascii: ":") { sawColon = true }
                if b == UInt8(ascii: "/") { slashes += 1; if slashes == 3 { break } }
                else if sawColon && slashes == 0 && b != UInt8(ascii: ":") { break }  // "mailto:x", no authority
                if slashes == 2, b == UInt8(ascii: "?") || b == UInt8(ascii: "#") { break }
            }
            return false
        }
        let upper = url.utf8.withContiguousStorageIfAvailable { hasUpperCase($0) } ?? hasUpperCase(url.utf8)
        return upper ? normalizeHostSlow(url) : url
    }

    private static func normalizeHostSlow(_ url: String) -> String {
        guard let sep = url.range(of: "://") else { return url }
        let scheme = url[..<sep.lowerBound]
        guard scheme.allSatisfy({ $0.isASCII && $0.isLetter }) else { return url }
        let authorityEnd = url[sep.upperBound...].firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? url.endIndex
        let authority = url[sep.upperBound..<authorityEnd]
        let hostStart = authority.lastIndex(of: "@").map { authority.index(after: $0) } ?? authority.startIndex
        let host = authority[hostStart...]
        guard host.contains(where: { $0.isASCII && $0.isUppercase }) || scheme.contains(where: \.isUppercase) else { return url }
        return scheme.lowercased() + "://" + authority[..<hostStart] + host.lowercased() + url[authorityEnd...]
    }

    private static func resolveRaw(_ ref: String, against base: String?) -> String {
        guard let base, !base.isEmpty else { return ref }
        if let built = build(ref, base) { return built }
        // libxml2 rejects references with spaces or raw non-ASCII; percent-encode those and retry.
        let escaped = ref.addingPercentEncoding(withAllowedCharacters: allowed) ?? ref
        if let built = build(escaped, base) { return built }
        if let url = URL(string: escaped, relativeTo: URL(string: base)) { return url.absoluteString }
        return ref
    }

    private static let allowed: CharacterSet = {
        var s = CharacterSet.urlQueryAllowed
        s.insert(charactersIn: "#%")
        return s
    }()

    private static func build(_ ref: String, _ base: String) -> String? {
        guard let v = xmlBuildURI(ref, base) else { return nil }
        defer { cw_xml_free(v) }
        return String(cString: v)
    }
}
