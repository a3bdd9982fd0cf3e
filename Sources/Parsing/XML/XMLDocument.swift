import Foundation
import CLibXML2

typealias XMLNode = UnsafeMutablePointer<xmlNode>

private let libxmlReady: Bool = {
    // libxml2 must be initialised once, before threads use it concurrently.
    xmlInitParser()
    return true
}()

/// Owns one libxml2 tree (freed on deinit) and evaluates XPath against it.
final class XMLDocument {
    let doc: xmlDocPtr
    /// False when libxml2 had to recover from errors to build the tree.
    let wellFormed: Bool
    private var xpathContext: xmlXPathContextPtr?

    private init(doc: xmlDocPtr, wellFormed: Bool) {
        self.doc = doc
        self.wellFormed = wellFormed
    }

    deinit {
        if let xpathContext { xmlXPathFreeContext(xpathContext) }
        xmlFreeDoc(doc)
    }

    /// Parses UTF-8 bytes as XML. The encoding is forced to UTF-8 (we transcoded already), so the
    /// document's own declaration cannot make libxml2 convert a second time.
    /// Never XML_PARSE_NOENT (it would expand external entities: local file reads) nor
    /// XML_PARSE_HUGE (a hostile feed could then exhaust memory).
    static func xml(_ utf8: [UInt8], url: String) -> XMLDocument? {
        utf8.withUnsafeBufferPointer { xml($0, url: url) }
    }

    static func xml(_ buf: UnsafeBufferPointer<UInt8>, url: String) -> XMLDocument? {
        _ = libxmlReady
        cw_xml_silence_errors()
        guard let ctxt = xmlNewParserCtxt() else { return nil }
        defer { xmlFreeParserCtxt(ctxt) }
        let options = XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue
            | XML_PARSE_IGNORE_ENC.rawValue
        guard let base = buf.baseAddress, buf.count > 0, buf.count < Int(Int32.max) else { return nil }
        let doc: xmlDocPtr? = base.withMemoryRebound(to: CChar.self, capacity: buf.count) {
            xmlCtxtReadMemory(ctxt, $0, Int32(buf.count), url, "UTF-8", Int32(bitPattern: options))
        }
        guard let doc else { return nil }
        // Namespace errors (an undeclared prefix) only clear nsWellFormed.
        return XMLDocument(doc: doc, wellFormed: ctxt.pointee.wellFormed != 0 && ctxt.pointee.nsWellFormed != 0)
    }

    /// Parses UTF-8 bytes as HTML (the lenient HTML parser; never fails on tag soup), reading them
    /// in place (a body that was already UTF-8 is not copied).
    static func html(_ buf: UnsafeBufferPointer<UInt8>, url: String) -> XMLDocument? {
        _ = libxmlReady
        cw_xml_silence_errors()
        let options = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
        guard buf.count < Int(Int32.max) else { return nil }
        guard let base = buf.baseAddress, buf.count > 0 else {
            return Array("<html></html>".utf8).withUnsafeBufferPointer { html($0, url: url) }
        }
        let doc: htmlDocPtr? = base.withMemoryRebound(to: CChar.self, capacity: buf.count) {
            htmlReadMemory($0, Int32(buf.count), url, "UTF-8", Int32(bitPattern: options))
        }
        guard let doc else { return nil }
        return XMLDocument(doc: doc, wellFormed: true)
    }

    var root: XMLNode? { xmlDocGetRootElement(doc) }

    private func context() -> xmlXPathContextPtr {
        if let xpathContext { return xpathContext }
        let ctx = xmlXPathNewContext(doc)!
        xpathContext = ctx
        return ctx
    }

    /// Compiles an XPath expression; an invalid one is the user's configuration error.
    static func compile(_ expression: String) throws -> xmlXPathCompExprPtr {
        cw_xml_silence_errors()
        guard let comp = xmlXPathCompile(expression) else {
            throw ParseError.invalidSelector(expression: expression, reason: "not a valid XPath expression")
        }
        return comp
    }

    enum Value {
        case nodes([XMLNode])
        case text(String)
    }

    /// Evaluates `expression` with `node` as the context node (the document when nil).
    func evaluate(_ expression: String, at node: XMLNode? = nil) throws -> Value {
        try evaluate(XPath(expression), at: node)
    }

    /// Evaluates a compiled expression (reused for every item of a list page).
    func evaluate(_ xpath: XPath, at node: XMLNode? = nil) throws -> Value {
        let comp = xpath.compiled
        let expression = xpath.expression
        let ctx = context()
        ctx.pointee.node = node ?? UnsafeMutableRawPointer(doc).assumingMemoryBound(to: xmlNode.self)
        guard let obj = xmlXPathCompiledEval(comp, ctx) else {
            throw ParseError.invalidSelector(expression: expression, reason: "the expression cannot be evaluated")
        }
        defer { xmlXPathFreeObject(obj) }
        switch obj.pointee.type {
        case XPATH_NODESET:
            var result = [XMLNode]()
            if let set = obj.pointee.nodesetval, let tab = set.pointee.nodeTab {
                let n = Int(set.pointee.nodeNr)
                result.reserveCapacity(n)
                for i in 0..<n { if let nd = tab[i] { result.append(nd) } }
            }
            return .nodes(result)
        default:
            guard let s = xmlXPathCastToString(obj) else { return .text("") }
            defer { cw_xml_free(s) }
            return .text(String(cString: s))
        }
    }

    func nodes(_ xpath: XPath, at node: XMLNode? = nil) throws -> [XMLNode] {
        switch try evaluate(xpath, at: node) {
        case .nodes(let n): return n
        case .text: throw ParseError.invalidSelector(expression: xpath.expression, reason: "does not select nodes")
        }
    }
}

/// A compiled XPath expression. Compiling cost more than evaluating, and a list page evaluates the
/// same title, link and date expressions for each of its items. Used by one thread at a time.
final class XPath {
    let expression: String
    let compiled: xmlXPathCompExprPtr

    init(_ expression: String) throws {
        self.expression = expression
        compiled = try XMLDocument.compile(expression)
    }

    deinit { xmlXPathFreeCompExpr(compiled) }
}
