import Foundation

/// Cleans a string that came from a source before any renderer escapes it for its format:
/// control characters and bidirectional overrides/isolates are removed (an RTL override in a title
/// would otherwise flip the rest of the line, including the link text after it), whitespace is
/// collapsed, and very long strings are cut at a character boundary with an ellipsis.
enum SourceText {
    static let bidiControls: Set<UInt32> = [0x200E, 0x200F, 0x061C, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
                                             0x2066, 0x2067, 0x2068, 0x2069]

    static func clean(_ s: String, max: Int = 300) -> String {
        // Works on scalars and stops once past `max`: a 5 MB title costs no more than a short one.
        var out = String.UnicodeScalarView()
        var count = 0
        var lastSpace = true
        var cut = false
        for u in s.unicodeScalars {
            if count >= max { cut = true; break }
            // Fast path for the characters most text is made of (printable ASCII, CJK ideographs,
            // kana and CJK/full-width punctuation other than the ideographic space), which are
            // never whitespace, control or format characters.
            let v = u.value
            if (v > 0x20 && v < 0x7F) || (v >= 0x3001 && v <= 0x9FFF) || (v >= 0xFF01 && v <= 0xFF5E) {
                out.append(u)
                count += 1
                lastSpace = false
                continue
            }
            if bidiControls.contains(v) || (u.properties.generalCategory == .format && v != 0x200D) { continue }
            if u.properties.isWhitespace || u.properties.generalCategory == .control {
                if !lastSpace { out.append(" "); count += 1 }
                lastSpace = true
            } else {
                out.append(u)
                count += 1
                lastSpace = false
            }
        }
        if cut {
            // Leave room for the ellipsis; never end on a space.
            while let last = out.last, count >= max || last == " " { out.removeLast(); count -= 1 }
            out.append("…")
        } else if out.last == " " {
            out.removeLast()
        }
        return String(out)
    }

    /// The first one or two sentences (Chinese 。！？ or Latin . ! ? followed by a space), at most `max` characters.
    static func leadSentences(_ s: String, count: Int = 2, max: Int = 320) -> String {
        let text = clean(s, max: 2000)
        var sentences = 0
        var end = text.unicodeScalars.endIndex
        let scalars = text.unicodeScalars
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let c = scalars[i]
            let next = scalars.index(after: i)
            let isEnd = c == "。" || c == "！" || c == "？"
                || ((c == "." || c == "!" || c == "?") && (next == scalars.endIndex || scalars[next] == " "))
            if isEnd {
                sentences += 1
                if sentences == count { end = next; break }
            }
            i = next
        }
        return clean(String(scalars[..<end]), max: max)
    }

    /// Only http and https links are ever rendered as links.
    static func safeLink(_ s: String?) -> String? {
        guard let s = s?.trimmingCharacters(in: .whitespacesAndNewlines), !s.isEmpty,
              let url = URL(string: s), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              url.host != nil else { return nil }
        return s
    }
}
