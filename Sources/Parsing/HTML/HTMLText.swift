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
        // Text is gathered as UTF-8 bytes and element names are classified from their bytes: a
        // String per text node and a lower-cased String and two Set lookups per element were
        // most of rendering a page.
        var lines = [String]()
        var current: [UInt8] = []
        func flush() {
            let line = TextNormalizer.plain(bytes: current)
            if !line.isEmpty { lines.append(line) }
            current.removeAll(keepingCapacity: true)
        }
        func walk(_ n: XMLNode) {
            switch n.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let c = n.pointee.content {
                    current.append(contentsOf: UnsafeBufferPointer(start: c, count: strlen(UnsafeRawPointer(c).assumingMemoryBound(to: CChar.self))))
                }
            case XML_ATTRIBUTE_NODE, XML_ENTITY_REF_NODE:
                current += n.textBytes
            case XML_ELEMENT_NODE, XML_DOCUMENT_NODE, XML_HTML_DOCUMENT_NODE:
                let kind = n.pointee.type == XML_ELEMENT_NODE ? ElementKind.of(n.pointee.name) : .inline
                if kind == .hidden { return }
                let block = kind == .block
                if block { flush() }
                // Cells of one row stay on one line, but their words must not run together.
                if kind == .cell { current.append(0x20) }
                var c = n.pointee.children
                while let child = c {
                    walk(child)
                    c = child.pointee.next
                }
                if block { flush() }
            default:
                break
            }
        }
        for n in nodes { walk(n); flush() }
        return lines.joined(separator: "\n")
    }

    /// How an element renders, looked up by its name's lower-cased ASCII bytes packed into an
    /// integer (every name in the two sets is at most ten bytes).
    enum ElementKind {
        case block, hidden, cell, inline

        private static let table: [NameKey: ElementKind] = {
            var t: [NameKey: ElementKind] = [:]
            for name in blockElements { t[NameKey(name)] = .block }
            for name in hiddenElements { t[NameKey(name)] = .hidden }
            t[NameKey("td")] = .cell
            t[NameKey("th")] = .cell
            return t
        }()

        static func of(_ name: UnsafePointer<xmlChar>?) -> ElementKind {
            guard let name, let key = NameKey(name) else { return .inline }
            return table[key] ?? .inline
        }
    }

    /// Up to 16 bytes of a name, ASCII lower-cased; longer names and names with non-ASCII bytes
    /// have no key (no such element is in the sets).
    struct NameKey: Hashable {
        var low: UInt64 = 0, high: UInt64 = 0

        /// For the names in the sets (all ASCII, none longer than 16 bytes).
        init(_ name: String) {
            self = name.withCString { NameKey(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self))! }
        }

        init?(_ name: UnsafePointer<xmlChar>) {
            var i = 0
            while name[i] != 0 {
                let b = name[i]
                guard i < 16, b < 0x80 else { return nil }
                let lower = UInt64(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
                if i < 8 { low |= lower << (8 * UInt64(i)) } else { high |= lower << (8 * UInt64(i - 8)) }
                i += 1
            }
        }
    }
}
