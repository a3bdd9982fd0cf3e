import Foundation

/// A character set chosen for a body: the name glibc iconv knows and the name reported to users.
struct Charset: Equatable, Sendable {
    /// Name handed to `iconv_open`.
    let iconvName: String
    /// Lower-case WHATWG-style name, reported in `ParsedDocument.encoding`.
    let name: String

    static let utf8 = Charset(iconvName: "UTF-8", name: "utf-8")
    static let utf16LE = Charset(iconvName: "UTF-16LE", name: "utf-16le")
    static let utf16BE = Charset(iconvName: "UTF-16BE", name: "utf-16be")
    static let utf32LE = Charset(iconvName: "UTF-32LE", name: "utf-32le")
    static let utf32BE = Charset(iconvName: "UTF-32BE", name: "utf-32be")
    static let gb18030 = Charset(iconvName: "GB18030", name: "gb18030")
    static let big5 = Charset(iconvName: "BIG5-HKSCS", name: "big5")
    static let shiftJIS = Charset(iconvName: "CP932", name: "shift_jis")
    static let eucJP = Charset(iconvName: "EUC-JP", name: "euc-jp")
    static let eucKR = Charset(iconvName: "CP949", name: "euc-kr")
    static let windows1252 = Charset(iconvName: "WINDOWS-1252", name: "windows-1252")

    var isUTF16or32: Bool { name.hasPrefix("utf-16") || name.hasPrefix("utf-32") }

    /// Trimmed of spaces and quotes, lower-cased, "_" as "-". On bytes: this runs for every fetched
    /// body, and Foundation's trimming and replacing went through NSString.
    static func normalizedLabel(_ raw: String) -> String {
        let quoteOrSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A || $0 == 0x22 || $0 == 0x27 }
        var bytes = Array(raw.utf8)
        while let last = bytes.last, quoteOrSpace(last) { bytes.removeLast() }
        let start = bytes.firstIndex { !quoteOrSpace($0) } ?? bytes.count
        var out = [UInt8]()
        out.reserveCapacity(bytes.count - start)
        var ascii = true
        for b in bytes[start...] {
            if b >= 0x80 { ascii = false }
            out.append(b == UInt8(ascii: "_") ? UInt8(ascii: "-") : (b >= 0x41 && b <= 0x5A ? b | 0x20 : b))
        }
        let label = String(decoding: out, as: UTF8.self)
        return ascii ? label : label.lowercased()
    }

    /// Maps a label the way browsers do (WHATWG Encoding Standard): legacy labels decode as their
    /// superset, because servers label GBK pages "gb2312" and Windows-1252 pages "iso-8859-1",
    /// and a strict decoder would stop at the first character outside the label.
    /// Returns nil for labels iconv does not know, so the caller falls through to the next source.
    static func from(label raw: String) -> Charset? {
        let label = normalizedLabel(raw)
        if label.isEmpty { return nil }
        switch label {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8":
            return .utf8
        case "gb2312", "gbk", "x-gbk", "gb18030", "cp936", "chinese", "csgb2312", "iso-ir-58",
             "gb-2312", "euc-cn", "x-euc-cn", "windows-936", "ms936", "csiso58gb231280", "gb-18030":
            return .gb18030
        case "big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5", "cp950", "x-big5", "big-5":
            return .big5
        case "shift-jis", "sjis", "x-sjis", "ms-kanji", "windows-31j", "cp932", "csshiftjis", "ms932":
            return .shiftJIS
        case "euc-jp", "x-euc-jp", "cseucpkdfmtjapanese":
            return .eucJP
        case "euc-kr", "cp949", "windows-949", "ks-c-5601-1987", "ks-c-5601-1989", "ksc5601", "ksc-5601",
             "korean", "csksc56011987", "iso-ir-149", "uhc", "cseuckr":
            return .eucKR
        case "iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "ansi-x3.4-1968", "cp1252",
             "windows-1252", "x-cp1252", "iso-ir-100", "ibm819", "cp819", "csisolatin1", "iso-8859-1:1987",
             "iso88591", "us", "csascii":
            return .windows1252
        case "utf-16", "utf-16le", "utf16", "unicode", "ucs-2", "csunicode", "iso-10646-ucs-2", "unicodefeff":
            return .utf16LE
        case "utf-16be", "unicodefffe":
            return .utf16BE
        case "utf-32", "utf-32le", "utf32", "ucs-4":
            return .utf32LE
        case "utf-32be":
            return .utf32BE
        default:
            // Other labels (koi8-r, windows-1251, iso-8859-x…) are passed to iconv as they are,
            // if iconv knows them.
            guard label.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-.:".contains($0)) }),
                  Transcoder.isSupported(label) else { return nil }
            return Charset(iconvName: label.uppercased(), name: label)
        }
    }
}
