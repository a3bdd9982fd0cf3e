import Foundation
import CLibXML2

/// Relative references → absolute URLs (RFC 3986), against xml:base, `<base href>` or the page URL.
enum URLResolver {
    static func resolve(_ reference: String, against base: String?) -> String {
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
