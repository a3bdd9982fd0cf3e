import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A body transcoded to UTF-8, with the charset it was read as.
struct DecodedBody {
    /// The UTF-8 bytes (a copy when the body was already UTF-8; see `withUTF8`).
    var utf8: [UInt8] { storage ?? [UInt8](source ?? Data()) }
    /// Transcoded or cleaned bytes, or nil when the body's own bytes are the UTF-8 text.
    private var storage: [UInt8]?
    /// The body itself, when it needed no change (a 20 MB feed is then never copied).
    private var source: Data?
    var charset: Charset
    /// Byte sequences that were invalid in `charset` (each became U+FFFD).
    var errors: Int
    /// The charset was guessed from the bytes (nothing trustworthy declared it).
    var guessed: Bool

    /// The UTF-8 bytes without copying them.
    func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let storage { return storage.withUnsafeBufferPointer(body) }
        return (source ?? Data()).withUnsafeBytes { body($0.bindMemory(to: UInt8.self)) }
    }

    init(_ input: ParseInput) {
        if DecodedBody.isPlainUTF8(input) {
            source = input.data
            charset = .utf8
            errors = 0
            guessed = false
            return
        }
        let bytes = [UInt8](input.data)
        let decision = CharsetDetector.detect(bytes, override: input.encodingOverride, contentType: input.contentType)
        let payload = decision.skip > 0 ? Array(bytes[decision.skip...]) : bytes
        var (utf8, errors) = decision.validUTF8 && decision.charset == .utf8 && decision.skip == 0
            ? (payload, 0) : Transcoder.toUTF8(payload, from: decision.charset)
        if errors > 0, decision.charset == .big5 {
            // Taiwanese pages labelled big5 are often really CP950 (Microsoft's variant, with the
            // euro sign and ETEN extensions), which HKSCS lacks.
            let alt = Transcoder.toUTF8(payload, from: Charset(iconvName: "CP950", name: "big5"))
            if alt.errors < errors { (utf8, errors) = alt }
        }
        // A UTF-8 BOM left after conversion (e.g. a labelled UTF-16 body that also had one).
        if utf8.count >= 3, utf8[0] == 0xEF, utf8[1] == 0xBB, utf8[2] == 0xBF { utf8.removeFirst(3) }
        // NUL characters end C strings inside libxml2; they never carry meaning in a feed.
        if utf8.withUnsafeBufferPointer({ $0.baseAddress.map { memchr($0, 0, utf8.count) != nil } ?? false }) { utf8.removeAll { $0 == 0 } }
        self.storage = utf8
        self.charset = decision.charset
        self.errors = errors
        self.guessed = decision.guessed
    }

    /// Valid UTF-8 that nothing declares otherwise, with no BOM and no NUL: used as it is.
    /// (The same decision `CharsetDetector` would reach, checked without copying the body.)
    private static func isPlainUTF8(_ input: ParseInput) -> Bool {
        if let o = input.encodingOverride, Charset.from(label: o) != .utf8 { return false }
        if let header = input.contentType.flatMap(CharsetDetector.charsetParameter), Charset.from(label: header) != .utf8 { return false }
        return input.data.withUnsafeBytes { raw -> Bool in
            let b = raw.bindMemory(to: UInt8.self)
            guard b.count >= 4, b.count < Int(Int32.max) else { return false }
            // A BOM, or zeros of UTF-16/32.
            if b[0] == 0xEF || b[0] == 0xFE || b[0] == 0xFF || b[0] == 0 || b[1] == 0 { return false }
            // The document's own declaration, read from its head as the detector reads it.
            let head = UnsafeBufferPointer(rebasing: b.prefix(64 * 1024))
            if head.count < b.count, memchr(head.baseAddress!, Int32(UInt8(ascii: "<")), head.count) == nil { return false }
            if let declared = CharsetDetector.declaredLabel(head), Charset.from(label: declared) != .utf8 { return false }
            guard memchr(b.baseAddress!, 0, b.count) == nil else { return false }
            return Transcoder.isValidUTF8(b)
        }
    }
}
