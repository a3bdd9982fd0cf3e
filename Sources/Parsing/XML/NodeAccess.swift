import Foundation
import CLibXML2

/// Small, allocation-light accessors over libxml2 nodes, so feed parsing walks the tree once
/// instead of running an XPath query per field.
extension UnsafeMutablePointer where Pointee == xmlNode {
    var isElement: Bool { pointee.type == XML_ELEMENT_NODE }

    var localName: String { pointee.name.map { String(cString: $0) } ?? "" }

    /// The namespace URI, or "" for none.
    var namespace: String {
        guard let ns = pointee.ns, let href = ns.pointee.href else { return "" }
        return String(cString: href)
    }

    var prefix: String? {
        guard let ns = pointee.ns, let p = ns.pointee.prefix else { return nil }
        return String(cString: p)
    }

    var elementChildren: [XMLNode] {
        var out = [XMLNode]()
        var c = pointee.children
        while let n = c {
            if n.pointee.type == XML_ELEMENT_NODE { out.append(n) }
            c = n.pointee.next
        }
        return out
    }

    /// Attribute value by local name, whatever its namespace.
    func attribute(_ name: String) -> String? {
        guard let v = xmlGetProp(self, name) else { return nil }
        defer { cw_xml_free(v) }
        return String(cString: v)
    }

    /// The concatenated text of the node and its descendants (its XPath string value).
    ///
    /// Walked here rather than with `xmlNodeGetContent`, which expands every entity reference in
    /// full: a feed declaring one 100 KB entity and referencing it 20,000 times (or the billion
    /// laughs) would become gigabytes. References are followed, but the text stops growing at
    /// `maxTextBytes`.
    var textContent: String {
        var out = [UInt8]()
        var budget = XMLTextLimits.maxTextBytes
        // An explicit stack: a hostile document may nest deeply.
        var stack: [XMLNode] = [self]
        var entityVisits = 0
        while let n = stack.popLast(), budget > 0 {
            switch n.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let c = n.pointee.content {
                    let len = min(strlen(c), budget)
                    c.withMemoryRebound(to: UInt8.self, capacity: len) { out.append(contentsOf: UnsafeBufferPointer(start: $0, count: len)) }
                    budget -= len
                }
                continue
            case XML_ENTITY_REF_NODE:
                entityVisits += 1
                if entityVisits > XMLTextLimits.maxEntityReferences { continue }
                // The entity declaration's own children hold its replacement text.
                guard let ent = xmlGetDocEntity(n.pointee.doc, n.pointee.name) else { continue }
                var kids: [XMLNode] = []
                var c = ent.pointee.children
                while let k = c { kids.append(k); c = k.pointee.next }
                stack.append(contentsOf: kids.reversed())
                continue
            case XML_ELEMENT_NODE, XML_DOCUMENT_NODE, XML_HTML_DOCUMENT_NODE, XML_DOCUMENT_FRAG_NODE, XML_ENTITY_DECL:
                var kids: [XMLNode] = []
                var c = n.pointee.children
                while let k = c { kids.append(k); c = k.pointee.next }
                stack.append(contentsOf: kids.reversed())
            case XML_ATTRIBUTE_NODE:
                if let v = xmlNodeGetContent(n) {
                    defer { cw_xml_free(v) }
                    return String(decoding: Array(String(cString: v).utf8.prefix(XMLTextLimits.maxTextBytes)), as: UTF8.self)
                }
                return ""
            default:
                continue
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The effective base URI (nested xml:base, HTML `<base href>`, then the document URL).
    var baseURI: String? {
        guard let v = xmlNodeGetBase(pointee.doc, self) else { return nil }
        defer { cw_xml_free(v) }
        return String(cString: v)
    }

    /// The children serialised as markup (for inline XHTML content).
    var innerXML: String {
        guard let buf = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buf) }
        var c = pointee.children
        while let n = c {
            xmlNodeDump(buf, pointee.doc, n, 0, 0)
            c = n.pointee.next
        }
        guard let content = xmlBufferContent(buf) else { return "" }
        return String(cString: content)
    }
}

/// Bounds on text taken out of a hostile document.
enum XMLTextLimits {
    /// One field's text (a title, a summary, a page's content) never grows past this.
    static let maxTextBytes = 4 * 1024 * 1024
    /// Entity references followed while collecting one field's text.
    static let maxEntityReferences = 10_000
}
