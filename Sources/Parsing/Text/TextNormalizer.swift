import Foundation
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
        var t = demoronize(repairMojibake(s))
        if needsNFC(t) { t = t.precomposedStringWithCanonicalMapping }
        return collapse(t)
    }

    /// Decomposed accents ("e" + U+0301) are composed so equal texts compare equal.
    private static func needsNFC(_ s: String) -> Bool {
        // Combining marks all lie at U+0300 and above: UTF-8 lead bytes 0xCC and up.
        guard s.utf8.contains(where: { $0 >= 0xCC }) else { return false }
        return s.unicodeScalars.contains { $0.properties.canonicalCombiningClass != .notReordered }
    }

    /// UTF-8 text that was once decoded as Latin-1 or Windows-1252 and encoded again ("â€¦" for
    /// "…", "Ã©" for "é"). When every character is a Latin-1/Windows-1252 one and their bytes form
    /// valid UTF-8, that UTF-8 reading is what the author wrote; feedparser repairs the same way.
    /// Only readings made of Latin letters (U+00A0–U+017F) or characters from U+0800 up (quotes,
    /// dashes, CJK) are accepted, so real Latin-1 text ("CAFÉ" + no-break space) is left alone.
    static func repairMojibake(_ s: String) -> String {
        // Every Latin-1 character that can start a UTF-8 sequence (Â…ô) is encoded with lead byte C3.
        guard s.utf8.contains(0xC3) else { return s }
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
        guard s.unicodeScalars.contains(where: { (0x80...0x9F).contains($0.value) }) else { return s }
        var out = String.UnicodeScalarView()
        for ch in s.unicodeScalars {
            if (0x80...0x9F).contains(ch.value) { out.append(cp1252[ch.value] ?? ch) } else { out.append(ch) }
        }
        return String(out)
    }

    /// Collapses whitespace runs (including U+3000, zero-width space and BOM) to one space, trims,
    /// and folds full-width ASCII forms (Ｆ, ：, １) to ASCII, as Chinese sites mix them in.
    static func collapse(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        var empty = true
        for ch in s.unicodeScalars {
            let v = ch.value
            if v < 0x80 {
                if v == 0x20 || (v >= 0x09 && v <= 0x0D) { pendingSpace = !empty; continue }
                // Other C0 controls and DEL (terminal escapes, NUL, bell) are never text.
                if v < 0x20 || v == 0x7F { continue }
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(ch); empty = false
                continue
            }
            // C1 controls, and bidi overrides and isolates (they make "gnp.exe" read as "exe.png" and
            // can reorder a whole alert line), are dropped from every field.
            if v < 0xA0 || (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069) { continue }
            if ch.properties.isWhitespace || v == 0x200B || v == 0xFEFF {
                pendingSpace = !empty
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                if v >= 0xFF01 && v <= 0xFF5E, let folded = Unicode.Scalar(v - 0xFF01 + 0x21) { out.append(folded) }
                else { out.append(ch) }
                empty = false
            }
        }
        return String(out)
    }

    /// HTML markup (as found escaped in RSS descriptions or Atom type="html") → plain text.
    static func fromHTML(_ s: String) -> String {
        plain(decodeEntities(stripTags(s)))
    }

    /// A text/plain field that nonetheless carries markup or entities (common in RSS titles).
    static func maybeHTML(_ s: String) -> String {
        looksLikeHTML(s) ? fromHTML(s) : plain(s)
    }

    static func looksLikeHTML(_ s: String) -> Bool {
        let u = Array(s.utf8)
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
        let u = Array(s.utf8)
        guard u.contains(UInt8(ascii: "<")) else { return s }
        var out = [UInt8]()
        out.reserveCapacity(u.count)
        var i = 0
        let n = u.count
        func starts(_ p: String, at j: Int) -> Bool {
            let pb = Array(p.utf8)
            guard j + pb.count <= n else { return false }
            for k in 0..<pb.count where (u[j + k] | (pb[k] >= 0x61 ? 0x20 : 0)) != pb[k] { return false }
            return true
        }
        func find(_ p: String, from j: Int) -> Int? {
            var k = j
            while k < n { if starts(p, at: k) { return k }; k += 1 }
            return nil
        }
        while i < n {
            let b = u[i]
            guard b == UInt8(ascii: "<"), i + 1 < n else { out.append(b); i += 1; continue }
            if starts("<!--", at: i) {
                i = (find("-->", from: i + 4).map { $0 + 3 }) ?? n
                continue
            }
            let c = u[i + 1]
            let isLetter = ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A)
            // "<!" opens markup only as a declaration (<!DOCTYPE, <![CDATA[); "<!'" is text.
            let declaration = c == UInt8(ascii: "!") && i + 2 < n && (((u[i + 2] | 0x20) >= 0x61 && (u[i + 2] | 0x20) <= 0x7A) || u[i + 2] == UInt8(ascii: "["))
            guard isLetter || c == UInt8(ascii: "/") || declaration || c == UInt8(ascii: "?") else {
                out.append(b); i += 1; continue
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
            let name = String(decoding: u[k..<nameEnd], as: UTF8.self).lowercased()
            let closing = u[i + 1] == UInt8(ascii: "/")
            i = min(j + 1, n)
            if !closing, name == "script" || name == "style" {
                i = find("</" + name, from: i).map { e in (u[e...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 }) ?? n } ?? n
                continue
            }
            if blockTags.contains(name) { out.append(UInt8(ascii: " ")) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// If `&` at `i` starts a character or entity reference ending in ';', the index after it.
    static func entityEnd(_ u: [UInt8], _ i: Int) -> Int? {
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
        let u = Array(s.utf8)
        guard u.contains(UInt8(ascii: "&")) else { return s }
        var out = [UInt8]()
        out.reserveCapacity(u.count)
        var i = 0
        while i < u.count {
            if u[i] == UInt8(ascii: "&"), let end = entityEnd(u, i), let scalar = entityValue(u[(i + 1)..<(end - 1)]) {
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
                i = end
            } else {
                out.append(u[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
