/// Response header lines as libcurl hands them over (one line per callback, CRLF included),
/// read without building Strings for the fields nobody uses.
enum HeaderLine {
    /// The response fields a fetch keeps.
    enum Field {
        case contentType, etag, lastModified, location, retryAfter, contentLength

        /// Lower-case names; field names are case-insensitive (RFC 9110 5.1).
        static let names: [(name: [UInt8], field: Field)] = [
            (Array("content-type".utf8), .contentType), (Array("etag".utf8), .etag),
            (Array("last-modified".utf8), .lastModified), (Array("location".utf8), .location),
            (Array("retry-after".utf8), .retryAfter), (Array("content-length".utf8), .contentLength),
        ]
    }

    static func hasPrefix(_ line: UnsafeRawBufferPointer, _ prefix: StaticString) -> Bool {
        guard line.count >= prefix.utf8CodeUnitCount else { return false }
        return prefix.withUTF8Buffer { p in p.indices.allSatisfy { line[$0] == p[$0] } }
    }

    /// The status code of a status line ("HTTP/1.1 304 Not Modified"): the word after the first
    /// space, when it is all digits; 0 otherwise.
    static func statusCode(_ line: UnsafeRawBufferPointer) -> Int {
        guard let space = line.firstIndex(of: UInt8(ascii: " ")) else { return 0 }
        var code = 0, digits = 0
        for b in line[(space + 1)...] {
            if b == UInt8(ascii: " ") || b == UInt8(ascii: "\r") || b == UInt8(ascii: "\n") { break }
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9"), digits < 9 else { return 0 }
            code = code * 10 + Int(b - UInt8(ascii: "0"))
            digits += 1
        }
        return code
    }

    /// The field a line names (nil for fields not kept and for lines without a colon) and the
    /// bytes after the colon. The name is matched as written after leading blanks, ignoring ASCII
    /// case (a blank before the colon is not allowed by RFC 9110, and such a field is not read).
    static func split(_ line: UnsafeRawBufferPointer) -> (Field, UnsafeRawBufferPointer)? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        var start = 0
        let end = colon
        while start < end, isBlank(line[start]) { start += 1 }
        let length = end - start
        for (name, field) in Field.names where name.count == length {
            var same = true
            for k in 0..<length where lower(line[start + k]) != name[k] {
                same = false
                break
            }
            if same { return (field, UnsafeRawBufferPointer(rebasing: line[(colon + 1)...])) }
        }
        return nil
    }

    @inline(__always) private static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
    @inline(__always) private static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
}
