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
    var textContent: String {
        // Most feed fields hold one text or CDATA node: read it in place instead of having
        // libxml2 concatenate a copy.
        if pointee.type == XML_ELEMENT_NODE {
            guard let first = pointee.children else { return "" }
            if first.pointee.next == nil, first.pointee.type == XML_TEXT_NODE || first.pointee.type == XML_CDATA_SECTION_NODE {
                return first.pointee.content.map { String(cString: $0) } ?? ""
            }
        }
        guard let v = xmlNodeGetContent(self) else { return "" }
        defer { cw_xml_free(v) }
        return String(cString: v)
    }

    /// `textContent` as UTF-8 bytes, without building (and validating) a String first.
    var textBytes: [UInt8] {
        if pointee.type == XML_ELEMENT_NODE {
            guard let first = pointee.children else { return [] }
            if first.pointee.next == nil, first.pointee.type == XML_TEXT_NODE || first.pointee.type == XML_CDATA_SECTION_NODE {
                guard let c = first.pointee.content else { return [] }
                return Array(UnsafeBufferPointer(start: c, count: strlen(UnsafeRawPointer(c).assumingMemoryBound(to: CChar.self))))
            }
        }
        guard let v = xmlNodeGetContent(self) else { return [] }
        defer { cw_xml_free(v) }
        return Array(UnsafeBufferPointer(start: v, count: strlen(UnsafeRawPointer(v).assumingMemoryBound(to: CChar.self))))
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
