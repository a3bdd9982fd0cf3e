/// Escaping for HTML and XML text and (double-quoted) attribute values, shared by the e-mail and
/// webhook formats and the reports. Works on UTF-8 bytes: the five special characters are ASCII,
/// and per-character String appends made escaping the slowest part of a report.
public enum MarkupEscape {
    public static func html(_ s: String) -> String { escapeBytes(s, xml: false) }

    /// As `html`, and characters XML 1.0 forbids (other control characters, U+FFFE/U+FFFF) are
    /// dropped so a feed stays well-formed.
    public static func xml(_ s: String) -> String { escapeBytes(s, xml: true) }

    private static func escapeBytes(_ s: String, xml: Bool) -> String {
        let bytes = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8 + 16)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case 0x26: out += [0x26, 0x61, 0x6D, 0x70, 0x3B]                // &amp;
            case 0x3C: out += [0x26, 0x6C, 0x74, 0x3B]                      // &lt;
            case 0x3E: out += [0x26, 0x67, 0x74, 0x3B]                      // &gt;
            case 0x22: out += [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]          // &quot;
            case 0x27: out += [0x26, 0x23, 0x33, 0x39, 0x3B]                // &#39;
            case 0x09, 0x0A, 0x0D: out.append(b)
            case 0x00..<0x20, 0x7F: if !xml { out.append(b) }
            case 0xEF where xml && i + 2 < bytes.count && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF):
                i += 2                                                      // U+FFFE, U+FFFF
            default: out.append(b)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
