import Foundation
import CLibXML2
import Model

/// HTML (or XML) documents watched as text: the content XPath minus ignored parts, one block per line.
public enum PageExtractor {
    public static func extract(_ input: ParseInput, content: String?, ignore: [String]) throws -> ParsedDocument {
        let contentExpr = try Selector.compiled(content ?? "//body")
        let ignoreExprs = try ignore.map(Selector.compiled)
        let body = DecodedBody(input)
        guard let doc = body.withUTF8({ XMLDocument.html($0, url: input.url) }) else {
            throw ParseError.unparsable(url: input.url, reason: "the HTML parser built no tree")
        }
        // Read before `ignore` removes (and frees) nodes the scan may point at.
        let meta = HTMLMeta.Scan(doc)
        let base = HTMLMeta.baseURL(meta, pageURL: input.url)
        let title = HTMLMeta.title(meta)
        let feedLinks = HTMLMeta.feedLinks(meta, base: base)
        for expr in ignoreExprs { remove(try doc.evaluate(expr)) }

        var text = ""
        var matched = true
        switch try doc.evaluate(contentExpr) {
        case .text(let s):
            text = TextNormalizer.plain(s)
        case .nodes(var nodes):
            if nodes.isEmpty, content == nil, let root = doc.root { nodes = [root] }
            matched = !nodes.isEmpty
            text = HTMLText.render(nodes)
        }
        return ParsedDocument(format: .html, wellFormed: body.errors == 0, encoding: body.charset.name, title: title,
                              text: text, contentMatched: matched, feedLinks: feedLinks)
    }

    /// Unlinks every selected node before freeing any: when one selected node contains another,
    /// freeing the outer one first would leave the inner one dangling.
    private static func remove(_ value: XMLDocument.Value) {
        guard case .nodes(let nodes) = value else { return }
        let removable = nodes.filter {
            [XML_ELEMENT_NODE, XML_TEXT_NODE, XML_CDATA_SECTION_NODE, XML_COMMENT_NODE, XML_ATTRIBUTE_NODE].contains($0.pointee.type)
        }
        for n in removable { xmlUnlinkNode(n) }
        for n in removable {
            if n.pointee.type == XML_ATTRIBUTE_NODE {
                xmlFreeProp(UnsafeMutableRawPointer(n).assumingMemoryBound(to: xmlAttr.self))
            } else {
                xmlFreeNode(n)
            }
        }
    }
}
