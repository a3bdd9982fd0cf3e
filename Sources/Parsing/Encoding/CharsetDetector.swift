import Foundation
import Model

/// Decides which charset a body is in, with the precedence browsers use: byte order mark, then
/// the user's override, then the HTTP header, then the document's own declaration
/// (`<?xml encoding>`, `<meta charset>`, `<meta http-equiv>`), then UTF-8 if the bytes are valid
/// UTF-8, else a guess from the bytes.
///
/// RFC 3023's rule that `text/xml` without a charset means US-ASCII is deliberately not followed:
/// browsers and RFC 7303 dropped it, and real feeds served as text/xml are mostly UTF-8.
enum CharsetDetector {
    struct Decision {
        var charset: Charset
        /// Bytes to skip (the BOM).
        var skip: Int
        /// The charset had to be guessed, a declared label was unknown, or the bytes contradict the
        /// declaration: "encoding trouble",
        /// which makes the document not well-formed for reporting purposes.
        var guessed = false
        /// The bytes were checked and are valid UTF-8 (saves a second pass over a large body).
        var validUTF8 = false
    }

    static func detect(_ bytes: [UInt8], override: String?, contentType: String?) -> Decision {
        if let bom = sniffBOM(bytes) { return bom }
        if let override, let cs = Charset.from(label: override) { return Decision(charset: cs, skip: 0) }
        let zeroPattern = sniffZeroPattern(bytes)
        if let header = contentType.flatMap(charsetParameter), let cs = Charset.from(label: header) {
            // A header naming an ASCII-compatible charset cannot describe bytes laid out as
            // UTF-16/32; the header is wrong then.
            if let zeroPattern, !cs.isUTF16or32 { return Decision(charset: zeroPattern, skip: 0) }
            return confirm(cs, label: header, bytes)
        }
        if let zeroPattern { return Decision(charset: zeroPattern, skip: 0) }
        let declared = declaredLabel(bytes)
        if let declared, let cs = Charset.from(label: declared), !cs.isUTF16or32 {
            // A UTF-16 declaration on bytes without zeros is a lie (the document was re-encoded).
            return confirm(cs, label: declared, bytes)
        }
        let unknownLabel = declared.map { Charset.from(label: $0) == nil } ?? false
        if Transcoder.isValidUTF8(bytes) { return Decision(charset: .utf8, skip: 0, guessed: unknownLabel, validUTF8: true) }
        return Decision(charset: CharsetGuesser.guess(bytes), skip: 0, guessed: true)
    }

    /// Checks a declared charset against the bytes; a declaration the bytes contradict is
    /// "encoding trouble" (the document is flagged) and, where the bytes say clearly what they
    /// are, overruled:
    /// - a Western label (iso-8859-1, windows-1252, us-ascii) on bytes that are valid UTF-8 with
    ///   multi-byte sequences: the document is UTF-8 (re-encoded, declaration copied along);
    ///   Latin-1 text practically never forms valid UTF-8;
    /// - "us-ascii" with bytes above 0x7F: read as Windows-1252, as browsers do;
    /// - a UTF-8 label on bytes with more invalid than valid multi-byte sequences: a legacy
    ///   charset (often GBK or Latin-1 from an old CMS), guessed from the bytes. A few stray
    ///   bytes in real UTF-8 text only become U+FFFD.
    static func confirm(_ cs: Charset, label: String, _ bytes: [UInt8]) -> Decision {
        if cs == .windows1252, bytes.contains(where: { $0 >= 0x80 }) {
            if Transcoder.isValidUTF8(bytes) { return Decision(charset: .utf8, skip: 0, guessed: true, validUTF8: true) }
            return Decision(charset: cs, skip: 0, guessed: isASCIILabel(label))
        }
        if cs == .utf8 {
            if Transcoder.isValidUTF8(bytes) { return Decision(charset: cs, skip: 0, validUTF8: true) }
            let (valid, invalid) = Transcoder.utf8SequenceCounts(bytes)
            if invalid > valid { return Decision(charset: CharsetGuesser.guess(bytes), skip: 0, guessed: true) }
        }
        return Decision(charset: cs, skip: 0)
    }

    static func isASCIILabel(_ label: String) -> Bool {
        ["us-ascii", "ascii", "ansi_x3.4-1968", "us", "iso646-us", "csascii"].contains(label.lowercased())
    }

    static func sniffBOM(_ b: [UInt8]) -> Decision? {
        if b.count >= 4 {
            if b[0] == 0x00, b[1] == 0x00, b[2] == 0xFE, b[3] == 0xFF { return Decision(charset: .utf32BE, skip: 4) }
            if b[0] == 0xFF, b[1] == 0xFE, b[2] == 0x00, b[3] == 0x00 { return Decision(charset: .utf32LE, skip: 4) }
        }
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { return Decision(charset: .utf8, skip: 3) }
        if b.count >= 2 {
            if b[0] == 0xFE, b[1] == 0xFF { return Decision(charset: .utf16BE, skip: 2) }
            if b[0] == 0xFF, b[1] == 0xFE { return Decision(charset: .utf16LE, skip: 2) }
        }
        return nil
    }

    /// UTF-16/32 without a BOM, recognised from where the zero bytes of "<" fall.
    static func sniffZeroPattern(_ b: [UInt8]) -> Charset? {
        guard b.count >= 4 else { return nil }
        switch (b[0], b[1], b[2], b[3]) {
        case (0x00, 0x00, 0x00, let c) where c != 0: return .utf32BE
        case (let c, 0x00, 0x00, 0x00) where c != 0: return .utf32LE
        case (0x00, let c, 0x00, let d) where c != 0 && d != 0: return .utf16BE
        case (let c, 0x00, let d, 0x00) where c != 0 && d != 0: return .utf16LE
        default: return nil
        }
    }

    /// The `charset` parameter of a Content-Type header value.
    static func charsetParameter(_ contentType: String) -> String? {
        for part in contentType.split(separator: ";").dropFirst() {
            let kv = part.split(separator: "=", maxSplits: 1)
            guard kv.count == 2,
                  kv[0].trimmedWhitespace().lowercased() == "charset" else { continue }
            let v = String(kv[1].drop { " \t\"'".contains($0) }.reversed().drop { " \t\"'".contains($0) }.reversed())
            return v.isEmpty ? nil : v
        }
        return nil
    }

    /// The charset a document declares about itself, looked for in its first 4 KB and in the
    /// whole XML prolog (a long comment can push `<meta>` far down).
    static func declaredLabel(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { declaredLabel($0) }
    }

    /// Works on the raw bytes: this runs for every fetched body, and String searching cost a
    /// tenth of a whole pass's CPU.
    static func declaredLabel(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var limit = min(bytes.count, 4096)
        // Extend to the first element start after the prolog: "<" followed by a letter.
        if limit < bytes.count, let firstElement = firstElementStart(bytes) { limit = max(limit, min(firstElement + 512, bytes.count)) }
        let head = ASCIIHead(UnsafeBufferPointer(rebasing: bytes[0..<limit]))
        if let r = head.find("<?xml", in: 0..<head.count) {
            let declEnd = head.find("?>", in: r.upperBound..<head.count)?.lowerBound ?? head.count
            if let v = head.attributeValue(named: "encoding", in: r.upperBound..<declEnd) { return v }
        }
        var from = 0
        while let m = head.find("<meta", in: from..<head.count) {
            let tagEnd = head.firstIndex(of: UInt8(ascii: ">"), in: m.upperBound..<head.count) ?? head.count
            let tag = m.upperBound..<tagEnd
            if let v = head.attributeValue(named: "charset", in: tag) { return v }
            if let content = head.attributeValue(named: "content", in: tag),
               let r = content.utf8.firstRange(of: "charset=".utf8) {
                let v = content.utf8[r.upperBound...].prefix { !" ;\"'".utf8.contains($0) }
                if !v.isEmpty { return String(decoding: v, as: UTF8.self) }
            }
            from = tagEnd
        }
        return nil
    }

    private static func firstElementStart(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        while i + 1 < b.count {
            if b[i] == UInt8(ascii: "<") {
                let c = b[i + 1]
                if (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) { return i }
            }
            i += 1
        }
        return nil
    }
}

/// The head of a document seen as lower-cased ASCII, other bytes as spaces so they can never join
/// a name. Read in place: a lower-cased copy of every body's head cost more than the search.
private struct ASCIIHead {
    let raw: UnsafeBufferPointer<UInt8>
    init(_ raw: UnsafeBufferPointer<UInt8>) { self.raw = raw }
    var count: Int { raw.count }

    @inline(__always)
    subscript(_ i: Int) -> UInt8 {
        let b = raw[i]
        if b >= 0x80 { return 0x20 }
        return b >= 0x41 && b <= 0x5A ? b | 0x20 : b
    }

    func find(_ needle: StaticString, in range: Range<Int>) -> Range<Int>? {
        let n = needle.utf8CodeUnitCount
        guard n > 0, range.count >= n else { return nil }
        return needle.withUTF8Buffer { pat -> Range<Int>? in
            var i = range.lowerBound
            let last = range.upperBound - n
            while i <= last {
                if pat[0] == UInt8(ascii: "<") {
                    // "<" is itself in every view of the bytes: let memchr skip to the next one.
                    guard let p = memchr(raw.baseAddress! + i, Int32(pat[0]), last - i + 1) else { return nil }
                    i = raw.baseAddress!.distance(to: p.assumingMemoryBound(to: UInt8.self))
                }
                if self[i] == pat[0] {
                    var k = 1
                    while k < n, self[i + k] == pat[k] { k += 1 }
                    if k == n { return i..<(i + n) }
                }
                i += 1
            }
            return nil
        }
    }

    func firstIndex(of byte: UInt8, in range: Range<Int>) -> Int? {
        var i = range.lowerBound
        while i < range.upperBound { if self[i] == byte { return i }; i += 1 }
        return nil
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: range.map { self[$0] }, as: UTF8.self)
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// `name="value"`, `name='value'` or `name=value` inside a tag.
    func attributeValue(named name: StaticString, in range: Range<Int>) -> String? {
        var from = range.lowerBound
        while let r = find(name, in: from..<range.upperBound) {
            from = r.upperBound
            // Must start an attribute name, not be the end of another one ("http-equiv" vs "equiv").
            if r.lowerBound > range.lowerBound {
                let before = self[r.lowerBound - 1]
                if (before >= 0x61 && before <= 0x7A) || before == UInt8(ascii: "-") { continue }
            }
            var i = r.upperBound
            while i < range.upperBound, Self.isSpace(self[i]) { i += 1 }
            guard i < range.upperBound, self[i] == UInt8(ascii: "=") else { continue }
            i += 1
            while i < range.upperBound, Self.isSpace(self[i]) { i += 1 }
            guard i < range.upperBound else { return nil }
            let q = self[i]
            if q == UInt8(ascii: "\"") || q == UInt8(ascii: "'") {
                var lo = i + 1
                var hi = lo
                while hi < range.upperBound, self[hi] != q { hi += 1 }
                // Spaces and tabs around a quoted value do not belong to it.
                while lo < hi, self[lo] == 0x20 || self[lo] == 0x09 { lo += 1 }
                while hi > lo, self[hi - 1] == 0x20 || self[hi - 1] == 0x09 { hi -= 1 }
                return lo < hi ? text(lo..<hi) : nil
            }
            var hi = i
            while hi < range.upperBound, !Self.isSpace(self[hi]), !" >/;\"'".utf8.contains(self[hi]) { hi += 1 }
            return hi > i ? text(i..<hi) : nil
        }
        return nil
    }
}
