import Foundation
import CLibXML2

/// Renders a DOM subtree as text, one block per line, the way a reader sees it: block elements
/// start new lines, script/style/noscript and comments are dropped, whitespace inside a line is
/// collapsed, NFKC applied, empty lines dropped.
enum HTMLText {
    static let blockElements: Set<String> = [
        "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "br", "table", "section", "article",
        "ul", "ol", "dd", "dt", "dl", "blockquote", "pre", "header", "footer", "nav", "aside", "main",
        "form", "fieldset", "figure", "figcaption", "hr", "address", "caption", "tbody", "thead", "tfoot",
        "body", "html", "title", "option",
    ]
    static let hiddenElements: Set<String> = ["script", "style", "noscript", "template", "head"]

    static func render(_ node: XMLNode) -> String {
        render([node])
    }

    static func render(_ nodes: [XMLNode]) -> String {
        var lines = [String]()
        var current = ""
        func flush() {
            let line = TextNormalizer.plain(current)
            if !line.isEmpty { lines.append(line) }
            current = ""
        }
        func walk(_ n: XMLNode) {
            switch n.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let c = n.pointee.content { current += String(cString: c) }
            case XML_ATTRIBUTE_NODE:
                current += n.textContent
            case XML_ELEMENT_NODE, XML_DOCUMENT_NODE, XML_HTML_DOCUMENT_NODE:
                let name = n.pointee.type == XML_ELEMENT_NODE ? n.localName.lowercased() : ""
                if hiddenElements.contains(name) { return }
                let block = blockElements.contains(name)
                if block { flush() }
                // Cells of one row stay on one line, but their words must not run together.
                if name == "td" || name == "th" { current += " " }
                var c = n.pointee.children
                while let child = c {
                    walk(child)
                    c = child.pointee.next
                }
                if block { flush() }
            case XML_ENTITY_REF_NODE:
                current += n.textContent
            default:
                break
            }
        }
        for n in nodes { walk(n); flush() }
        return lines.joined(separator: "\n")
    }
}
