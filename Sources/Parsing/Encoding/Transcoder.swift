import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Bytes in some charset → UTF-8 bytes, through glibc iconv. Invalid sequences become U+FFFD:
/// a page with one bad byte must still yield its text (libxml2 would stop converting there).
enum Transcoder {
    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    static func isSupported(_ name: String) -> Bool {
        let cd = iconv_open("UTF-8", name)
        if cd == iconv_t(bitPattern: -1) { return false }
        iconv_close(cd)
        return true
    }

    /// Returns the UTF-8 bytes and the number of replaced sequences.
    static func toUTF8(_ bytes: [UInt8], from charset: Charset) -> (bytes: [UInt8], errors: Int) {
        if charset == .utf8 { return repairUTF8(bytes) }
        let cd = iconv_open("UTF-8", charset.iconvName)
        if cd == iconv_t(bitPattern: -1) { return repairUTF8(bytes) }
        defer { iconv_close(cd) }
        var output = [UInt8]()
        output.reserveCapacity(bytes.count + bytes.count / 2)
        var errors = 0
        let unit = charset.name.hasPrefix("utf-32") ? 4 : (charset.name.hasPrefix("utf-16") ? 2 : 1)
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        bytes.withUnsafeBufferPointer { inBuf in
            guard let base = inBuf.baseAddress else { return }
            var inPtr = UnsafeMutablePointer(mutating: UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self))
            var inLeft = inBuf.count
            chunk.withUnsafeMutableBufferPointer { outBuf in
                let outBase = UnsafeMutableRawPointer(outBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                while inLeft > 0 {
                    var outPtr: UnsafeMutablePointer<CChar>? = outBase
                    var outLeft = outBuf.count
                    var inOpt: UnsafeMutablePointer<CChar>? = inPtr
                    let rc = iconv(cd, &inOpt, &inLeft, &outPtr, &outLeft)
                    inPtr = inOpt!
                    let produced = outBuf.count - outLeft
                    output.append(contentsOf: UnsafeBufferPointer(start: outBuf.baseAddress, count: produced))
                    if rc != -1 { break }
                    switch errno {
                    case E2BIG:
                        continue
                    case EILSEQ:
                        errors += 1
                        output.append(contentsOf: replacement)
                        let skip = min(unit, inLeft)
                        inPtr += skip
                        inLeft -= skip
                    default: // EINVAL: an incomplete sequence at the end (a truncated body)
                        errors += 1
                        output.append(contentsOf: replacement)
                        inLeft = 0
                    }
                }
            }
        }
        return (output, errors)
    }

    /// Valid UTF-8 is returned untouched; otherwise invalid sequences become U+FFFD.
    static func repairUTF8(_ bytes: [UInt8]) -> (bytes: [UInt8], errors: Int) {
        if isValidUTF8(bytes) { return (bytes, 0) }
        let s = String(decoding: bytes, as: UTF8.self)
        let errs = s.unicodeScalars.reduce(0) { $0 + ($1 == "\u{FFFD}" ? 1 : 0) }
        return (Array(s.utf8), max(errs, 1))
    }

    /// Multi-byte UTF-8 sequences that are well-formed, and bytes that start no valid sequence.
    static func utf8SequenceCounts(_ b: [UInt8]) -> (valid: Int, invalid: Int) {
        var valid = 0, invalid = 0, i = 0
        let n = b.count
        while i < n {
            let lead = b[i]
            if lead < 0x80 { i += 1; continue }
            let len: Int
            switch lead {
            case 0xC2...0xDF: len = 2
            case 0xE0...0xEF: len = 3
            case 0xF0...0xF4: len = 4
            default: len = 0
            }
            var ok = len > 0 && i + len <= n
            if ok { for k in 1..<len where b[i + k] & 0xC0 != 0x80 { ok = false; break } }
            if ok { valid += 1; i += len } else { invalid += 1; i += 1 }
        }
        return (valid, invalid)
    }

    /// Validates without building a String (a 20 MB feed would otherwise be copied once more).
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { isValidUTF8($0) }
    }

    static func isValidUTF8(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        do {
            var i = 0
            let n = u.count
            while i < n {
                let b = u[i]
                if b < 0x80 {
                    // Eight ASCII bytes at a time.
                    if i + 8 <= n, UnsafeRawPointer(u.baseAddress! + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                        i += 8
                    } else {
                        i += 1
                    }
                    continue
                }
                let len: Int
                switch b {
                case 0xC2...0xDF: len = 2
                case 0xE0...0xEF: len = 3
                case 0xF0...0xF4: len = 4
                default: return false
                }
                guard i + len <= n else { return false }
                let b1 = u[i + 1]
                guard b1 & 0xC0 == 0x80 else { return false }
                // Overlong forms, surrogates and code points past U+10FFFF.
                if b == 0xE0 && b1 < 0xA0 || b == 0xED && b1 > 0x9F || b == 0xF0 && b1 < 0x90 || b == 0xF4 && b1 > 0x8F { return false }
                if len > 2 { guard u[i + 2] & 0xC0 == 0x80 else { return false } }
                if len > 3 { guard u[i + 3] & 0xC0 == 0x80 else { return false } }
                i += len
            }
            return true
        }
    }
}
