import Foundation
import CLibXML2
import Model

/// Text constructs (Atom title/summary/content, and inline XHTML in RSS) → plain text.
enum FeedText {
    /// Atom 1.0 `type` (text, html, xhtml, or a MIME type) and Atom 0.3 `mode` (xml, escaped, base64).
    static func construct(_ node: XMLNode) -> String {
        let type = (node.attribute("type") ?? "text").lowercased().trimmedWhitespace()
        let mode = node.attribute("mode")?.lowercased()
        if mode == "base64" || (type.contains("/") && !type.hasPrefix("text/") && !type.contains("xml") && looksBase64(node)) {
            let raw = node.textContent.filter { !$0.isWhitespace }
            guard let data = Data(base64Encoded: raw, options: .ignoreUnknownCharacters) else { return "" }
            let decoded = String(decoding: data, as: UTF8.self)
            return isHTMLType(type) ? TextNormalizer.fromHTML(decoded) : TextNormalizer.maybeHTML(decoded)
        }
        if type == "xhtml" || type == "application/xhtml+xml" || (mode == "xml" && isHTMLType(type)) {
            return xhtml(node)
        }
        if isHTMLType(type) || mode == "escaped" {
            return TextNormalizer.fromHTML(node.textContent)
        }
        if type == "text" || type == "text/plain" {
            // Inline markup in a text construct is a publisher's mistake; show its text.
            return node.elementChildren.isEmpty ? TextNormalizer.plain(node.textContent) : xhtml(node)
        }
        return TextNormalizer.plain(node.textContent)
    }

    static func isHTMLType(_ type: String) -> Bool {
        type == "html" || type == "text/html"
    }

    private static func looksBase64(_ node: XMLNode) -> Bool {
        let t = node.textContent.filter { !$0.isWhitespace }
        return !t.isEmpty && t.count % 4 == 0 && t.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+/=".contains($0)) }
    }

    /// Inline XHTML: the text of the element tree, blocks separated by spaces.
    static func xhtml(_ node: XMLNode) -> String {
        TextNormalizer.plain(HTMLText.render(node).newlinesAsSpaces)
    }
}
