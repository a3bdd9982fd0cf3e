import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A body transcoded to UTF-8, with the charset it was read as.
struct DecodedBody {
    var utf8: [UInt8]
    var charset: Charset
    /// Byte sequences that were invalid in `charset` (each became U+FFFD).
    var errors: Int
    /// The charset was guessed from the bytes (nothing trustworthy declared it).
    var guessed: Bool

    init(_ input: ParseInput) {
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
        self.utf8 = utf8
        self.charset = decision.charset
        self.errors = errors
        self.guessed = decision.guessed
    }
}
