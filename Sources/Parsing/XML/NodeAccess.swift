import Foundation
import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

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

    /// The element children, walked lazily: no array per node, and `first(where:)` stops early
    /// (a channel can hold tens of thousands of items).
    var elementChildren: ElementChildren { ElementChildren(first: pointee.children) }

    /// Whether the element's local name is `name`, compared in C without building a String.
    func isNamed(_ name: String) -> Bool {
        guard let n = pointee.name else { return false }
        return strcmp(UnsafeRawPointer(n).assumingMemoryBound(to: CChar.self), name) == 0
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
        String(decoding: textBytes, as: UTF8.self)
    }

    /// `textContent` as UTF-8 bytes, without building (and validating) a String first.
    var textBytes: [UInt8] {
        // Most feed fields hold one text or CDATA node: read it in place.
        if pointee.type == XML_ELEMENT_NODE {
            guard let first = pointee.children else { return [] }
            if first.pointee.next == nil, first.pointee.type == XML_TEXT_NODE || first.pointee.type == XML_CDATA_SECTION_NODE {
                guard let c = first.pointee.content else { return [] }
                let len = min(strlen(UnsafeRawPointer(c).assumingMemoryBound(to: CChar.self)), XMLTextLimits.maxTextBytes)
                return Array(UnsafeBufferPointer(start: c, count: len))
            }
        }
        var out = [UInt8]()
        var budget = XMLTextLimits.maxTextBytes
        // An explicit stack: a hostile document may nest deeply.
        var stack: [XMLNode] = [self]
        var entityVisits = 0
        while let n = stack.popLast(), budget > 0 {
            switch n.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let c = n.pointee.content {
                    let len = min(strlen(UnsafeRawPointer(c).assumingMemoryBound(to: CChar.self)), budget)
                    out.append(contentsOf: UnsafeBufferPointer(start: c, count: len))
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
                guard let v = xmlNodeGetContent(n) else { return [] }
                defer { cw_xml_free(v) }
                let len = min(strlen(UnsafeRawPointer(v).assumingMemoryBound(to: CChar.self)), XMLTextLimits.maxTextBytes)
                return Array(UnsafeBufferPointer(start: v, count: len))
            default:
                continue
            }
        }
        return out
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

struct ElementChildren: Sequence, IteratorProtocol {
    var next_: UnsafeMutablePointer<xmlNode>?

    init(first: UnsafeMutablePointer<xmlNode>?) { next_ = first }

    mutating func next() -> UnsafeMutablePointer<xmlNode>? {
        while let n = next_ {
            next_ = n.pointee.next
            if n.pointee.type == XML_ELEMENT_NODE { return n }
        }
        return nil
    }

    var isEmpty: Bool { var copy = self; return copy.next() == nil }
}

/// Bounds on text taken out of a hostile document.
enum XMLTextLimits {
    /// One field's text (a title, a summary, a page's content) never grows past this.
    static let maxTextBytes = 4 * 1024 * 1024
    /// Entity references followed while collecting one field's text.
    static let maxEntityReferences = 10_000
}
