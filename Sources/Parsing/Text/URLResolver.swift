import Foundation
import CLibXML2

/// Relative references → absolute URLs (RFC 3986), against xml:base, `<base href>` or the page URL.
enum URLResolver {
    static func resolve(_ reference: String, against base: String?) -> String {
        normalizeHost(resolveRaw(reference, against: base))
    }

    /// Host names are case-insensitive; lower-casing them (as browsers and the WHATWG URL
    /// standard do) keeps one link one string ("www.Dicas-L.com.br" = "www.dicas-l.com.br").
    static func normalizeHost(_ url: String) -> String {
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

    private static func resolveRaw(_ reference: String, against base: String?) -> String {
        let ref = reference.trimmingCharacters(in: .whitespacesAndNewlines)
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
