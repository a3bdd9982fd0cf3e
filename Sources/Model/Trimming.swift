#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whitespace trimming without Foundation's NSString bridge, which showed up in profiles of a pass
/// (every response header line and item field went through it).
extension StringProtocol {
    /// The string without leading and trailing Unicode whitespace (spaces, tabs, line breaks,
    /// U+00A0, U+3000 …), as `trimmingCharacters(in: .whitespacesAndNewlines)` but native.
    public func trimmedWhitespace() -> String {
        // Most strings (header lines, ids, links) begin and end in ASCII: trim those bytes
        // without decoding scalars.
        let whole = Substring(self)
        let bytes = whole.utf8
        var lo = bytes.startIndex, hi = bytes.endIndex
        while lo < hi, isASCIISpace(bytes[lo]) { lo = bytes.index(after: lo) }
        while hi > lo, isASCIISpace(bytes[bytes.index(before: hi)]) { hi = bytes.index(before: hi) }
        if lo == hi { return "" }
        if bytes[lo] < 0x80, bytes[bytes.index(before: hi)] < 0x80 {
            return String(whole[lo..<hi])
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[first...last])
        return String(out)
    }
}

/// The ASCII characters with Unicode's White_Space property: TAB, LF, VT, FF, CR and space.
@inline(__always)
private func isASCIISpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

extension String {
    /// Whether the UTF-8 bytes hold `byte`, found with memchr: `utf8.contains` walks the view a
    /// byte at a time, and the text of every item field went through several such checks.
    public func containsUTF8Byte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { buf in
            guard let base = buf.baseAddress else { return false }
            return memchr(base, Int32(byte), buf.count) != nil
        } ?? utf8.contains(byte)
    }

    /// Line feeds as spaces (one line of text from a rendered block), without Foundation's
    /// NSString-bridged `replacingOccurrences`.
    public var newlinesAsSpaces: String {
        guard containsUTF8Byte(0x0A) else { return self }
        return String(decoding: utf8.map { $0 == 0x0A ? 0x20 : $0 }, as: UTF8.self)
    }
}
