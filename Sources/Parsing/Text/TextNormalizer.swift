import Foundation
#if canImport(Glibc)
import Glibc
#endif
import CLibXML2

/// Turns the text of feed fields and page nodes into what a user reads and what is compared:
/// tags stripped (for HTML), entities decoded, full-width ASCII forms folded to ASCII (what NFKC
/// does to them), NFC, whitespace collapsed.
///
/// Full NFKC is deliberately not applied: it also rewrites "…" to "...", "™" to "TM" and "²" to
/// "2", changing what the publisher wrote, and costs a full Unicode pass per field.
enum TextNormalizer {
    /// Width-folded, NFC, whitespace collapsed to single spaces, trimmed.
    static func plain(_ s: String) -> String {
        var buf = Array(s.utf8)
        let r = buf.withUnsafeMutableBufferPointer { normalize(in: $0, count: $0.count) }
        if !r.ok { return plainSlow(String(decoding: buf[0..<r.count], as: UTF8.self)) }
        return r.changed ? String(decoding: buf[0..<r.count], as: UTF8.self) : s
    }

    /// `plain` for text held as UTF-8 bytes (straight from libxml2): one String is built.
    static func plain(bytes: [UInt8]) -> String {
        var buf = bytes
        let r = buf.withUnsafeMutableBufferPointer { normalize(in: $0, count: $0.count) }
        let text = String(decoding: buf[0..<r.count], as: UTF8.self)
        return r.ok ? text : plainSlow(text)
    }

    /// Mojibake, C1 controls or combining marks present: the full treatment.
    private static func plainSlow(_ s: String) -> String {
        var t = repairMojibake(s)
        t = demoronize(t)
        if needsNFC(t) { t = t.precomposedStringWithCanonicalMapping }
        return collapse(t)
    }

    /// One pass over the first `count` bytes of `u`, in place, that collapses whitespace and
    /// folds full-width forms as `collapse` does. `ok` is false when the text may need the rarer
    /// steps (possible mojibake, C1 controls, combining marks): from there on the bytes are
    /// copied as they are and the caller finishes with `plainSlow`. `changed` is false when the
    /// bytes were already normal.
    private static func normalize(in u: UnsafeMutableBufferPointer<UInt8>, count n: Int) -> (ok: Bool, changed: Bool, count: Int) {
        var pendingSpace = false
        var changed = false
        var w = 0
        var i = 0
        /// The rare path: the rest is copied as it is, for `plainSlow` to finish.
        func copyRest() -> Int {
            if pendingSpace { u[w] = 0x20; w += 1 }
            while i < n { u[w] = u[i]; w += 1; i += 1 }
            return w
        }
        while i < n {
            // A run of bytes that need nothing: skipped in place, or moved down.
            if byteClass[Int(u[i])] == 0 {
                if pendingSpace { u[w] = 0x20; w += 1; pendingSpace = false }
                if w == i {
                    repeat { i += 1 } while i < n && byteClass[Int(u[i])] == 0
                    w = i
                } else {
                    repeat { u[w] = u[i]; w += 1; i += 1 } while i < n && byteClass[Int(u[i])] == 0
                }
                continue
            }
            let b = u[i]
            if b < 0x80 {
                if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                    if b != 0x20 || w == 0 || pendingSpace { changed = true }
                    pendingSpace = w > 0
                    i += 1
                    continue
                }
                // Other C0 controls and DEL (terminal escapes, NUL, bell) are never text.
                if b < 0x20 || b == 0x7F { changed = true; i += 1; continue }
                if pendingSpace { u[w] = 0x20; w += 1; pendingSpace = false }
                u[w] = b; w += 1; i += 1
                continue
            }
            switch b {
            case 0xC3, 0xCC...0xDF, 0xE1:
                return (false, true, copyRest())
            case 0xC2:
                guard i + 1 < n else { return (false, true, copyRest()) }
                if u[i + 1] == 0xA0 || u[i + 1] == 0x85 { changed = true; pendingSpace = w > 0; i += 2; continue }
                if u[i + 1] < 0xA0 { return (false, true, copyRest()) }  // C1 controls
            case 0xE2, 0xE3, 0xEF:
                if i + 2 < n, isUnicodeSpace(UnsafeBufferPointer(u), i, 3) { changed = true; pendingSpace = w > 0; i += 3; continue }
                // Bidi overrides and isolates are dropped (see collapseBytes).
                if i + 2 < n, isDroppedControl(UnsafeBufferPointer(u), i, 3) { changed = true; i += 3; continue }
                if b == 0xEF, i + 2 < n, u[i + 1] == 0xBC || u[i + 1] == 0xBD {
                    let v = (UInt32(u[i + 1] & 0x3F) << 6 | UInt32(u[i + 2] & 0x3F)) + 0xF000
                    if v >= 0xFF01 && v <= 0xFF5E {
                        if pendingSpace { u[w] = 0x20; w += 1; pendingSpace = false }
                        u[w] = UInt8(v - 0xFF01 + 0x21); w += 1; i += 3; changed = true
                        continue
                    }
                }
            default:
                break
            }
            // Continuation bytes (0x80–0xBF) follow their lead byte, so a pending space is only
            // ever written before a character's first byte.
            if pendingSpace { u[w] = 0x20; w += 1; pendingSpace = false }
            u[w] = b; w += 1; i += 1
        }
        if pendingSpace { changed = true }
        return (true, changed, w)
    }

    /// 0: a byte `normalize` copies as it is; 1: whitespace, control or a lead byte it looks at.
    private static let byteClass: [UInt8] = (0..<256).map { b in
        switch b {
        case 0...0x20, 0x7F, 0xC2, 0xC3, 0xCC...0xDF, 0xE1, 0xE2, 0xE3, 0xEF: return 1
        default: return 0
        }
    }

    /// Decomposed accents ("e" + U+0301) are composed so equal texts compare equal.
    private static func needsNFC(_ s: String) -> Bool {
        s.unicodeScalars.contains { $0.properties.canonicalCombiningClass != .notReordered }
    }

    /// UTF-8 text that was once decoded as Latin-1 or Windows-1252 and encoded again ("â€¦" for
    /// "…", "Ã©" for "é"). When every character is a Latin-1/Windows-1252 one and their bytes form
    /// valid UTF-8, that UTF-8 reading is what the author wrote; feedparser repairs the same way.
    /// Only readings made of Latin letters (U+00A0–U+017F) or characters from U+0800 up (quotes,
    /// dashes, CJK) are accepted, so real Latin-1 text ("CAFÉ" + no-break space) is left alone.
    static func repairMojibake(_ s: String) -> String {
        // Every Latin-1 character that can start a UTF-8 sequence (Â…ô) is encoded with lead byte C3.
        guard s.containsUTF8Byte(0xC3) else { return s }
        var bytes = [UInt8]()
        bytes.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            if u.value < 0x100 { bytes.append(UInt8(u.value)) }
            else if let b = cp1252Byte[u.value] { bytes.append(b) }
            else { return s }
        }
        guard let fixed = String(validating: bytes, as: UTF8.self) else { return s }
        for u in fixed.unicodeScalars where u.value >= 0x80 {
            if u.value < 0xA0 || (u.value > 0x17F && u.value < 0x800) { return s }
        }
        return fixed
    }

    private static let cp1252Byte: [UInt32: UInt8] = {
        var m = [UInt32: UInt8]()
        for (byte, scalar) in cp1252 { m[scalar.value] = UInt8(byte) }
        return m
    }()

    /// C1 control characters in text are Windows-1252 bytes that were decoded as Latin-1
    /// somewhere upstream ("don\u{92}t"); nobody means the control character.
    static func demoronize(_ s: String) -> String {
        // U+0080…U+009F are C2 80 … C2 9F in UTF-8.
        guard s.containsUTF8Byte(0xC2), s.unicodeScalars.contains(where: { (0x80...0x9F).contains($0.value) }) else { return s }
        var out = String.UnicodeScalarView()
        for ch in s.unicodeScalars {
            if (0x80...0x9F).contains(ch.value) { out.append(cp1252[ch.value] ?? ch) } else { out.append(ch) }
        }
        return String(out)
    }

    /// Collapses whitespace runs (including U+3000, zero-width space and BOM) to one space, trims,
    /// and folds full-width ASCII forms (Ｆ, ：, １) to ASCII, as Chinese sites mix them in.
    /// Works on the UTF-8 bytes: this runs on every field of every item.
    static func collapse(_ s: String) -> String {
        var s = s
        return s.withUTF8 { String(decoding: collapseBytes($0), as: UTF8.self) }
    }

    static func collapseBytes(_ u: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(u.count)
        var pendingSpace = false
        var i = 0
        let n = u.count
        while i < n {
            let b = u[i]
            switch b {
            case 0x20, 0x09...0x0D:
                pendingSpace = !out.isEmpty; i += 1
                continue
            case 0x00...0x1F, 0x7F:
                // Other C0 controls and DEL (terminal escapes, NUL, bell) are never text.
                i += 1
                continue
            case 0xC2, 0xE1, 0xE2, 0xE3, 0xEF:
                // Lead bytes of the Unicode spaces and of the full-width forms.
                let len = b == 0xC2 ? 2 : 3
                if isUnicodeSpace(u, i, len) { pendingSpace = !out.isEmpty; i += len; continue }
                // C1 controls, and bidi overrides and isolates (they make "gnp.exe" read as "exe.png"
                // and can reorder a whole alert line), are dropped from every field.
                if isDroppedControl(u, i, len) { i += len; continue }
                if pendingSpace { out.append(0x20); pendingSpace = false }
                // U+FF01…U+FF5E (EF BC 81 … EF BD 9E) → U+0021…U+007E.
                if b == 0xEF, i + 2 < n, u[i + 1] == 0xBC || u[i + 1] == 0xBD {
                    let v = (UInt32(u[i + 1] & 0x3F) << 6 | UInt32(u[i + 2] & 0x3F)) + 0xF000
                    if v >= 0xFF01 && v <= 0xFF5E { out.append(UInt8(v - 0xFF01 + 0x21)); i += 3; continue }
                }
                out.append(b); i += 1
            default:
                // Continuation bytes (0x80–0xBF) follow their lead byte, so a pending space
                // is only ever written before a character's first byte.
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(b); i += 1
            }
        }
        return out
    }

    /// C1 controls (U+0080–U+009F) and bidi embeddings, overrides and isolates (U+202A–U+202E,
    /// U+2066–U+2069) at `i` (a `len`-byte sequence).
    private static func isDroppedControl(_ u: UnsafeBufferPointer<UInt8>, _ i: Int, _ len: Int) -> Bool {
        guard i + len <= u.count else { return false }
        if len == 2 { return u[i] == 0xC2 && u[i + 1] >= 0x80 && u[i + 1] <= 0x9F }
        guard u[i] == 0xE2 else { return false }
        return (u[i + 1] == 0x80 && (0xAA...0xAE).contains(u[i + 2])) || (u[i + 1] == 0x81 && (0xA6...0xA9).contains(u[i + 2]))
    }

    /// Unicode whitespace outside ASCII, plus zero-width space and BOM, at `i` (a `len`-byte sequence).
    private static func isUnicodeSpace(_ u: UnsafeBufferPointer<UInt8>, _ i: Int, _ len: Int) -> Bool {
        guard i + len <= u.count else { return false }
        switch len {
        case 2: return u[i] == 0xC2 && (u[i + 1] == 0x85 || u[i + 1] == 0xA0)  // NEL, NBSP
        case 3:
            let v = UInt32(u[i] & 0x0F) << 12 | UInt32(u[i + 1] & 0x3F) << 6 | UInt32(u[i + 2] & 0x3F)
            return v == 0x1680 || (0x2000...0x200B).contains(v) || v == 0x2028 || v == 0x2029 || v == 0x202F
                || v == 0x205F || v == 0x3000 || v == 0xFEFF
        default: return false
        }
    }

    /// Leading and trailing whitespace removed (ASCII and the Unicode spaces `collapse` knows).
    static func trim(_ s: String) -> String {
        let u = s.utf8
        guard let f = u.first, let l = u.last else { return s }
        let ws: (UInt8) -> Bool = { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }
        if !ws(f) && !ws(l) && f < 0x80 && l < 0x80 { return s }
        return collapseEnds(s)
    }

    private static func collapseEnds(_ s: String) -> String {
        var sub = Substring(s)
        while let c = sub.first, c.isWhitespace || c == "\u{200B}" || c == "\u{FEFF}" { sub = sub.dropFirst() }
        while let c = sub.last, c.isWhitespace || c == "\u{200B}" || c == "\u{FEFF}" { sub = sub.dropLast() }
        return String(sub)
    }

    /// HTML markup (as found escaped in RSS descriptions or Atom type="html") → plain text.
    static func fromHTML(_ s: String) -> String {
        fromHTML(bytes: Array(s.utf8))
    }

    /// `fromHTML` for UTF-8 bytes: three in-place passes, one String.
    static func fromHTML(bytes: [UInt8]) -> String {
        var buf = bytes
        var slow = false
        let n = buf.withUnsafeMutableBufferPointer { p -> Int in
            var n = stripTags(in: p, count: p.count)
            n = decodeEntities(in: p, count: n)
            let r = normalize(in: p, count: n)
            slow = !r.ok
            return r.count
        }
        let text = String(decoding: buf[0..<n], as: UTF8.self)
        return slow ? plainSlow(text) : text
    }

    /// `maybeHTML` for UTF-8 bytes.
    static func maybeHTML(bytes: [UInt8]) -> String {
        looksLikeHTML(bytes) ? fromHTML(bytes: bytes) : plain(bytes: bytes)
    }

    /// A text/plain field that nonetheless carries markup or entities (common in RSS titles).
    static func maybeHTML(_ s: String) -> String {
        looksLikeHTML(s) ? fromHTML(s) : plain(s)
    }

    static func looksLikeHTML(_ s: String) -> Bool {
        looksLikeHTML(Array(s.utf8))
    }

    static func looksLikeHTML(_ u: [UInt8]) -> Bool {
        var i = 0
        while i < u.count {
            let b = u[i]
            if b == UInt8(ascii: "<"), i + 1 < u.count {
                let c = u[i + 1] | 0x20
                if (c >= 0x61 && c <= 0x7A) || u[i + 1] == UInt8(ascii: "/") || u[i + 1] == UInt8(ascii: "!") { return true }
            } else if b == UInt8(ascii: "&"), entityEnd(u, i) != nil {
                return true
            }
            i += 1
        }
        return false
    }

    private static let blockTags: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5", "h6",
        "section", "article", "dd", "dt", "dl", "blockquote", "pre", "hr", "header", "footer", "img",
    ]

    /// Removes tags, comments and the contents of script/style. Block-level tags become spaces so
    /// words on either side do not run together.
    static func stripTags(_ s: String) -> String {
        guard s.containsUTF8Byte(UInt8(ascii: "<")) else { return s }
        var buf = Array(s.utf8)
        let n = buf.withUnsafeMutableBufferPointer { stripTags(in: $0, count: $0.count) }
        return String(decoding: buf[0..<n], as: UTF8.self)
    }

    /// Strips tags from the first `count` bytes of `u`, writing the result over them (the text
    /// only ever shrinks); returns the new length.
    static func stripTags(in u: UnsafeMutableBufferPointer<UInt8>, count n: Int) -> Int {
        guard memchr(u.baseAddress!, Int32(UInt8(ascii: "<")), n) != nil else { return n }
        var w = 0
        var i = 0
        /// Case-insensitive match of lower-case ASCII `p` at `j`.
        func starts(_ p: [UInt8], at j: Int) -> Bool {
            guard j + p.count <= n else { return false }
            for k in 0..<p.count where (u[j + k] | (p[k] >= 0x61 ? 0x20 : 0)) != p[k] { return false }
            return true
        }
        func find(_ p: [UInt8], from j: Int) -> Int? {
            var k = j
            while k < n { if u[k] | 0x20 == p[0] | 0x20, starts(p, at: k) { return k }; k += 1 }
            return nil
        }
        let base = u.baseAddress!
        while i < n {
            // Text up to the next "<" is moved down in one go.
            let next = memchr(base + i, Int32(UInt8(ascii: "<")), n - i).map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: UInt8.self) - base } ?? n
            if next > i {
                if w != i { memmove(base + w, base + i, next - i) }
                w += next - i
                i = next
                continue
            }
            let b = u[i]
            guard i + 1 < n else { u[w] = b; w += 1; i += 1; continue }
            if starts(commentOpen, at: i) {
                i = (find(commentClose, from: i + 4).map { $0 + 3 }) ?? n
                continue
            }
            let c = u[i + 1]
            let isLetter = ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A)
            // "<!" opens markup only as a declaration (<!DOCTYPE, <![CDATA[); "<!'" is text.
            let declaration = c == UInt8(ascii: "!") && i + 2 < n && (((u[i + 2] | 0x20) >= 0x61 && (u[i + 2] | 0x20) <= 0x7A) || u[i + 2] == UInt8(ascii: "["))
            guard isLetter || c == UInt8(ascii: "/") || declaration || c == UInt8(ascii: "?") else {
                u[w] = b; w += 1; i += 1; continue
            }
            // Find the end of the tag, skipping quoted attribute values.
            var j = i + 1
            var quote: UInt8 = 0
            while j < n {
                let d = u[j]
                if quote != 0 { if d == quote { quote = 0 } }
                else if d == UInt8(ascii: "\"") || d == UInt8(ascii: "'") { quote = d }
                else if d == UInt8(ascii: ">") { break }
                j += 1
            }
            var k = i + 1
            if u[k] == UInt8(ascii: "/") { k += 1 }
            var nameEnd = k
            while nameEnd < min(j, n), ((u[nameEnd] | 0x20) >= 0x61 && (u[nameEnd] | 0x20) <= 0x7A) || (u[nameEnd] >= 0x30 && u[nameEnd] <= 0x39) { nameEnd += 1 }
            let closing = u[i + 1] == UInt8(ascii: "/")
            i = min(j + 1, n)
            let tag = TagKind(u[k..<nameEnd])
            if !closing, tag == .hidden {
                var close: [UInt8] = Array("</".utf8)
                for b in u[k..<nameEnd] { close.append(b | 0x20) }
                i = find(close, from: i).map { e in (u[e..<n].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 }) ?? n } ?? n
                continue
            }
            if tag == .block { u[w] = UInt8(ascii: " "); w += 1 }
        }
        return w
    }

    private static let commentOpen = Array("<!--".utf8), commentClose = Array("-->".utf8)

    /// What a tag name means for plain text, decided from its bytes without building a string.
    private enum TagKind {
        case block, hidden, inline
        init<C: Collection>(_ name: C) where C.Element == UInt8 {
            guard !name.isEmpty, name.count <= 10 else { self = .inline; return }
            var key: UInt64 = 0
            for b in name { key = key << 8 | UInt64(b | 0x20) }
            if TagKind.hiddenKeys.contains(key) { self = .hidden }
            else if TagKind.blockKeys.contains(key) { self = .block }
            else { self = .inline }
            // (Arrays, not sets: a short scan of integers is cheaper than hashing.)
        }
        static func key(_ s: String) -> UInt64 { s.utf8.reduce(0) { $0 << 8 | UInt64($1) } }
        static let hiddenKeys: [UInt64] = ["script", "style"].map(key)
        static let blockKeys: [UInt64] = (["p", "br", "div", "li", "td", "tr"] + blockTags.sorted()).map(key)
    }

    /// If `&` at `i` starts a character or entity reference ending in ';', the index after it.
    static func entityEnd<C: RandomAccessCollection>(_ u: C, _ i: Int) -> Int? where C.Element == UInt8, C.Index == Int {
        var j = i + 1
        guard j < u.count else { return nil }
        if u[j] == UInt8(ascii: "#") {
            j += 1
            let hex = j < u.count && (u[j] | 0x20) == UInt8(ascii: "x")
            if hex { j += 1 }
            let start = j
            while j < u.count, isDigit(u[j], hex: hex) { j += 1 }
            return (j > start && j < u.count && u[j] == UInt8(ascii: ";")) ? j + 1 : nil
        }
        let start = j
        while j < u.count, j - start < 32, isAlnum(u[j]) { j += 1 }
        return (j > start && j < u.count && u[j] == UInt8(ascii: ";")) ? j + 1 : nil
    }

    private static func isDigit(_ b: UInt8, hex: Bool) -> Bool {
        (b >= 0x30 && b <= 0x39) || (hex && ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x66))
    }
    private static func isAlnum(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A)
    }

    /// The scalar an entity or character reference stands for (HTML 4 names plus `&apos;`).
    static func entityValue(_ body: ArraySlice<UInt8>) -> Unicode.Scalar? {
        guard let first = body.first else { return nil }
        if first == UInt8(ascii: "#") {
            var digits = body.dropFirst()
            var radix = 10
            if let x = digits.first, (x | 0x20) == UInt8(ascii: "x") { radix = 16; digits = digits.dropFirst() }
            guard let v = UInt32(String(decoding: digits, as: UTF8.self), radix: radix) else { return nil }
            if v == 0 { return "\u{FFFD}" }
            // Windows-1252 numeric references (&#150;) as browsers read them.
            if (0x80...0x9F).contains(v), let m = cp1252[v] { return m }
            return Unicode.Scalar(v) ?? "\u{FFFD}"
        }
        let name = String(decoding: body, as: UTF8.self)
        if name == "apos" { return "'" }
        guard let desc = htmlEntityLookup(name) else { return nil }
        return Unicode.Scalar(desc.pointee.value)
    }

    private static let cp1252: [UInt32: Unicode.Scalar] = [
        0x80: "\u{20AC}", 0x82: "\u{201A}", 0x83: "\u{0192}", 0x84: "\u{201E}", 0x85: "\u{2026}", 0x86: "\u{2020}",
        0x87: "\u{2021}", 0x88: "\u{02C6}", 0x89: "\u{2030}", 0x8A: "\u{0160}", 0x8B: "\u{2039}", 0x8C: "\u{0152}",
        0x8E: "\u{017D}", 0x91: "\u{2018}", 0x92: "\u{2019}", 0x93: "\u{201C}", 0x94: "\u{201D}", 0x95: "\u{2022}",
        0x96: "\u{2013}", 0x97: "\u{2014}", 0x98: "\u{02DC}", 0x99: "\u{2122}", 0x9A: "\u{0161}", 0x9B: "\u{203A}",
        0x9C: "\u{0153}", 0x9E: "\u{017E}", 0x9F: "\u{0178}",
    ]

    static func decodeEntities(_ s: String) -> String {
        guard s.containsUTF8Byte(UInt8(ascii: "&")) else { return s }
        var buf = Array(s.utf8)
        let n = buf.withUnsafeMutableBufferPointer { decodeEntities(in: $0, count: $0.count) }
        return String(decoding: buf[0..<n], as: UTF8.self)
    }

    /// Decodes references in the first `count` bytes of `u` in place (a reference is never shorter
    /// than the UTF-8 of its character); returns the new length.
    static func decodeEntities(in u: UnsafeMutableBufferPointer<UInt8>, count n: Int) -> Int {
        guard let first = memchr(u.baseAddress!, Int32(UInt8(ascii: "&")), n) else { return n }
        var i = UnsafeMutablePointer<UInt8>(first.assumingMemoryBound(to: UInt8.self)) - u.baseAddress!
        var w = i
        let view = UnsafeBufferPointer(rebasing: u[0..<n])
        let base = u.baseAddress!
        while i < n {
            if u[i] == UInt8(ascii: "&"), let end = entityEnd(view, i), let scalar = entityValue(ArraySlice(view[(i + 1)..<(end - 1)])) {
                UTF8.encode(scalar) { u[w] = $0; w += 1 }
                i = end
                continue
            }
            // Up to the next "&" in one move.
            let from = u[i] == UInt8(ascii: "&") ? i + 1 : i
            let next = from < n ? (memchr(base + from, Int32(UInt8(ascii: "&")), n - from).map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: UInt8.self) - base } ?? n) : n
            if w != i { memmove(base + w, base + i, next - i) }
            w += next - i
            i = next
        }
        return w
    }
}

extension String {
    var trimmedForParsing: String { TextNormalizer.trim(self) }
}
